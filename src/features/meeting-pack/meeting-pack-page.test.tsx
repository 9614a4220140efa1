import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { server } from '../../../mocks/node';
import { renderApp } from '../../../test/render';
import { apiBaseUrl } from '../../api/client';
import { byText } from '../../../test/text';
import { encodePack, type PackItem } from '../../lib/meeting-pack';
import {
  MEETING_PACK_STORAGE_KEY,
  resetMeetingPack,
  useMeetingPackStore,
} from '../../stores/meeting-pack-store';

const CSE = 'Children identified at risk of child sexual exploitation';
const REREFERRALS = 'Re-referrals within 12 months of a previous referral';
const REFERRALS = 'Referrals to children’s social care';

const chart = (indicatorId: string, note = '') => ({
  type: 'indicator' as const,
  indicatorId,
  from: '2015-16',
  to: '2017-18',
  hidden: [],
  note,
});

/** Puts charts in the pack as if the user had pinned them. */
function givenPack(...items: ReturnType<typeof chart>[]) {
  useMeetingPackStore.getState().replace(items);
}

/** The chart titles in the pack, in order, once each has loaded. */
async function packTitles(count: number) {
  const list = await screen.findByRole('list', { name: 'Charts in the pack' });
  const items = within(list).getAllByRole('listitem');
  expect(items).toHaveLength(count);
  return Promise.all(
    items.map(async (item) => (await within(item).findByRole('heading', { level: 3 })).textContent),
  );
}

beforeEach(() => resetMeetingPack());

describe('Pinning a chart', () => {
  it('pins an indicator’s chart from the chart itself and shows it in the meeting pack', async () => {
    const { user } = renderApp('/indicators/rereferrals-within-12-months');
    const pin = await screen.findByRole('button', { name: `Pin to meeting pack: ${REREFERRALS}` });
    expect(screen.getByRole('link', { name: 'Meeting pack' })).toBeInTheDocument();
    await user.click(pin);
    // Issue 11: the button answers: its name and look say "Pinned", and the navigation counts the pack.
    expect(pin).toHaveAccessibleName(`Pinned to meeting pack: ${REREFERRALS}`);
    // Both labels keep their place so the button keeps its width (issue 13); the one not shown is
    // hidden by its class (visibility: hidden, out of the accessibility tree too).
    const shown = [...pin.querySelectorAll('.pin-button__label:not(.pin-button__label--unseen)')];
    expect(shown.map((label) => label.textContent)).toEqual(['✓Pinned']);
    expect(screen.getByText('Pinned: added to the meeting pack, which now has 1 chart.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Meeting pack, 1 chart' })).toBeInTheDocument();

    await user.click(screen.getByRole('link', { name: 'Meeting pack, 1 chart' }));
    expect(await packTitles(1)).toEqual([REREFERRALS]);
    // The page's default range ends at the latest complete year, 2016-17 (issue 11).
    expect(screen.getByText(byText('Chart 1 of 1, 2015-16 to 2016-17'))).toBeInTheDocument();
  });

  it('pins the audit chart and the action-plan chart, which the pack draws from the same data', async () => {
    const { user } = renderApp('/quality-assurance?year=2017-18');
    await user.click(
      await screen.findByRole('button', {
        name: 'Pin to meeting pack: Audits planned and completed, 2017-18 (part year)',
      }),
    );
    await user.click(screen.getByRole('link', { name: 'Action plan' }));
    expect(screen.getByRole('link', { name: 'Meeting pack, 1 chart' })).toBeInTheDocument();
    await user.click(
      await screen.findByRole('button', {
        name: 'Pin to meeting pack: Strategic action plan: progress by priority',
      }),
    );

    await user.click(screen.getByRole('link', { name: 'Meeting pack, 2 charts' }));
    expect(await packTitles(2)).toEqual([
      'Audits planned and completed, 2017-18 (part year)',
      'Strategic action plan: progress by priority',
    ]);
    expect(
      screen.getByText(
        byText(
          '2 of the 6 audits planned for 2017-18 (multi-agency and single-agency) are complete; 2 audits are overdue. Multi-agency case file audits due by 31 December 2017: 1 of 3 complete (33%).',
        ),
      ),
    ).toBeInTheDocument();
    // Pinned from 2017-18, the plan is that year's: the actions closed in 2016-17 are not in it.
    expect(
      screen.getByText(byText(/^2 of the 8 actions in the plan for 2017-18 are complete\./)),
    ).toBeInTheDocument();
  });

  it('unpins a chart when its pin is pressed again', async () => {
    const { user } = renderApp('/');
    const pin = await screen.findByRole('button', { name: `Pin to meeting pack: ${CSE}` });
    await user.click(pin);
    await user.click(pin);
    expect(pin).toHaveAccessibleName(`Pin to meeting pack: ${CSE}`);
    expect(
      screen.getByText('Unpinned: taken out of the meeting pack, which now has 0 charts.'),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('link', { name: 'Meeting pack' }));
    expect(await screen.findByText(/Your meeting pack is empty/)).toBeInTheDocument();
  });

  it('remembers the pack in the browser', async () => {
    const { user } = renderApp('/indicators/referrals');
    await user.click(await screen.findByRole('button', { name: `Pin to meeting pack: ${REFERRALS}` }));
    const stored = JSON.parse(localStorage.getItem(MEETING_PACK_STORAGE_KEY) ?? '{}') as {
      state: { items: PackItem[] };
    };
    expect(stored.state.items.map((i) => i.type === 'indicator' && i.indicatorId)).toEqual(['referrals']);
  });
});

