import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { server } from '../../../mocks/node';
import { renderApp } from '../../../test/render';
import { apiBaseUrl } from '../../api/client';
import type { Action, ActionPlan } from '../../api/contract';

const url = (path: string) => `${apiBaseUrl()}${path}`;

/** Every read of the action plan, by its year; the whole plan is refused. */
let asked: string[];
function recordPlanReads(yearPlan?: ActionPlan) {
  server.use(
    http.get(url('/action-plan'), ({ request }) => {
      const year = new URL(request.url).searchParams.get('year');
      asked.push(year ?? 'every year');
      if (year === null) {
        return HttpResponse.json({ message: 'The page asked for the whole plan' }, { status: 500 });
      }
      return yearPlan ? HttpResponse.json(yearPlan) : undefined;
    }),
  );
}
beforeEach(() => {
  asked = [];
});

const action = (n: number): Action => ({
  id: `generated-action-${n}`,
  title: `Generated action ${n}`,
  owner: 'Board Manager',
  dueDate: '2018-03-31',
  status: 'on-track',
  progress: 40,
  ofstedRecommendationIds: [],
  updates: [],
  addedDate: '2017-04-03',
  completedDate: null,
  version: 1,
});

describe('the action plan page reads one year’s plan', () => {
  it('asks only for the year it shows, and still rolls up a recommendation from an action closed before it', async () => {
    recordPlanReads();
    renderApp('/action-plan?year=2017-18');
    const answering = await screen.findByRole('list', { name: 'Actions answering recommendation 1' });
    // Closed in 2016-17: not in 2017-18's plan, but it answered Ofsted's first recommendation.
    expect(
      within(answering).getByRole('link', {
        name: 'Run an audited schedule through the reinvigorated QA committee',
      }),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('heading', {
        level: 4,
        name: 'Run an audited schedule through the reinvigorated QA committee',
      }),
    ).not.toBeInTheDocument();
    expect(
      await screen.findByText(/closed before 2017-18 are in the plan of the year they closed in/),
    ).toBeInTheDocument();
    expect(asked).toEqual(['2017-18']);
  });

  it('with no year in the address, waits for the board’s years rather than asking for the whole plan', async () => {
    recordPlanReads();
    renderApp('/action-plan');
    expect(await screen.findByRole('heading', { level: 3, name: /^Priority 1/ })).toBeInTheDocument();
    // One read, of the board's current year: never the whole plan while the board's details load.
    expect(asked).toHaveLength(1);
    expect(asked[0]).toMatch(/^\d{4}-\d{2}$/);
  });

  it('shows a screenful of a priority’s 30 actions, says how many, and the rest when asked', async () => {
    recordPlanReads({
      priorities: [
        {
          id: 'busy-priority',
          number: 1,
          title: 'A busy priority',
          description: 'Thirty actions open at once.',
          actions: Array.from({ length: 30 }, (_, i) => action(i + 1)),
          version: 1,
        },
      ],
      closedBefore: [],
    });
    const { user } = renderApp('/action-plan?year=2017-18');
    const heading = await screen.findByRole('heading', { level: 3, name: 'Priority 1: A busy priority' });
    const priority = heading.closest('section')!;
    const cards = () => within(priority).getAllByRole('heading', { level: 4 });
    expect(cards()).toHaveLength(25);
    expect(within(priority).getByText('Showing 1–25 of 30 actions')).toBeInTheDocument();
    await user.click(within(priority).getByRole('button', { name: 'Show 5 more actions' }));
    expect(cards()).toHaveLength(30);
    expect(within(priority).getByText('Showing all 30 actions')).toHaveFocus();
  });
});
