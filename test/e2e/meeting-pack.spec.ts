import { execFileSync } from 'node:child_process';
import type { Page } from '@playwright/test';
import { axeViolations, chartsDrawnForTheirRoom, expect, test, waitForPanels } from './fixtures';

const CSE = 'Children identified at risk of child sexual exploitation';
const REREFERRALS = 'Re-referrals within 12 months of a previous referral';
const REFERRALS = 'Referrals to children’s social care';

/** Pins three charts as a user would: the overview's CSE chart and two indicator pages' charts. */
async function buildPack(page: Page) {
  await page.goto('/');
  await page.getByRole('button', { name: `Pin to meeting pack: ${CSE}` }).click();
  for (const [id, title] of [
    ['rereferrals-within-12-months', REREFERRALS],
    ['referrals', REFERRALS],
  ] as const) {
    await page.goto(`/indicators/${id}`);
    await page.getByRole('button', { name: `Pin to meeting pack: ${title}` }).click();
    // Issue 11: the button answers "Pinned".
    const pinned = page.getByRole('button', { name: `Pinned to meeting pack: ${title}` });
    // Both labels keep their place (the button keeps its width); only "Pinned" is seen.
    await expect(pinned.locator('.pin-button__label', { hasText: 'Pinned' })).toBeVisible();
    await expect(pinned.locator('.pin-button__label', { hasText: 'Pin to meeting pack' })).toBeHidden();
  }
  await expect(
    page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Meeting pack, 3 charts' }),
  ).toBeVisible();
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: /^Meeting pack/ })
    .click();
  await waitForPanels(page);
  await expect(page.getByRole('list', { name: 'Charts in the pack' }).getByRole('listitem')).toHaveCount(3);
}

/**
 * The presentation's controls, out of sight (transparent, letting the pointer through) until the
 * pointer moves or a key is pressed. Reduced motion: no fade, so fully one or the other.
 */
const controlsBar = (page: Page) => page.locator('.presenter__bar');
async function expectControlsHidden(page: Page) {
  await expect(controlsBar(page)).toHaveCSS('opacity', '0');
  await expect(controlsBar(page)).toHaveCSS('pointer-events', 'none');
}
async function expectControlsShown(page: Page) {
  await expect(controlsBar(page)).toHaveCSS('opacity', '1');
  await expect(controlsBar(page)).toHaveCSS('pointer-events', 'auto');
}

/** Moves the pointer onto the controls and leaves it there, which keeps them shown. */
async function showControls(page: Page) {
  const middle = await controlsBar(page).evaluate((element) => {
    const box = element.getBoundingClientRect();
    return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  });
  await page.mouse.move(middle.x, middle.y - 1);
  await page.mouse.move(middle.x, middle.y);
  await expectControlsShown(page);
}