describe('Meeting pack page', () => {
  it('moves a chart down and up with the Move buttons', async () => {
    givenPack(chart('cse-children-at-risk'), chart('referrals'), chart('rereferrals-within-12-months'));
    const { user } = renderApp('/meeting-pack');
    expect(await packTitles(3)).toEqual([CSE, REFERRALS, REREFERRALS]);
    expect(screen.getByRole('button', { name: `Move up: ${CSE}` })).toBeDisabled();
    expect(screen.getByRole('button', { name: `Move down: ${REREFERRALS}` })).toBeDisabled();

    await user.click(screen.getByRole('button', { name: `Move down: ${CSE}` }));
    expect(await packTitles(3)).toEqual([REFERRALS, CSE, REREFERRALS]);
    await user.click(screen.getByRole('button', { name: `Move up: ${REREFERRALS}` }));
    expect(await packTitles(3)).toEqual([REFERRALS, REREFERRALS, CSE]);
  });

  it('removes a chart', async () => {
    givenPack(chart('cse-children-at-risk'), chart('referrals'));
    const { user } = renderApp('/meeting-pack');
    await packTitles(2);
    await user.click(screen.getByRole('button', { name: `Remove: ${CSE}` }));
    expect(await packTitles(1)).toEqual([REFERRALS]);
  });

  it('keeps a speaker note typed against a chart', async () => {
    givenPack(chart('referrals'));
    const { user } = renderApp('/meeting-pack');
    const note = await screen.findByRole('textbox', { name: `Speaker note for ${REFERRALS}` });
    await user.type(note, 'Mention the new front door.');
    expect(useMeetingPackStore.getState().items[0]?.note).toBe('Mention the new front door.');
    expect(note).toHaveValue('Mention the new front door.');
  });

  it('shows a chart that cannot be loaded as an error, and still lets the user remove it', async () => {
    server.use(
      http.get(`${apiBaseUrl()}/indicators/referrals`, () => new HttpResponse(null, { status: 500 })),
    );
    givenPack(chart('referrals'));
    const { user } = renderApp('/meeting-pack');
    expect(await screen.findByRole('alert')).toHaveTextContent('Try again');
    await user.click(screen.getByRole('button', { name: 'Remove: chart 1' }));
    expect(await screen.findByText(/Your meeting pack is empty/)).toBeInTheDocument();
  });
});

describe('Sharing a pack as a link', () => {
  it('copies a link that rebuilds the same pack, in order, with its notes', async () => {
    givenPack(chart('referrals', 'Start here'), chart('cse-children-at-risk', 'Ask the police'));
    const first = renderApp('/meeting-pack');
    await packTitles(2);
    await first.user.click(screen.getByRole('button', { name: 'Copy link to this pack' }));
    expect(await screen.findByText(/^Link copied/)).toBeInTheDocument();
    const link = new URL(await navigator.clipboard.readText());
    expect(link.pathname).toBe('/meeting-pack');
    first.unmount();

    resetMeetingPack();
    const { user } = renderApp(`${link.pathname}${link.search}`);
    expect(await screen.findByText('This link holds a meeting pack of 2 charts.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Open this pack' }));
    expect(await packTitles(2)).toEqual([REFERRALS, CSE]);
    expect(screen.getByRole('textbox', { name: `Speaker note for ${CSE}` })).toHaveValue('Ask the police');
    expect(screen.queryByText(/This link holds/)).not.toBeInTheDocument();
  });

  it('asks before changing a pack the user already has, and can add the shared charts to it', async () => {
    givenPack(chart('rereferrals-within-12-months'));
    const { user } = renderApp(`/meeting-pack?pack=${encodePack([{ ...chart('referrals'), id: 'x' }])}`);
    expect(
      await screen.findByText('This link holds a meeting pack of 1 chart. Your own pack has 1 chart.'),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Replace your pack' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Add these to your pack' }));
    expect(await packTitles(2)).toEqual([REREFERRALS, REFERRALS]);
  });

  it('says clearly when a link is broken, and leaves the pack as it was', async () => {
    givenPack(chart('referrals'));
    renderApp('/meeting-pack?pack=eyJ2ZXJzaW9uIjoxLCJpdGVtcyI6W3sidHlwZSI6InBpZSJ9XX0');
    expect(await screen.findByRole('alert')).toHaveTextContent('This link’s meeting pack could not be read.');
    expect(await packTitles(1)).toEqual([REFERRALS]);
  });
});

