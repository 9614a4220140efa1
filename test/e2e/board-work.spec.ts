import { axeViolations, expect, test, waitForPanels } from './fixtures';

test.describe('The board’s own work', () => {
  test('recording an audit as completed changes the audit chart and the grade spread', async ({ page }) => {
    await page.goto('/quality-assurance?year=2017-18');
    const programme = page.getByRole('region', { name: 'Audit programme' });
    const grades = page.getByRole('region', { name: 'What the audits found' });
    await expect(
      // Issue 11: the narrative names what it counts, and the multi-agency count the overview's tile uses.
      programme.getByText(
        '2 of the 6 audits planned for 2017-18 (multi-agency and single-agency) are complete; 2 audits are overdue. Multi-agency case file audits due by 31 December 2017: 1 of 3 complete (33%).',
      ),
    ).toBeVisible();
    await expect(grades.getByText(/^Of the 20 cases graded in 2 completed audits/)).toBeVisible();

    await page
      .getByRole('button', {
        name: 'Record progress for Disabled children subject to child protection plans',
      })
      .click();
    const form = page.getByRole('form', { name: /Record progress: Disabled children/ });
    await expect(form.getByRole('heading')).toBeFocused();
    await form.getByRole('combobox', { name: 'Status' }).selectOption('completed');
    await form.getByLabel('Date completed').fill('2017-10-20');
    await form.getByRole('spinbutton', { name: 'Cases audited' }).fill('5');
    await form.getByRole('spinbutton', { name: 'Good', exact: true }).fill('3');
    await form.getByRole('spinbutton', { name: 'Requires improvement' }).fill('2');
    await form.getByRole('button', { name: 'Save progress' }).click();

    await expect(
      page.getByText('Saved: “Disabled children subject to child protection plans” is now completed.'),
    ).toBeVisible();
    await expect(
      programme.getByText(
        '3 of the 6 audits planned for 2017-18 (multi-agency and single-agency) are complete; 1 audit is overdue. Multi-agency case file audits due by 31 December 2017: 2 of 3 complete (67%).',
      ),
    ).toBeVisible();
    await expect(
      grades.getByText(
        'Of the 25 cases graded in 3 completed audits in 2017-18, 18 (72%) were good or outstanding.',
      ),
    ).toBeVisible();
    await programme.getByRole('button', { name: 'Show data table' }).click();
    await expect(programme.getByRole('row', { name: /^Q2 2017-18/ })).toHaveText(/Q2 2017-18\s*2\s*2/);

    // The change stays for the rest of the browser session.
    await page.reload();
    await expect(
      page.getByText(
        /^3 of the 6 audits planned for 2017-18 \(multi-agency and single-agency\) are complete; 1 audit is overdue\./,
      ),
    ).toBeVisible();
  });

  test('updating an action changes its priority’s progress', async ({ page }) => {
    await page.goto('/action-plan');
    const chart = page.getByRole('region', { name: 'Progress by priority' });
    await chart.getByRole('button', { name: 'Show data table' }).click();
    await expect(chart.getByRole('row', { name: /Priority 1: Scrutiny and challenge/ })).toContainText('77%');

    await page
      .getByRole('button', { name: 'Update Agree a multi-agency performance framework and dashboard' })
      .click();
    const form = page.getByRole('form', { name: /Update: Agree a multi-agency performance framework/ });
    await form.getByRole('combobox', { name: 'Status' }).selectOption('on-track');
    await form.getByRole('spinbutton', { name: 'Progress (%)' }).fill('90');
    await form.getByRole('textbox', { name: 'Note (optional)' }).fill('Health data received from the CCG.');
    await form.getByRole('button', { name: 'Save update' }).click();

    await expect(page.getByText(/is on track, 90% done\.$/)).toBeVisible();
    await expect(chart.getByRole('row', { name: /Priority 1: Scrutiny and challenge/ })).toContainText('87%');
  });

  for (const theme of ['light', 'dark'] as const) {
    for (const path of ['/quality-assurance', '/action-plan', '/partnership']) {
      test(`axe finds no WCAG A/AA violation on ${path} (${theme})`, async ({ page }) => {
        await page.emulateMedia({ colorScheme: theme });
        await page.goto(path);
        await waitForPanels(page);
        const showTable = page.getByRole('button', { name: 'Show data table' });
        while ((await showTable.count()) > 0) await showTable.first().click();
        expect(await axeViolations(page)).toEqual([]);
      });
    }
  }

  test('a form with errors is announced and its messages sit next to the fields (axe clean)', async ({
    page,
  }) => {
    await page.goto('/quality-assurance?year=2017-18');
    await page
      .getByRole('button', {
        name: 'Record progress for Disabled children subject to child protection plans',
      })
      .click();
    const form = page.getByRole('form', { name: /Record progress: Disabled children/ });
    await form.getByRole('combobox', { name: 'Status' }).selectOption('completed');
    await form.getByRole('button', { name: 'Save progress' }).click();
    await expect(form.getByRole('alert')).toBeFocused();
    await expect(form.getByRole('spinbutton', { name: 'Cases audited' })).toHaveAttribute(
      'aria-invalid',
      'true',
    );
    expect(await axeViolations(page)).toEqual([]);
  });
});