test.describe('Meeting pack', () => {
  test.use({ reducedMotion: 'reduce' });

  test('build a pack of three charts, present it, move through it with the keyboard and leave with Escape', async ({
    page,
  }) => {
    await buildPack(page);
    await page.getByRole('button', { name: 'Present' }).click();
    await expect(page).toHaveURL(/\/meeting-pack\/present$/);
    await expect(page.getByRole('region', { name: 'Slide 1 of 4' })).toBeVisible();
    await expect(
      page.getByRole('heading', { name: 'Wolverhampton Safeguarding Children Board' }),
    ).toBeVisible();

    await page.keyboard.press('PageDown');
    await expect(page.getByRole('region', { name: 'Slide 2 of 4' })).toBeVisible();
    await expect(page.getByRole('heading', { name: CSE })).toBeVisible();
    // The default year is 2016-17 (issue 11): 50 children identified by its end, as reported.
    await expect(page.locator('.slide__key-value')).toHaveText('50');
    await expect(page.getByText('Illustrative data')).toHaveCount(0);
    await expect(page.getByRole('region', { name: 'Slide 2 of 4' })).toBeFocused();
    // No focus frame on the slide.
    const frame = await page
      .getByRole('region', { name: 'Slide 2 of 4' })
      .evaluate((slide) => [getComputedStyle(slide).outlineStyle, getComputedStyle(slide).boxShadow]);
    expect(frame).toEqual(['none', 'none']);

    await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('heading', { name: REREFERRALS })).toBeVisible();
    await page.keyboard.press('Space');
    await expect(page.getByRole('heading', { name: REFERRALS })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Slide 4 of 4' })).toBeVisible();
    await page.keyboard.press('PageUp');
    await expect(page.getByRole('region', { name: 'Slide 3 of 4' })).toBeVisible();

    await page.keyboard.press('Escape');
    await expect(page).toHaveURL(/\/meeting-pack$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Meeting pack' })).toBeVisible();
    // Issue 11: focus returns to the Present button.
    await expect(page.getByRole('button', { name: 'Present' })).toBeFocused();
  });

  test('prints an A4 handout: a cover and one page per chart, with titles and numbers as text', async ({
    page,
  }, testInfo) => {
    await buildPack(page);
    await page.emulateMedia({ media: 'print', reducedMotion: 'reduce' });
    const path = testInfo.outputPath('meeting-pack.pdf');
    await page.pdf({ path, format: 'A4', printBackground: true });

    const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
    expect(info).toMatch(/^Pages:\s+4$/m);
    expect(info).toMatch(/^Page size:.*\(A4\)/m);

    const pages = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' }).split('\f');
    const [cover, cse, rereferrals, referrals] = pages;
    expect(cover).toContain('Wolverhampton Safeguarding Children Board');
    // The default year is now the latest complete one, 2016-17 (issue 11).
    expect(cover).toContain('Reporting year 2016-17');
    expect(cover).toContain('Page 1 of 4');

    expect(cse).toContain(CSE);
    expect(cse).toMatch(/rose from 10 in Q4 2015-16 to 50 in\s+Q4 2016-17/);
    expect(cse).toMatch(/Q4 2016-17\s+50/);
    expect(cse).toContain('Page 2 of 4');

    expect(rereferrals).toContain(REREFERRALS);
    expect(rereferrals).toMatch(/2016-17\s+24\.3%\s+21\.9%\s+23\.4%\s+23\.0%/);
    expect(rereferrals).toContain('Source: Children in need: referrals and re-referrals');
    expect(rereferrals).toContain('Page 3 of 4');

    expect(referrals).toContain(REFERRALS);
    expect(referrals).toMatch(/2016-17\s+5,983/);
    expect(referrals).toContain('Page 4 of 4');

    const all = pages.join('\n');
    for (const control of [
      'Present',
      'Move up',
      'Remove',
      'Copy link',
      'Show data table',
      'Pin to meeting pack',
    ]) {
      expect(all).not.toContain(control);
    }
  });

  for (const theme of ['light', 'dark'] as const) {
    test(`axe finds no WCAG A/AA violation on the Meeting pack page and on a slide (${theme})`, async ({
      page,
    }) => {
      // Seven axe runs, the last on a presenter view that now draws the next slide: a budget for a
      // loaded 2-core machine, not a wait.
      test.setTimeout(120_000);
      await page.emulateMedia({ colorScheme: theme });
      await buildPack(page);
      expect(await axeViolations(page)).toEqual([]);

      await page.getByRole('button', { name: 'Present' }).click();
      await expect(page.getByRole('region', { name: 'Slide 1 of 4' })).toBeVisible();
      expect(await axeViolations(page)).toEqual([]);
      await page.keyboard.press('PageDown');
      await expect(page.getByRole('heading', { name: CSE })).toBeVisible();
      expect(await axeViolations(page)).toEqual([]);
      await page.keyboard.press('PageDown');
      await expect(page.getByRole('heading', { name: REREFERRALS })).toBeVisible();
      expect(await axeViolations(page)).toEqual([]);

      await showControls(page);
      const [presenter] = await Promise.all([
        page.context().waitForEvent('page'),
        page.getByRole('button', { name: 'Presenter view' }).click(),
      ]);
      await expect(presenter.getByText('In step with the presentation')).toBeVisible();
      expect(await axeViolations(presenter)).toEqual([]);
    });
  }
});

test.describe('Meeting pack with the board’s own charts', () => {
  test.use({ reducedMotion: 'reduce' });

  test('pins the audit chart and the action-plan chart, presents them and prints them with their numbers', async ({
    page,
  }, testInfo) => {
    await page.goto('/quality-assurance?year=2017-18');
    await page
      .getByRole('button', { name: 'Pin to meeting pack: Audits planned and completed, 2017-18 (part year)' })
      .click();
    await page.goto('/action-plan');
    await page
      .getByRole('button', { name: 'Pin to meeting pack: Strategic action plan: progress by priority' })
      .click();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Meeting pack' }).click();
    await waitForPanels(page);

    await page.getByRole('button', { name: 'Present' }).click();
    await expect(page.getByRole('region', { name: 'Slide 1 of 3' })).toBeVisible();
    await page.keyboard.press('PageDown');
    await expect(
      page.getByRole('heading', { name: 'Audits planned and completed, 2017-18 (part year)' }),
    ).toBeVisible();
    await expect(page.getByText('2 of 6', { exact: true })).toBeVisible();
    await expect(page.getByText('audits complete in 2017-18', { exact: true })).toBeVisible();
    await page.keyboard.press('PageDown');
    await expect(
      page.getByRole('heading', { name: 'Strategic action plan: progress by priority' }),
    ).toBeVisible();
    await expect(page.getByText('5 of 11', { exact: true })).toBeVisible();
    await expect(page.getByText('actions complete', { exact: true })).toBeVisible();
    await page.keyboard.press('Escape');
    await waitForPanels(page);

    await page.emulateMedia({ media: 'print', reducedMotion: 'reduce' });
    const path = testInfo.outputPath('board-charts.pdf');
    await page.pdf({ path, format: 'A4', printBackground: true });
    expect(execFileSync('pdfinfo', [path], { encoding: 'utf8' })).toMatch(/^Pages:\s+3$/m);
    const [cover, audits, plan] = execFileSync('pdftotext', ['-layout', path, '-'], {
      encoding: 'utf8',
    }).split('\f');
    // Issue 11: the year once per title ("..., 2017-18", never "..., 2017-18, 2017-18").
    // The year once, labelled a part year (the figures stop at 31 December 2017).
    expect(cover).toMatch(/Audits planned and completed, 2017-18 \(part year\) \(page 2\)/);
    expect(cover).not.toContain('2017-18, 2017-18');
    expect(audits).toContain('Audits planned and completed, 2017-18 (part year)');
    expect(audits).not.toContain('2017-18, 2017-18');
    expect(audits).toMatch(/Q2 2017-18\s+2\s+1/);
    expect(plan).toContain('Strategic action plan: progress by priority');
    expect(plan).toMatch(/Priority 1: Scrutiny and challenge\s+77%/);
  });
});

/** A pack of every kind of chart, as a user who pinned them would have it in the browser. */
const EVERY_KIND = [
  {
    id: 'a',
    type: 'indicator',
    indicatorId: 'cse-children-at-risk',
    from: '2015-16',
    to: '2017-18',
    hidden: [],
    note: 'Say that 130 children can now get support.',
  },
  {
    id: 'b',
    type: 'indicator',
    indicatorId: 'rereferrals-within-12-months',
    from: '2015-16',
    to: '2017-18',
    hidden: [],
    note: 'England is the dashed line.',
  },
  {
    id: 'c',
    type: 'indicator',
    indicatorId: 'referrals',
    from: '2012-13',
    to: '2024-25',
    hidden: [],
    note: '',
  },
  { id: 'd', type: 'audit-progress', year: '2017-18', note: '' },
  { id: 'e', type: 'audit-grades', year: '2016-17', note: '' },
  { id: 'f', type: 'action-plan-progress', note: '' },
  { id: 'g', type: 'partner-funding', year: '2016-17', note: '' },
];

async function givenPack(page: Page, printNotes = false) {
  await page.addInitScript(
    ({ items, printNotes }) =>
      localStorage.setItem(
        'lscb-dashboard:meeting-pack',
        JSON.stringify({ state: { items, printNotes }, version: 1 }),
      ),
    { items: EVERY_KIND, printNotes },
  );
}

interface Box {
  name: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The boxes of what a slide shows, and every piece of text drawn in its chart. */
async function slideGeometry(page: Page) {
  return page.evaluate(() => {
    const box = (name: string, element: Element | null) => {
      if (!element) return null;
      const r = element.getBoundingClientRect();
      return { name, x: r.x, y: r.y, width: r.width, height: r.height };
    };
    const slide = document.querySelector('.slide')!;
    const parts = [
      box('key figure', slide.querySelector('.slide__meta')),
      box('headline', slide.querySelector('.chart-figure__title, .slide__board')),
      box('narrative', slide.querySelector('.chart-figure__narrative, .slide__subtitle')),
      box('chart', slide.querySelector('.chart-figure__chart svg')),
      box('source', slide.querySelector('.chart-figure__source')),
      box('controls', document.querySelector('.presenter__bar')),
    ].filter((b): b is NonNullable<typeof b> => b !== null);
    const buttons = [...document.querySelectorAll('.presenter__bar button, .presenter__bar p')].map((b) =>
      box(b.textContent ?? '', b)!,
    );
    const svg = slide.querySelector('.chart-figure__chart svg');
    const texts = svg
      ? [...svg.querySelectorAll('text')].map((t) => ({
          ...box(t.textContent ?? '', t)!,
          size: parseFloat(getComputedStyle(t).fontSize),
        }))
      : [];
    const labels = svg
      ? [...svg.querySelectorAll('.trend-chart__end-label-text, .trend-chart__event-label')].map((g) =>
          box(g.getAttribute('data-series') ?? 'event', g)!,
        )
      : [];
    return {
      parts,
      buttons,
      texts,
      labels,
      scroll: { width: document.documentElement.scrollWidth, height: document.documentElement.scrollHeight },
    };
  });
}

/**
 * The slide's geometry once it has stopped changing: the chart is measured and drawn again when the
 * slide's size is known. On a busy machine that can come several frames later, so first the chart
 * must have been drawn for the room it now has (its `data-room`); then it is read frame after frame
 * until two frames agree.
 */
async function settledGeometry(page: Page) {
  await chartsDrawnForTheirRoom(page, '.slide .trend-chart');
  let last = await slideGeometry(page);
  for (let frames = 0; frames < 600; frames++) {
    await page.evaluate(
      () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
    );
    const next = await slideGeometry(page);
    if (JSON.stringify(next) === JSON.stringify(last)) return next;
    last = next;
  }
  throw new Error('the slide never stopped moving');
}

const inside = (b: Box, w: number, h: number) =>
  b.x >= -0.5 && b.y >= -0.5 && b.x + b.width <= w + 0.5 && b.y + b.height <= h + 0.5;
const overlap = (a: Box, b: Box) =>
  a.x < b.x + b.width - 0.5 &&
  b.x < a.x + a.width - 0.5 &&
  a.y < b.y + b.height - 0.5 &&
  b.y < a.y + a.height - 0.5;

test.describe('Present mode fits any room', () => {
  test.use({ reducedMotion: 'reduce' });

  for (const [width, height] of [
    [1024, 768],
    [1280, 720],
    [1366, 768],
    [1920, 1080],
    [3840, 2160],
  ] as const) {
    test(`every slide fits ${width}x${height}: nothing outside the screen, nothing overlapping, type at least 2.5% of its height`, async ({
      page,
    }) => {
      test.setTimeout(120_000);
      await page.setViewportSize({ width, height });
      await givenPack(page);
      await page.goto('/meeting-pack/present');
      // Case 12: the bar is out of sight until the pointer moves; shown, it must fit with the slide.
      await expect(page.getByRole('region', { name: 'Slide 1 of 8' })).toBeVisible();
      await expectControlsHidden(page);
      await showControls(page);
      const count = EVERY_KIND.length + 1;
      for (let slide = 1; slide <= count; slide++) {
        await expect(page.getByRole('region', { name: `Slide ${slide} of ${count}` })).toBeVisible();
        // Shown (the pointer rests on it), the bar is measured with the rest.
        await expectControlsShown(page);
        if (slide > 1) {
          await expect(page.locator('.slide .chart-figure__chart svg')).toBeVisible();
          await expect(page.locator('.slide .chart-figure__chart svg text').first()).toBeVisible();
        }
        const { parts, buttons, texts, labels, scroll } = await settledGeometry(page);
        const where = `slide ${slide} at ${width}x${height}`;
        expect(scroll, `${where}: the page scrolls`).toEqual({ width, height });
        for (const part of [...parts, ...buttons]) {
          expect(inside(part, width, height), `${where}: ${part.name} is off screen`).toBe(true);
        }
        for (let i = 0; i < parts.length; i++) {
          for (let j = i + 1; j < parts.length; j++) {
            expect(
              overlap(parts[i]!, parts[j]!),
              `${where}: ${parts[i]!.name} overlaps ${parts[j]!.name}`,
            ).toBe(false);
          }
        }
        const chart = parts.find((p) => p.name === 'chart');
        if (slide > 1) {
          expect(chart, `${where}: no chart`).toBeDefined();
          for (const text of texts) {
            expect(
              inside({ ...text, x: text.x - chart!.x, y: text.y - chart!.y }, chart!.width, chart!.height),
              `${where}: "${text.name}" is cut off`,
            ).toBe(true);
            expect(text.size, `${where}: "${text.name}" is ${text.size}px`).toBeGreaterThanOrEqual(
              height * 0.025,
            );
          }
          for (let i = 0; i < labels.length; i++) {
            for (let j = i + 1; j < labels.length; j++) {
              expect(
                overlap(labels[i]!, labels[j]!),
                `${where}: labels ${labels[i]!.name} and ${labels[j]!.name} overlap`,
              ).toBe(false);
            }
          }
        }
        await page.keyboard.press('PageDown');
      }
    });
  }

  test('case 12: the controls stay hidden until the pointer moves or a key is pressed', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await givenPack(page);
    await page.goto('/meeting-pack/present');
    await expect(page.getByRole('region', { name: 'Slide 1 of 8' })).toBeVisible();
    await expect(
      page.getByRole('heading', { name: 'Wolverhampton Safeguarding Children Board' }),
    ).toBeVisible();
    // Out of sight while hidden, yet a screen reader still has them.
    const bar = controlsBar(page);
    const controls = page.getByRole('navigation', { name: 'Presentation' });
    await expectControlsHidden(page);
    await expect(controls.getByRole('button', { name: 'Leave presentation (Esc)' })).toBeAttached();

    // The pointer moves: the controls show, and go again once it rests.
    await page.mouse.move(640, 300);
    await page.mouse.move(600, 320);
    await expectControlsShown(page);
    await expect(controls.getByRole('button', { name: 'Leave presentation (Esc)' })).toBeVisible();
    await expectControlsHidden(page);

    // A key is pressed: the controls show, and go again.
    await page.keyboard.press('PageDown');
    await expect(page.getByRole('region', { name: 'Slide 2 of 8' })).toBeVisible();
    await expectControlsShown(page);
    await expectControlsHidden(page);

    // The keyboard reaches them: Tab moves into them, which shows them, and they stay while focused.
    await page.keyboard.press('Tab');
    await expect(controls.getByRole('button', { name: 'Previous slide' })).toBeFocused();
    await expect(bar).toHaveClass(/presenter__bar--hidden/);
    await expectControlsShown(page);

    // With reduced motion they appear and go without a fade; otherwise they fade.
    const fades = () =>
      bar.evaluate((element) =>
        getComputedStyle(element)
          .transitionDuration.split(',')
          .some((duration) => parseFloat(duration) >= 0.1),
      );
    expect(await fades()).toBe(false);
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    expect(await fades()).toBe(true);
  });

  test('the presenter view, in a second window, shows the notes and the next slide, and stays in step', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await givenPack(page);
    await page.goto('/meeting-pack/present');
    await expect(page.getByRole('region', { name: 'Slide 1 of 8' })).toBeVisible();
    await showControls(page);
    const [presenter] = await Promise.all([
      page.context().waitForEvent('page'),
      page.getByRole('button', { name: 'Presenter view' }).click(),
    ]);
    await expect(presenter).toHaveURL(/\/meeting-pack\/presenter$/);
    await expect(presenter.getByText('In step with the presentation')).toBeVisible();
    await expect(presenter.getByText('Slide 1 of 8')).toBeVisible();
    await expect(presenter.getByRole('heading', { name: `Next: ${CSE}, 2015-16 to 2017-18` })).toBeVisible();
    // Case 12: the next slide itself, drawn small, not only its title.
    await expect(
      presenter
        .getByRole('region', { name: /^Next:/ })
        .getByRole('figure', { name: CSE })
        .locator('svg')
        .first(),
    ).toBeVisible();
    await expect(presenter.getByText(/^Elapsed \d\d:\d\d$/)).toBeVisible();

    // The presenter moves the slides from the presenter view, with the keyboard or its buttons.
    await presenter.keyboard.press('PageDown');
    await expect(page.getByRole('region', { name: 'Slide 2 of 8' })).toBeVisible();
    await expect(page.getByRole('heading', { name: CSE })).toBeVisible();
    await expect(presenter.getByLabel('Speaker note')).toHaveText(
      'Say that 130 children can now get support.',
    );
    await presenter.getByRole('button', { name: 'Next slide' }).click();
    await expect(page.getByRole('region', { name: 'Slide 3 of 8' })).toBeVisible();
    await expect(presenter.getByLabel('Speaker note')).toHaveText('England is the dashed line.');

    // ... and from the audience window, which the presenter view follows.
    await page.bringToFront();
    await page.keyboard.press('PageDown');
    await expect(presenter.getByText('Slide 4 of 8')).toBeVisible();
    await expect(presenter.getByLabel('Speaker note')).toHaveText('No note for this slide.');

    // The audience window never shows a note.
    for (const note of ['Say that 130 children can now get support.', 'England is the dashed line.']) {
      await expect(page.getByText(note)).toHaveCount(0);
    }
    await expect(page.getByRole('button', { name: 'Speaker notes' })).toHaveCount(0);

    // Time moves on (how far depends on the machine's load: it is read, then seen to tick).
    const clock = presenter.locator('.presenter-view__time');
    await expect(clock).not.toHaveText('00:00');
    const reading = await clock.textContent();
    await expect(clock).not.toHaveText(reading ?? '');

    await page.keyboard.press('Escape');
    await expect(presenter.getByText('The presentation has ended')).toBeVisible();
  });
});