describe('Presenting', () => {
  it('opens on a title slide and moves through the slides with the keyboard', async () => {
    givenPack(chart('cse-children-at-risk'), chart('referrals'));
    const { user } = renderApp('/meeting-pack/present?year=2016-17');
    expect(
      await screen.findByRole('heading', { name: 'Wolverhampton Safeguarding Children Board' }),
    ).toBeInTheDocument();
    expect(screen.getByText(byText('Meeting pack: reporting year 2016-17'))).toBeInTheDocument();
    expect(screen.getByText('Slide 1 of 3')).toBeInTheDocument();

    await user.keyboard('{PageDown}');
    expect(await screen.findByRole('heading', { name: CSE })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Slide 2 of 3' })).toHaveFocus();
    // The CSE figures are the board's own reported figures, not illustrative (issue 11).
    expect(screen.queryByText('Illustrative data')).not.toBeInTheDocument();
    // The key figure (the chart, hidden from screen readers, labels its line's end with it too).
    expect(screen.getByText('130', { selector: '.slide__key-value' })).toBeInTheDocument();

    await user.keyboard('{ArrowRight}');
    expect(await screen.findByRole('heading', { name: REFERRALS })).toBeInTheDocument();
    await user.keyboard('{ArrowRight}');
    expect(screen.getByText('Slide 3 of 3')).toBeInTheDocument();
    await user.keyboard('{PageUp}');
    expect(await screen.findByRole('heading', { name: CSE })).toBeInTheDocument();
    await user.keyboard('{Home}');
    expect(screen.getByText('Slide 1 of 3')).toBeInTheDocument();
  });

  // Issue 11: notes are never shown on the projected slides; the presenter view has them.
  it('never shows speaker notes on the slides; the presenter view shows them, in step with the slides', async () => {
    expect(typeof BroadcastChannel).toBe('function');
    givenPack(chart('referrals', 'Mention the new front door.'), chart('cse-children-at-risk'));
    const audience = renderApp('/meeting-pack/present');
    await screen.findByText('Slide 1 of 3');
    expect(screen.queryByRole('button', { name: 'Speaker notes' })).not.toBeInTheDocument();
    const slides = audience.container;

    const presenterView = renderApp('/meeting-pack/presenter');
    const view = within(presenterView.container);
    expect(await view.findByText('In step with the presentation')).toBeInTheDocument();
    expect(view.getByText('Slide 1 of 3')).toBeInTheDocument();
    expect(
      await view.findByRole('heading', { name: `Next: ${REFERRALS}, 2015-16 to 2017-18` }),
    ).toBeInTheDocument();

    // The presenter view moves the slides.
    await presenterView.user.click(view.getByRole('button', { name: 'Next slide' }));
    expect(await within(slides).findByText('Slide 2 of 3')).toBeInTheDocument();
    expect(await within(slides).findByRole('heading', { name: REFERRALS })).toBeInTheDocument();
    expect(view.getByLabelText('Speaker note')).toHaveTextContent('Mention the new front door.');
    expect(within(slides).queryByText('Mention the new front door.')).not.toBeInTheDocument();
    expect(view.getByRole('heading', { name: `Next: ${CSE}, 2015-16 to 2017-18` })).toBeInTheDocument();

    // And follows them.
    await audience.user.click(within(slides).getByRole('button', { name: 'Next slide' }));
    expect(await view.findByText('Slide 3 of 3')).toBeInTheDocument();
    expect(view.getByLabelText('Speaker note')).toHaveTextContent('No note for this slide.');
    expect(view.getByRole('heading', { name: 'Next: the end of the pack' })).toBeInTheDocument();
  });

  it('case 12: the presenter view shows the next slide itself', async () => {
    givenPack(chart('referrals'), chart('cse-children-at-risk'));
    const { user } = renderApp('/meeting-pack/presenter');
    const next = await screen.findByRole('region', { name: `Next: ${REFERRALS}, 2015-16 to 2017-18` });
    // The chart the audience will see, with its title and narrative, not only its title.
    const figure = await within(next).findByRole('figure', { name: REFERRALS });
    expect(within(figure).getByRole('heading', { name: REFERRALS })).toBeInTheDocument();
    expect(figure.querySelector('.chart-figure__narrative')).toHaveTextContent(/\S/);
    expect(figure.querySelector('.chart-figure__chart')).toBeInTheDocument();

    await user.keyboard('{PageDown}');
    expect(
      await screen.findByRole('region', { name: `Next: ${CSE}, 2015-16 to 2017-18` }),
    ).toBeInTheDocument();
    expect(
      await within(screen.getByRole('region', { name: /^Next:/ })).findByRole('figure', { name: CSE }),
    ).toBeInTheDocument();

    await user.keyboard('{End}');
    const end = await screen.findByRole('region', { name: 'Next: the end of the pack' });
    expect(end).toHaveTextContent('End of the pack: this is the last slide.');
    expect(within(end).queryByRole('figure')).not.toBeInTheDocument();
  });

  describe.each([
    {
      kind: 'an indicator',
      item: chart('referrals'),
      path: '/indicators/referrals',
      said: 'The indicator “referrals” could not be loaded',
      title: REFERRALS,
    },
    {
      kind: 'the audits',
      item: { type: 'audit-progress' as const, year: '2017-18', note: '' },
      path: '/audits',
      said: 'The audit programme could not be loaded',
      title: 'Audits planned and completed, 2017-18 (part year)',
    },
    {
      kind: 'the action plan',
      item: { type: 'action-plan-progress' as const, note: '' },
      path: '/action-plan',
      said: 'The action plan could not be loaded',
      title: 'Strategic action plan: progress by priority',
    },
    {
      kind: 'the funding',
      item: { type: 'partner-funding' as const, year: '2016-17', note: '' },
      path: '/funding',
      said: 'The partners’ funding could not be loaded',
      title: 'Partner contributions to the board’s budget',
    },
  ])('when $kind cannot be loaded', ({ item, path, said, title }) => {
    /** The request fails once, then answers as usual. */
    const failOnce = () =>
      server.use(
        http.get(`${apiBaseUrl()}${path}`, () => new HttpResponse(null, { status: 500 }), { once: true }),
      );

    it('issue 20 case 3: the next slide that cannot be loaded is named in the Next panel, and Try again recovers', async () => {
      failOnce();
      useMeetingPackStore.getState().replace([item]);
      const { user } = renderApp('/meeting-pack/presenter');
      const next = await screen.findByRole('region', { name: 'Next: a chart that cannot be shown' });
      const alert = await within(next).findByRole('alert');
      expect(alert).toHaveTextContent(`${said}, so the next slide cannot be shown.`);

      await user.click(within(alert).getByRole('button', { name: 'Try again' }));
      const recovered = await screen.findByRole('region', {
        name: (name) => name.startsWith(`Next: ${title}`),
      });
      expect(await within(recovered).findByRole('figure', { name: title })).toBeInTheDocument();
      expect(within(recovered).queryByRole('alert')).not.toBeInTheDocument();
    });

    it('issue 20 case 3: the slide that cannot be loaded says so in the audience window, and Try again recovers', async () => {
      failOnce();
      useMeetingPackStore.getState().replace([item]);
      const { user } = renderApp('/meeting-pack/present');
      await user.keyboard('{PageDown}');
      const slide = await screen.findByRole('region', { name: 'Slide 2 of 2' });
      const alert = await within(slide).findByRole('alert');
      expect(alert).toHaveTextContent(`${said}, so this slide cannot be shown.`);

      await user.click(within(alert).getByRole('button', { name: 'Try again' }));
      expect(await within(slide).findByRole('heading', { name: title })).toBeInTheDocument();
      expect(within(slide).queryByRole('alert')).not.toBeInTheDocument();
    });
  });

  it('issue 20 case 3: the title slide says when the board’s details cannot be loaded, and Try again recovers', async () => {
    server.use(
      http.get(`${apiBaseUrl()}/board`, () => new HttpResponse(null, { status: 500 }), { once: true }),
    );
    givenPack(chart('referrals'));
    const { user } = renderApp('/meeting-pack/present');
    const slide = await screen.findByRole('region', { name: 'Slide 1 of 2' });
    const alert = await within(slide).findByRole('alert');
    expect(alert).toHaveTextContent(
      'The board’s details could not be loaded, so its name and the reporting year cannot be shown.',
    );
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(
      await within(slide).findByRole('heading', { name: 'Wolverhampton Safeguarding Children Board' }),
    ).toBeInTheDocument();
    expect(within(slide).queryByRole('alert')).not.toBeInTheDocument();
  });

  it('leaves the presentation with Escape, back to the meeting pack and its Present button', async () => {
    givenPack(chart('referrals'));
    const { user, router } = renderApp('/meeting-pack/present');
    await screen.findByText('Slide 1 of 2');
    await user.keyboard('{Escape}');
    expect(router.state.location.pathname).toBe('/meeting-pack');
    expect(await screen.findByRole('heading', { level: 1, name: 'Meeting pack' })).toBeInTheDocument();
    // Focus goes back to the button that started the presentation.
    expect(screen.getByRole('button', { name: 'Present' })).toHaveFocus();
  });
});
