import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { lazyForm } from './lazy-form';

function NoteForm({ onCancel }: { note: string; onCancel: () => void }) {
  return (
    <form aria-label="Add a note">
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
    </form>
  );
}

/** A loader the test settles: each call waits for `settle` (or fails with the error it is given). */
function controlledLoader() {
  const calls: { resolve: () => void; reject: (error: Error) => void }[] = [];
  const load = vi.fn(
    () =>
      new Promise<{ NoteForm: typeof NoteForm }>((resolve, reject) => {
        calls.push({ resolve: () => resolve({ NoteForm }), reject });
      }),
  );
  return { load, calls };
}

describe('a record form loaded when it is opened', () => {
  it('says the form is opening while its code loads, then shows it', async () => {
    const { load, calls } = controlledLoader();
    const Form = lazyForm(load, 'NoteForm');
    render(<Form note="x" onCancel={() => undefined} />);
    expect(screen.getByRole('status')).toHaveTextContent('Opening the form');
    expect(screen.queryByRole('form')).toBeNull();
    calls[0]!.resolve();
    expect(await screen.findByRole('form', { name: 'Add a note' })).toBeInTheDocument();
    expect(screen.queryByText('Opening the form')).toBeNull();
  });

  it('when its code cannot be loaded, says so with Try again and Cancel; Try again opens it', async () => {
    const { load, calls } = controlledLoader();
    const Form = lazyForm(load, 'NoteForm');
    const cancel = vi.fn();
    const user = userEvent.setup();
    render(<Form note="x" onCancel={cancel} />);
    calls[0]!.reject(new TypeError('Failed to fetch dynamically imported module: /assets/note-form.js'));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The form could not be opened.');
    expect(alert).toHaveTextContent('Part of the dashboard could not be loaded');

    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(cancel).toHaveBeenCalledTimes(1);

    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(load).toHaveBeenCalledTimes(2);
    expect(screen.getByRole('status')).toHaveTextContent('Opening the form');
    calls[1]!.resolve();
    expect(await screen.findByRole('form', { name: 'Add a note' })).toBeInTheDocument();
  });

  it('starts loading when the button that opens it is pointed at or focused, once', async () => {
    const { load, calls } = controlledLoader();
    const Form = lazyForm(load, 'NoteForm');
    const user = userEvent.setup();
    render(
      <button type="button" {...Form.intent}>
        Add a note
      </button>,
    );
    expect(load).not.toHaveBeenCalled();
    await user.hover(screen.getByRole('button', { name: 'Add a note' }));
    await user.tab();
    expect(load).toHaveBeenCalledTimes(1);
    calls[0]!.resolve();
    await Form.preload();
    // Loaded ahead: the form is drawn at once when it opens, with no "Opening the form" between.
    render(<Form note="x" onCancel={() => undefined} />);
    expect(screen.getByRole('form', { name: 'Add a note' })).toBeInTheDocument();
  });
});
