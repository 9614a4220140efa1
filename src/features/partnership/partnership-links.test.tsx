import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { demoApi } from '../../../mocks/handlers';
import { server } from '../../../mocks/node';
import { renderApp } from '../../../test/render';
import { signedInAs } from '../../../test/session';
import { apiBaseUrl } from '../../api/client';
import type { Partnership } from '../../api/contract';

const url = (path: string) => `${apiBaseUrl()}${path}`;
const PAGE = '/partnership?year=2017-18';
const stored = () => demoApi.handle('GET', '/partnership').body as Partnership;
const ADD = 'Add a link or engagement activity';

async function openAdd(user: ReturnType<typeof renderApp>['user']) {
  await user.click(await screen.findByRole('button', { name: ADD }));
  return screen.getByRole('form', { name: ADD });
}
async function openChange(user: ReturnType<typeof renderApp>['user'], title: string) {
  await user.click(await screen.findByRole('button', { name: `Change the link ${title}` }));
  return screen.getByRole('form', { name: `Change the link: ${title}` });
}
const name = (form: HTMLElement) => within(form).getByRole('textbox', { name: /^Name/ });

describe('partnership links and engagement on the Partnership page', () => {
  it('an editor adds an engagement activity; it shows under its kind, markup and formulas as text', async () => {
    const { user } = renderApp(PAGE);
    const form = await openAdd(user);
    const title = '<b>Takeover day</b>';
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Kind of link' }), 'engagement');
    await user.type(name(form), title);
    await user.type(within(form).getByLabelText(/^Since/), '2018-11-23');
    await user.type(within(form).getByRole('textbox', { name: 'What it does' }), '=HYPERLINK("x","y")');
    await user.click(within(form).getByRole('button', { name: 'Add the link' }));

    expect(await screen.findByText(`Added “${title}”.`)).toBeInTheDocument();
    const group = screen.getByRole('region', { name: 'Children, young people and schools' });
    const item = within(group).getByText(title);
    expect(item.querySelector('b')).toBeNull();
    expect(item.closest('li')).toHaveTextContent('(since 23 November 2018)');
    expect(item.closest('li')).toHaveTextContent('=HYPERLINK("x","y")');
    expect(stored().links.at(-1)).toMatchObject({
      kind: 'engagement',
      title,
      since: '2018-11-23',
      version: 1,
    });
  });

  it('an editor changes a link, and retires another: gone from the year it is retired in, kept in the years before', async () => {
    const { user } = renderApp(PAGE);
    const form = await openChange(user, 'Bullying Charter');
    await user.clear(name(form));
    await user.type(name(form), 'Bullying Charter for all schools');
    await user.click(within(form).getByRole('button', { name: 'Save the link' }));
    expect(await screen.findByText('Saved “Bullying Charter for all schools”.')).toBeInTheDocument();
    expect(stored().links.find((l) => l.id === 'bullying-charter')).toMatchObject({
      title: 'Bullying Charter for all schools',
      version: 2,
    });

    await user.click(screen.getByRole('button', { name: 'Retire the link Black Country chairs forum' }));
    const retire = screen.getByRole('form', { name: 'Retire the link: Black Country chairs forum' });
    await user.click(within(retire).getByRole('button', { name: 'Retire the link' }));
    expect(
      await screen.findByText(
        'Retired “Black Country chairs forum”. It is no longer shown, from 2017-18 on.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByText('Black Country chairs forum')).toBeNull();
    expect(stored().links.find((l) => l.id === 'black-country-chairs')).toMatchObject({
      retiredIn: '2017-18',
    });

    // 2016-17 shows it still, as retired, with nothing to change.
    await user.selectOptions(screen.getByRole('combobox', { name: 'Reporting period' }), '2016-17');
    const kept = (await screen.findByText('Black Country chairs forum')).closest('li')!;
    expect(within(kept).getByText('Retired in 2017-18')).toBeInTheDocument();
    expect(within(kept).queryByRole('button')).toBeNull();
  });

  it('lists what is wrong next to each field and in the summary, and sends nothing', async () => {
    const { user } = renderApp(PAGE);
    const form = await openAdd(user);
    const before = stored();
    await user.type(within(form).getByLabelText(/^Since/), '2018-02-30');
    await user.click(within(form).getByRole('button', { name: 'Add the link' }));
    const summary = await within(form).findByRole('alert', { name: 'There is a problem' });
    expect(within(summary).getByRole('link', { name: 'Name: Enter the link’s name' })).toBeInTheDocument();
    expect(name(form)).toHaveAccessibleDescription(expect.stringContaining('Error: Enter the link’s name'));
    expect(stored()).toEqual(before);
  });

  it('keeps what was typed when the save fails, and says why', async () => {
    server.use(
      http.put(url('/partnership/links/besafe'), () =>
        HttpResponse.json({ message: 'Down' }, { status: 500 }),
      ),
    );
    const { user } = renderApp(PAGE);
    const form = await openChange(user, 'BeSafe youth team');
    await user.clear(name(form));
    await user.type(name(form), 'BeSafe');
    await user.click(within(form).getByRole('button', { name: 'Save the link' }));
    expect(await within(form).findByText(/^Your changes were not saved\./)).toBeInTheDocument();
    expect(name(form)).toHaveValue('BeSafe');
  });

  it('shows the other person’s saved link after a 409 and keeps the typing', async () => {
    const { user } = renderApp(PAGE);
    const form = await openChange(user, 'BeSafe youth team');
    await user.clear(name(form));
    await user.type(name(form), 'Mine');
    const link = stored().links.find((l) => l.id === 'besafe')!;
    const { id: _id, version, ...theirs } = link;
    expect(
      demoApi.handle('PUT', '/partnership/links/besafe', { ...theirs, title: 'Theirs', version }).status,
    ).toBe(200);
    await user.click(within(form).getByRole('button', { name: 'Save the link' }));
    expect(
      await within(form).findByText('Someone else saved a change to this link while you were editing'),
    ).toBeInTheDocument();
    expect(within(within(form).getByRole('table')).getByRole('row', { name: /^Name/ })).toHaveTextContent(
      'TheirsMine',
    );
    expect(name(form)).toHaveValue('Mine');
  });

  it('a board member sees the links but no controls to change them', async () => {
    server.use(signedInAs('viewer'));
    renderApp(PAGE);
    expect(await screen.findByText('Joint child death overview panel')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: ADD })).toBeNull();
    expect(screen.queryByRole('button', { name: /^(Change|Retire) the link/ })).toBeNull();
  });

  it('on an empty board, says no links are recorded, offers to add the first, and states no count of boards', async () => {
    server.use(http.get(url('/partnership'), () => HttpResponse.json({ linkedBoardsCount: 0, links: [] })));
    const { user } = renderApp(PAGE);
    expect(
      await screen.findByText(
        'No links are recorded. Add the first: another board, a group or an engagement activity.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByText(/other safeguarding boards share/)).toBeNull();
    const form = await openAdd(user);
    expect(within(form).getByRole('combobox', { name: 'Kind of link' })).toHaveValue('board-network');
  });

  it('issue 18: an editor changes the number of linked boards; a wrong number is refused at the field; a viewer has no control', async () => {
    const { user } = renderApp(PAGE);
    expect(await screen.findByText(/other safeguarding boards share information/)).toHaveTextContent(/^14 /);
    await user.click(screen.getByRole('button', { name: 'Change the number of linked boards' }));
    const form = screen.getByRole('form', { name: 'Change the number of linked boards' });
    const field = within(form).getByRole('spinbutton', { name: /^Other safeguarding boards shared with/ });
    await user.clear(field);
    await user.type(field, '-2');
    await user.click(within(form).getByRole('button', { name: 'Save the number' }));
    expect(await within(form).findAllByText('The number cannot be below 0')).not.toHaveLength(0);
    await user.clear(field);
    await user.type(field, '16');
    await user.click(within(form).getByRole('button', { name: 'Save the number' }));
    expect(await screen.findByText('Saved: 16 other boards shared with.')).toBeInTheDocument();
    expect(screen.getByText(/other safeguarding boards share information/)).toHaveTextContent(/^16 /);
    expect(stored()).toMatchObject({ linkedBoardsCount: 16, linkedBoardsVersion: 2 });
  });

  it('a board member is offered no change to the number of linked boards', async () => {
    server.use(signedInAs('viewer'));
    renderApp(PAGE);
    expect(await screen.findByText(/other safeguarding boards share information/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /number of linked boards/ })).toBeNull();
  });
});
