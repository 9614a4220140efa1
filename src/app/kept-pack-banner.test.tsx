import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { MEETING_PACK_STORAGE_KEY, readKeptPack, resetMeetingPack } from '../stores/meeting-pack-store';
import { KeptPackBanner } from './status-banners';

beforeEach(() => {
  resetMeetingPack();
  localStorage.setItem(
    MEETING_PACK_STORAGE_KEY,
    JSON.stringify({
      state: { items: [{ id: 'a', type: 'audit-progress', year: '2016-17', note: '' }] },
      version: 1,
    }),
  );
  vi.doMock('../lib/kept-pack', () => {
    throw new Error('Failed to fetch dynamically imported module');
  });
});
afterEach(() => vi.doUnmock('../lib/kept-pack'));

it('says when Try again fails too, and offers a reload; a later try that loads the code reads the pack', async () => {
  // A browser that keeps the first failure to load code until the page is loaded afresh fails
  // every Try again at once: the banner said nothing new, so the click seemed to do nothing.
  await readKeptPack();
  const user = userEvent.setup();
  render(<KeptPackBanner />);
  const banner = screen.getByRole('alert');
  expect(banner).toHaveTextContent('The meeting pack kept in this browser could not be read');
  expect(screen.queryByRole('button', { name: 'Reload the page' })).not.toBeInTheDocument();

  await user.click(screen.getByRole('button', { name: 'Try again' }));
  expect(
    await screen.findByText(/^Tried again once: it still could not be loaded\. Reloading the page fetches/),
  ).toBeInTheDocument();
  expect(screen.getByRole('button', { name: 'Reload the page' })).toBeInTheDocument();
  await user.click(screen.getByRole('button', { name: 'Try again' }));
  expect(await screen.findByText(/^Tried again 2 times: it still could not be loaded\./)).toBeInTheDocument();

  vi.doUnmock('../lib/kept-pack');
  await user.click(screen.getByRole('button', { name: 'Try again' }));
  await waitFor(() => expect(screen.queryByRole('alert')).not.toBeInTheDocument());
});