test.describe('The printed pack', () => {
  test.use({ reducedMotion: 'reduce' });

  async function print(page: Page, path: string) {
    await waitForPanels(page);
    await page.emulateMedia({ media: 'print', reducedMotion: 'reduce' });
    await page.pdf({ path, format: 'A4', printBackground: true });
    return path;
  }

  test('includes the speaker notes when chosen, and not otherwise; prints the year once per title', async ({
    page,
  }, testInfo) => {
    await givenPack(page);
    await page.goto('/meeting-pack');
    const without = await print(page, testInfo.outputPath('without-notes.pdf'));
    const plain = execFileSync('pdftotext', ['-layout', without, '-'], { encoding: 'utf8' });
    expect(plain).not.toContain('Say that 130 children can now get support.');
    expect(plain).not.toContain('Speaker note');

    await page.emulateMedia({ media: 'screen' });
    await page.getByRole('checkbox', { name: 'Include speaker notes in the printed handout' }).check();
    const withNotes = await print(page, testInfo.outputPath('with-notes.pdf'));
    const pages = execFileSync('pdftotext', ['-layout', withNotes, '-'], { encoding: 'utf8' }).split('\f');
    expect(pages[1]).toContain('Speaker note');
    expect(pages[1]).toContain('Say that 130 children can now get support.');
    expect(pages[2]).toContain('England is the dashed line.');
    expect(pages[3]).not.toContain('Speaker note');

    // Each title with its period, said once, in the contents and on its page.
    const cover = pages[0]!;
    for (const title of [
      `${CSE}, 2015-16 to 2017-18`,
      'Audits planned and completed, 2017-18 (part year)',
      'Grades given to audited cases, 2016-17',
      'Partner contributions to the board’s budget, 2015-16 to 2016-17',
    ]) {
      expect(cover.replace(/\s+/g, ' ')).toContain(title);
    }
    expect(pages.join('\n')).not.toMatch(/(\d{4}-\d{2}), \1/);
  });

  test('prints chart text at 9 pt or more', async ({ page }, testInfo) => {
    await givenPack(page);
    await page.goto('/meeting-pack');
    const path = await print(page, testInfo.outputPath('type-size.pdf'));
    const html = execFileSync('pdftotext', ['-bbox', path, '-'], { encoding: 'utf8' });
    // Axis labels on the chart pages: financial years and quarters, drawn as text in the PDF.
    const heights = [
      ...html.matchAll(
        /<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">(?:Q[1-4]|20\d\d-\d\d|£?\d+k?%?)<\/word>/g,
      ),
    ].map((m) => Number(m[2]) - Number(m[1]));
    expect(heights.length).toBeGreaterThan(20);
    // A word's box is about 1.15 times its type size; 9 pt type gives a box of at least 10 pt.
    expect(Math.min(...heights)).toBeGreaterThanOrEqual(10);
  });
});
