import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type * as IdbKeyval from 'idb-keyval';
import { renderApp } from '../../../test/render';

// Saving waits until the test lets it finish, so a file can be chosen while it is saving.
const gate = vi.hoisted(() => {
  let open: () => void = () => {};
  const state = { held: new Promise<void>((r) => (open = r)) };
  return { state, release: () => open() };
});

vi.mock('idb-keyval', async (importOriginal) => {
  const actual = await importOriginal<typeof IdbKeyval>();
  return {
    ...actual,
    set: async (...args: Parameters<typeof actual.set>) => {
      await gate.state.held;
      return actual.set(...args);
    },
  };
});

function fixture(name: string): File {
  return new File([readFileSync(resolve(import.meta.dirname, '../../../test/fixtures/import', name))], name);
}

describe('Import page, choosing a file while the last one is saving', () => {
  it('keeps the file chosen last on screen when the earlier save finishes', async () => {
    const { user } = renderApp('/import');
    const input = await screen.findByLabelText('Choose a CSV or Excel file');
    await user.upload(input, fixture('template-valid.csv'));
    await user.click(await screen.findByRole('button', { name: /^Import \d+ indicators?$/ }));
    await user.upload(input, fixture('ees-recent-years.csv'));
    await screen.findByRole('heading', { name: 'Preview of ees-recent-years.csv' });

    gate.release();
    expect(
      await screen.findByText(/indicators? imported\. They now appear on the Indicators page\./),
    ).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Preview of ees-recent-years.csv' })).toBeInTheDocument();
  });
});
