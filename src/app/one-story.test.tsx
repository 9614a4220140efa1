import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { renderApp } from '../../test/render';
import { byText } from '../../test/text';
import { resetMeetingPack } from '../stores/meeting-pack-store';

beforeEach(() => resetMeetingPack());

const narrativeOf = (figure: HTMLElement) =>
  figure.querySelector('.chart-figure__narrative')?.textContent ?? '';

/**
 * Issue 11: one narrative engine, one truth. A tile, the indicator page it links to and the
 * meeting pack say the same thing about the same measure and range.
 */
describe('the same measure tells the same story everywhere', () => {
  it.each([
    ['Referrals to children’s social care', '2016-17', 'Rose from 4,010 in 2015-16 to 5,983 in 2016-17.'],
    ['Referrals to children’s social care', '2017-18', 'Rose from 4,010 in 2015-16 to 5,983 in 2016-17.'],
    [
      'Children identified at risk of child sexual exploitation',
      '2017-18',
      'Rose from 10 in Q4 2015-16 to 50 in Q4 2016-17 and 130 in Q3 2017-18.',
    ],
    [
      'Re-referrals within 12 months of a previous referral',
      '2016-17',
      'Rose from 20.7% in 2015-16 to 24.3% in 2016-17, a deterioration.',
    ],
  ])('%s in %s: tile, page and pack agree', async (title, year, expected) => {
    const { user } = renderApp(`/?year=${year}`);
    const tile = await screen.findByRole('article', { name: title });
    const tileText = tile.querySelector('.kpi-tile__change')?.textContent ?? '';
    expect(tileText).toBe(expected);
    const clause = tileText.replace(/\.$/, '').toLowerCase();

    await user.click(within(tile).getByRole('link', { name: title }));
    const figure = await screen.findByRole('figure', { name: title });
    const pageNarrative = narrativeOf(figure);
    expect(pageNarrative.toLowerCase()).toContain(clause);

    await user.click(within(figure).getByRole('button', { name: `Pin to meeting pack: ${title}` }));
    await user.click(screen.getByRole('link', { name: /^Meeting pack/ }));
    const packed = await screen.findByRole('figure', { name: title });
    expect(narrativeOf(packed)).toBe(pageNarrative);
  });

  it('names the referrals peak on the page, the slide and the handout alike', async () => {
    renderApp('/indicators/referrals?from=2015-16&to=2017-18');
    expect(
      await screen.findByText(
        byText(
          'Referrals to children’s social care stood at 4,010 in 2015-16, rose to a peak of 5,983 in 2016-17, then fell to 5,368 in 2017-18.',
        ),
      ),
    ).toBeInTheDocument();
  });

  it('counts audits on the QA page the way the overview’s tile counts them', async () => {
    const { user } = renderApp('/?year=2017-18');
    const tile = await screen.findByRole('article', {
      name: 'Multi-agency case file audits completed against the schedule',
    });
    expect(within(tile).getByText('33%')).toBeInTheDocument();
    expect(within(tile).getByText('Q3 2017-18', { selector: '.kpi-tile__period' })).toBeInTheDocument();

    await user.click(screen.getByRole('link', { name: 'Quality assurance' }));
    expect(
      await screen.findByText(
        byText(
          '2 of the 6 audits planned for 2017-18 (multi-agency and single-agency) are complete; 2 audits are overdue. Multi-agency case file audits due by 31 December 2017: 1 of 3 complete (33%).',
        ),
      ),
    ).toBeInTheDocument();
  });

  it('counts serious case review actions on the QA page the way the tile does', async () => {
    const { user } = renderApp('/?year=2017-18');
    const tile = await screen.findByRole('article', { name: 'Serious case review actions complete' });
    expect(within(tile).getByText('63%')).toBeInTheDocument();
    await user.click(screen.getByRole('link', { name: 'Quality assurance' }));
    expect(
      await screen.findByText(
        'By 31 December 2017, 5 of the 8 actions from the 2 reviews were complete (63%).',
      ),
    ).toBeInTheDocument();
  });
});
