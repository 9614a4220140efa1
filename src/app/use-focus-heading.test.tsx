import { act, render, screen } from '@testing-library/react';
import { useEffect, useRef, useState } from 'react';
import { createMemoryRouter, Outlet, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useFocusHeadingOnNavigate } from './use-focus-heading';

/** A page whose heading appears only when the test says: its code or its data still on the way. */
const arrival = new EventTarget();
function SlowPage() {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    const show = () => setShown(true);
    arrival.addEventListener('arrived', show);
    return () => arrival.removeEventListener('arrived', show);
  }, []);
  return shown ? <h1>Quality assurance</h1> : <p role="status">Loading the page</p>;
}

function Shell() {
  const main = useRef<HTMLElement>(null);
  useFocusHeadingOnNavigate(main);
  return (
    <main ref={main}>
      <Outlet />
    </main>
  );
}

describe('after following a link, focus moves to the new page’s heading', () => {
  afterEach(() => vi.useRealTimers());

  it('however long the page takes to appear (a slow connection, a busy laptop)', async () => {
    vi.useFakeTimers();
    const router = createMemoryRouter(
      [
        {
          path: '/',
          element: <Shell />,
          children: [
            { index: true, element: <h1>Overview</h1> },
            { path: 'quality-assurance', element: <SlowPage /> },
          ],
        },
      ],
      { initialEntries: ['/'] },
    );
    render(<RouterProvider router={router} />);
    // Not on the first page shown.
    expect(screen.getByRole('heading', { name: 'Overview' })).not.toHaveFocus();
    await act(() => router.navigate('/quality-assurance'));
    await act(() => vi.advanceTimersByTimeAsync(30_000));
    await act(async () => {
      arrival.dispatchEvent(new Event('arrived'));
    });
    expect(screen.getByRole('heading', { name: 'Quality assurance' })).toHaveFocus();
  });
});
