import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { server } from '../../../mocks/node';
import { renderApp } from '../../../test/render';
import { apiBaseUrl } from '../../api/client';

const url = (path: string) => `${apiBaseUrl()}${path}`;

describe('your account: email me about', () => {
  it('turns off reminders and late notices, keeps them off on the next visit, and says invitations and password links are always sent', async () => {
    const first = renderApp('/');
    await first.user.click(await screen.findByRole('link', { name: 'Your account' }));
    const form = await screen.findByRole('form', { name: 'Email me about' });
    const reminder = within(form).getByRole('checkbox', { name: /reminder a few days before/ });
    const late = within(form).getByRole('checkbox', { name: /return is late/ });
    for (const box of within(form).getAllByRole('checkbox')) expect(box).toBeChecked();
    expect(form).toHaveTextContent(
      'Always sent, whatever you choose: your invitation, and links to choose a new password.',
    );

    await first.user.click(reminder);
    await first.user.click(late);
    await first.user.click(within(form).getByRole('button', { name: 'Save email choices' }));
    expect(
      await within(form).findByText('Saved: you will not get 2 of the 6 email notices.'),
    ).toBeInTheDocument();
    first.unmount();

    renderApp('/account');
    const again = await screen.findByRole('form', { name: 'Email me about' });
    expect(within(again).getByRole('checkbox', { name: /reminder a few days before/ })).not.toBeChecked();
    expect(within(again).getByRole('checkbox', { name: /return is late/ })).not.toBeChecked();
    expect(within(again).getByRole('checkbox', { name: /figures published/ })).toBeChecked();
  });

  it('keeps the choices ticked when the save fails, and says why', async () => {
    server.use(
      http.put(url('/account/email'), () =>
        HttpResponse.json({ message: 'The data service is not answering' }, { status: 503 }),
      ),
    );
    const { user } = renderApp('/account');
    const form = await screen.findByRole('form', { name: 'Email me about' });
    await user.click(within(form).getByRole('checkbox', { name: /figures published/ }));
    await user.click(within(form).getByRole('button', { name: 'Save email choices' }));
    expect(await within(form).findByRole('alert')).toBeInTheDocument();
    expect(within(form).getByRole('checkbox', { name: /figures published/ })).not.toBeChecked();
  });
});
