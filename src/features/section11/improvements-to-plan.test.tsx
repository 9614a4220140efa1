import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { server } from '../../../mocks/node';
import { renderApp } from '../../../test/render';
import { signedInAs } from '../../../test/session';

const POLICE = '/section11/section-11-audit-2016/west-midlands-police';
const BRIEFING = 'Brief every public protection officer on the board’s escalation policy';

describe('agreed improvement actions into the action plan', () => {
  it('a quality assurance member adds one under a priority; the action plan says it answers the police’s standard 11', async () => {
    server.use(signedInAs('quality-assurance'));
    const { user } = renderApp(POLICE);
    const form = await screen.findByRole('form', { name: `Add to the action plan: ${BRIEFING}` });
    const priority = within(form).getByRole('combobox', { name: 'Priority it comes under' });
    await user.selectOptions(priority, within(form).getByRole('option', { name: /^Priority 1: Scrutiny/ }));
    await user.click(within(form).getByRole('button', { name: 'Add to the action plan' }));

    expect(await screen.findByText(`Added “${BRIEFING}” to the action plan.`)).toBeInTheDocument();
    // Added once: it is no longer offered, and links to the action instead.
    expect(
      screen.queryByRole('form', { name: `Add to the action plan: ${BRIEFING}` }),
    ).not.toBeInTheDocument();
    await user.click(screen.getByRole('link', { name: 'see the action' }));

    const heading = await screen.findByRole('heading', { level: 4, name: BRIEFING });
    const card = heading.closest('li')!;
    expect(within(card).getByText(/Owner: Head of public protection/)).toBeInTheDocument();
    expect(
      within(card).getByText('Answers Section 11: West Midlands Police, standard 11 (', { exact: false }),
    ).toHaveTextContent(/^Answers Section 11: West Midlands Police, standard 11 \(.+\)$/);
    expect(
      within(screen.getByRole('region', { name: /Priority 1: Scrutiny and challenge/ })).getByRole(
        'heading',
        {
          level: 4,
          name: BRIEFING,
        },
      ),
    ).toBeInTheDocument();
  });

  it('an editor, who keeps the plan but does not challenge agencies, is not offered it', async () => {
    renderApp(POLICE);
    await screen.findByRole('heading', { level: 3, name: /^Standard 11:/ });
    expect(screen.getByText(`Improvement action: ${BRIEFING}`, { exact: false })).toBeInTheDocument();
    expect(
      screen.queryByRole('heading', { name: 'Improvement actions for the action plan' }),
    ).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Add to the action plan' })).not.toBeInTheDocument();
  });
});
