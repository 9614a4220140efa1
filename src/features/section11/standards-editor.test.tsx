import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { server } from '../../../mocks/node';
import { renderApp } from '../../../test/render';
import { signedInAs } from '../../../test/session';
import { apiBaseUrl } from '../../api/client';
import type { SaveSection11StandardsRequest } from '../../api/contract';

const url = `${apiBaseUrl()}/section11/standards`;

describe('the administrator’s standards', () => {
  it('adds the board’s own standard, puts it in order and retires one; the eight statutory ones cannot be retired', async () => {
    let sent: SaveSection11StandardsRequest | null = null;
    server.use(
      signedInAs('administrator'),
      // The demonstration keeps no standards: the data service's answer, as it would give it.
      http.put(url, async ({ request }) => {
        sent = (await request.json()) as SaveSection11StandardsRequest;
        return HttpResponse.json({
          standards: sent.standards.map((s, i) => ({
            ...s,
            id: s.id ?? `new-${i}`,
            statutory: Number(s.code) <= 8,
          })),
          version: sent.version + 1,
          lockedBy: null,
        });
      }),
    );
    const { user } = renderApp('/section11');
    await user.click(await screen.findByRole('button', { name: 'Change the standards' }));
    const form = screen.getByRole('form', { name: 'Change the standards' });
    expect(within(form).queryByRole('button', { name: 'Retire standard 1' })).not.toBeInTheDocument();
    expect(within(form).getAllByText(/it can be reworded, not retired/)).toHaveLength(8);

    await user.click(within(form).getByRole('button', { name: 'Retire standard 11' }));
    await user.click(within(form).getByRole('button', { name: 'Add a standard' }));
    const added = within(form).getByRole('group', { name: 'Standard (new)' });
    await user.type(within(added).getByRole('textbox', { name: 'Number' }), '12');
    await user.type(
      within(added).getByRole('textbox', { name: 'Standard' }),
      'Early help: staff know the offer',
    );
    await user.click(within(form).getByRole('button', { name: 'Move up standard 12' }));
    await user.click(within(form).getByRole('button', { name: 'Save the standards' }));

    expect(await screen.findByText('Saved the standards: 11 in the set.')).toBeInTheDocument();
    expect(sent!.version).toBe(1);
    expect(sent!.standards.map((s) => s.code)).toEqual([
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
      '7',
      '8',
      '9',
      '12',
      '10',
    ]);
    expect(sent!.standards[9]).toEqual({
      id: null,
      code: '12',
      title: 'Early help: staff know the offer',
      description: '',
    });
  });

  it('a new standard left empty is not sent, and says what it needs', async () => {
    server.use(signedInAs('administrator'));
    const { user } = renderApp('/section11');
    await user.click(await screen.findByRole('button', { name: 'Change the standards' }));
    const form = screen.getByRole('form', { name: 'Change the standards' });
    await user.click(within(form).getByRole('button', { name: 'Add a standard' }));
    await user.click(within(form).getByRole('button', { name: 'Save the standards' }));
    expect(within(form).getByRole('alert')).toHaveTextContent('Enter its number, for example 9');
  });

  it('while a cycle is open, the administrator is told the standards cannot change', async () => {
    server.use(
      signedInAs('administrator'),
      http.get(url, () =>
        HttpResponse.json({ standards: [], version: 3, lockedBy: 'Section 11 audit 2018' }),
      ),
    );
    renderApp('/section11');
    expect(
      await screen.findByText(/The standards cannot change while “Section 11 audit 2018” is open/),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Change the standards' })).not.toBeInTheDocument();
  });

  it.each(['viewer', 'quality-assurance', 'editor'] as const)(
    'a %s is not offered to change them',
    async (role) => {
      server.use(signedInAs(role));
      renderApp('/section11');
      await screen.findByRole('region', { name: 'Section 11 audit 2016: agencies by standard' });
      expect(screen.queryByRole('heading', { name: 'Standards for the next cycle' })).not.toBeInTheDocument();
      expect(screen.queryByRole('button', { name: 'Change the standards' })).not.toBeInTheDocument();
    },
  );
});
