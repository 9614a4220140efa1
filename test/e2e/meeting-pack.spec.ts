import { execFileSync } from 'node:child_process';
import type { Page } from '@playwright/test';
import { axeViolations, expect, test, waitForPanels } from './fixtures';

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
    const pin = page.getByRole('button', { name: `Pin to meeting pack: ${title}` });
    await pin.click();
    await expect(pin).toHaveAttribute('aria-pressed', 'true');
  }
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Meeting pack' }).click();
  await waitForPanels(page);
  await expect(page.getByRole('list', { name: 'Charts in the pack' }).getByRole('listitem')).toHaveCount(3);
}

test.describe('Meeting pack', () => {
  test.use({ reducedMotion: 'reduce' });

  test('build a pack of three charts, present it, move through it with the keyboard and leave with Escape', async ({
    page,
  }) => {
    await buildPack(page);
    await page.getByRole('button', { name: 'Present' }).click();
    await expect(page).toHaveURL(/\/meeting-pack\/present$/);
    await expect(page.getByText('Slide 1 of 4')).toBeVisible();
    await expect(
      page.getByRole('heading', { name: 'Wolverhampton Safeguarding Children Board' }),
    ).toBeVisible();

    await page.keyboard.press('PageDown');
    await expect(page.getByText('Slide 2 of 4')).toBeVisible();
    await expect(page.getByRole('heading', { name: CSE })).toBeVisible();
    await expect(page.getByText('130', { exact: true })).toBeVisible();
    await expect(page.getByText('Illustrative data')).toBeVisible();
    await expect(page.getByRole('region', { name: 'Slide 2 of 4' })).toBeFocused();

    await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('heading', { name: REREFERRALS })).toBeVisible();
    await page.keyboard.press('Space');
    await expect(page.getByRole('heading', { name: REFERRALS })).toBeVisible();
    await expect(page.getByText('Slide 4 of 4')).toBeVisible();
    await page.keyboard.press('PageUp');
    await expect(page.getByText('Slide 3 of 4')).toBeVisible();

    await page.keyboard.press('Escape');
    await expect(page).toHaveURL(/\/meeting-pack$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Meeting pack' })).toBeVisible();
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
    expect(cover).toContain('Reporting year 2017-18');
    expect(cover).toContain('Page 1 of 4');

    expect(cse).toContain(CSE);
    expect(cse).toMatch(/rose from 10 in Q1 2015-16 to 130 in\s+Q3 2017-18/);
    expect(cse).toMatch(/Q3 2017-18\s+130/);
    expect(cse).toContain('Page 2 of 4');

    expect(rereferrals).toContain(REREFERRALS);
    expect(rereferrals).toMatch(/2017-18\s+24\.8%\s+21\.9%\s+24\.8%\s+22\.9%/);
    expect(rereferrals).toContain('Source: Children in need: referrals and re-referrals');
    expect(rereferrals).toContain('Page 3 of 4');

    expect(referrals).toContain(REFERRALS);
    expect(referrals).toMatch(/2017-18\s+5,368/);
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
      await page.emulateMedia({ colorScheme: theme });
      await buildPack(page);
      expect(await axeViolations(page)).toEqual([]);

      await page.getByRole('button', { name: 'Present' }).click();
      await expect(page.getByText('Slide 1 of 4')).toBeVisible();
      expect(await axeViolations(page)).toEqual([]);
      await page.keyboard.press('PageDown');
      await expect(page.getByRole('heading', { name: CSE })).toBeVisible();
      await page.getByRole('button', { name: 'Speaker notes' }).click();
      expect(await axeViolations(page)).toEqual([]);
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
      .getByRole('button', { name: 'Pin to meeting pack: Audits planned and completed, 2017-18' })
      .click();
    await page.goto('/action-plan');
    await page
      .getByRole('button', { name: 'Pin to meeting pack: Strategic action plan: progress by priority' })
      .click();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Meeting pack' }).click();
    await waitForPanels(page);

    await page.getByRole('button', { name: 'Present' }).click();
    await expect(page.getByText('Slide 1 of 3')).toBeVisible();
    await page.keyboard.press('PageDown');
    await expect(page.getByRole('heading', { name: 'Audits planned and completed, 2017-18' })).toBeVisible();
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
    const [, audits, plan] = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' }).split(
      '\f',
    );
    expect(audits).toContain('Audits planned and completed, 2017-18');
    expect(audits).toMatch(/Q2 2017-18\s+2\s+1/);
    expect(plan).toContain('Strategic action plan: progress by priority');
    expect(plan).toMatch(/Priority 1: Scrutiny and challenge\s+77%/);
  });
});
