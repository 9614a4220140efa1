import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { demoApi } from '../../../mocks/handlers';
import { server } from '../../../mocks/node';
import { renderApp } from '../../../test/render';
import { signedInAs } from '../../../test/session';
import { apiBaseUrl } from '../../api/client';
import type { SeriousCaseReview } from '../../api/contract';

const url = (path: string) => `${apiBaseUrl()}${path}`;
const PAGE = '/quality-assurance?year=2016-17';
const CHILD_A = 'Serious case review: Child A';
const panel = () => screen.findByRole('region', { name: 'Serious case reviews' });
const stored = () =>
  (demoApi.handle('GET', '/serious-case-reviews').body as { reviews: SeriousCaseReview[] }).reviews;

async function openAdd(user: ReturnType<typeof renderApp>['user']) {
  await user.click(await within(await panel()).findByRole('button', { name: 'Add a review' }));
  return screen.findByRole('form', { name: 'Add a review' });
}

describe('reviews on the Quality assurance page', () => {
  it('an editor adds a rapid review with a recommendation, its action and owner; markup and formulas shown as text', async () => {
    const { user } = renderApp(PAGE);
    const form = await openAdd(user);
    const title = '<b>Rapid review: Child E</b>';
    await user.type(within(form).getByRole('textbox', { name: 'Title' }), title);
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Kind of review' }), 'rapid-review');
    await user.type(within(form).getByLabelText('Date of the review'), '2020-11-02');
    await user.type(within(form).getByLabelText('Published'), '2021-01-15');
    await user.type(within(form).getByRole('textbox', { name: 'Summary and learning' }), '=SUM(A1)');
    await user.type(
      within(form).getByRole('textbox', { name: /Themes and learning points/ }),
      'Safe sleeping advice',
    );
    await user.click(within(form).getByRole('button', { name: 'Add a recommendation' }));
    await user.type(
      within(form).getByRole('textbox', { name: 'What it recommends' }),
      'Health visitors ask about every adult',
    );
    const action = within(form).getByRole('group', { name: 'Recommendation 1, action 1' });
    await user.type(within(action).getByRole('textbox', { name: 'Action' }), 'Change the template');
    await user.type(within(action).getByRole('textbox', { name: 'Owner' }), 'Designated Nurse');
    await user.type(within(action).getByLabelText('Due'), '2021-06-30');
    await user.click(within(form).getByRole('button', { name: 'Add the review' }));

    expect(await screen.findByText(`Added the review “${title}”.`)).toBeInTheDocument();
    const article = await within(await panel()).findByRole('article', { name: title });
    expect(article.querySelector('b')).toBeNull();
    expect(within(article).getByText('Rapid review, published 15 January 2021')).toBeInTheDocument();
    expect(article).toHaveTextContent('=SUM(A1)');
    expect(article).toHaveTextContent('Health visitors ask about every adult');
    expect(article).toHaveTextContent('Change the template (Designated Nurse, due 30 June 2021)');
    expect(stored().find((r) => r.title === title)).toMatchObject({
      type: 'rapid-review',
      reviewDate: '2020-11-02',
      actions: [{ owner: 'Designated Nurse', status: 'not-started' }],
    });
  });

  it('lists what is missing next to each field and in the summary, and sends nothing', async () => {
    const { user } = renderApp(PAGE);
    const form = await openAdd(user);
    const count = stored().length;
    await user.click(within(form).getByRole('button', { name: 'Add the review' }));
    const summary = await within(form).findByRole('alert', { name: 'There is a problem' });
    expect(
      within(summary).getByRole('link', { name: 'Title: Enter the review’s title' }),
    ).toBeInTheDocument();
    expect(
      within(summary).getByRole('link', {
        name: 'Themes and learning points: Enter at least one theme or learning point',
      }),
    ).toBeInTheDocument();
    expect(within(form).getByRole('textbox', { name: 'Title' })).toHaveAccessibleDescription(
      expect.stringContaining('Error: Enter the review’s title'),
    );
    expect(stored()).toHaveLength(count);
  });

  it('keeps what was typed when the save fails, and says why', async () => {
    server.use(http.post(url('/reviews'), () => HttpResponse.json({ message: 'Down' }, { status: 500 })));
    const { user } = renderApp(PAGE);
    const form = await openAdd(user);
    await user.type(within(form).getByRole('textbox', { name: 'Title' }), 'Child E');
    await user.type(within(form).getByLabelText('Date of the review'), '2017-11-02');
    await user.type(within(form).getByLabelText('Published'), '2018-01-15');
    await user.type(within(form).getByRole('textbox', { name: /Themes and learning points/ }), 'Neglect');
    await user.click(within(form).getByRole('button', { name: 'Add the review' }));
    expect(await within(form).findByText(/^Your changes were not saved\./)).toBeInTheDocument();
    expect(within(form).getByRole('textbox', { name: 'Title' })).toHaveValue('Child E');
    expect(within(form).getByLabelText('Published')).toHaveValue('2018-01-15');
  });

  it('shows the other person’s saved review after a 409 and keeps the typing', async () => {
    const { user } = renderApp(PAGE);
    await user.click(
      await within(await panel()).findByRole('button', { name: `Change the review ${CHILD_A}` }),
    );
    const form = await screen.findByRole('form', { name: `Change the review: ${CHILD_A}` });
    const title = within(form).getByRole('textbox', { name: 'Title' });
    await user.clear(title);
    await user.type(title, 'My title');
    await user.type(within(form).getByLabelText('Date of the review'), '2015-06-01');
    const review = stored().find((r) => r.title === CHILD_A)!;
    const theirs = {
      title: 'Their title',
      type: 'serious-case-review',
      reviewDate: '2015-05-01',
      publishedDate: review.publishedDate,
      summary: review.summary,
      learningThemes: review.learningThemes,
      recommendations: [],
      version: review.version,
    };
    expect(demoApi.handle('PUT', `/reviews/${review.id}`, theirs).status).toBe(200);
    await user.click(within(form).getByRole('button', { name: 'Save the review' }));
    expect(
      await within(form).findByText('Someone else saved a change to this review while you were editing'),
    ).toBeInTheDocument();
    expect(within(within(form).getByRole('table')).getByRole('row', { name: /Title/ })).toHaveTextContent(
      'Their titleMy title',
    );
    expect(title).toHaveValue('My title');
  });

  it('issue 18: retires a review with a reason: kept, marked, in the years before the one it is retired in; gone from that year on', async () => {
    const { user } = renderApp(PAGE);
    await user.click(
      await within(await panel()).findByRole('button', { name: `Retire the review ${CHILD_A}` }),
    );
    const form = await screen.findByRole('form', { name: `Retire the review: ${CHILD_A}` });
    await user.type(within(form).getByRole('textbox', { name: 'Why it is retired' }), 'Entered twice');
    await user.click(within(form).getByRole('button', { name: 'Retire the review' }));
    // The demo board is in 2017-18: the review is retired in it, and 2016-17 still shows it.
    expect(
      await screen.findByText(
        `Retired “${CHILD_A}”. It is no longer shown from 2017-18 on, and is kept in the audit trail.`,
      ),
    ).toBeInTheDocument();
    const kept = await within(await panel()).findByRole('article', { name: CHILD_A });
    expect(within(kept).getByText('Retired in 2017-18')).toBeInTheDocument();
    expect(within(kept).queryByRole('button')).toBeNull();
    expect(stored().find((r) => r.title === CHILD_A)).toMatchObject({ retiredIn: '2017-18', version: 2 });

    await user.selectOptions(screen.getByRole('combobox', { name: 'Reporting period' }), '2017-18');
    await waitFor(async () =>
      expect(within(await panel()).queryByRole('article', { name: CHILD_A })).toBeNull(),
    );
    expect(within(await panel()).getAllByRole('article').length).toBeGreaterThan(0);
  });

  it('a board member sees the reviews but no Add, Change or Retire buttons', async () => {
    server.use(signedInAs('viewer'));
    renderApp(PAGE);
    expect(await within(await panel()).findByRole('article', { name: CHILD_A })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Add a review' })).toBeNull();
    expect(screen.queryAllByRole('button', { name: /^(Change|Retire) the review/ })).toHaveLength(0);
  });
});
