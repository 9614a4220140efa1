import { renderToString } from 'react-dom/server';
import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { dropAllDrafts, draftKeys, keepDraft } from './form-drafts';
import { HydrationState } from './use-hydrated';
import { useKeptDraft } from './use-kept-draft';

function Form() {
  const [open] = useKeptDraft(() => draftKeys('chart-event:')[0] ?? null);
  return <p>{open ? `Open: ${open}` : 'Shut'}</p>;
}

afterEach(() => dropAllDrafts());

describe('useKeptDraft', () => {
  it('a page the server drew is taken over with the form shut, as drawn, and the kept form opens straight after', async () => {
    const html = renderToString(
      <HydrationState hydrating>
        <Form />
      </HydrationState>,
    );
    expect(html).toContain('Shut');
    // The session ended on a save; the person signed in again, and the page was drawn anew.
    keepDraft('chart-event:new', { label: 'Kept' });
    const container = document.createElement('div');
    container.innerHTML = html;
    document.body.append(container);
    const onRecoverableError = vi.fn();
    render(
      <HydrationState hydrating>
        <Form />
      </HydrationState>,
      { container, hydrate: true, onRecoverableError },
    );
    expect(await screen.findByText('Open: chart-event:new')).toBeInTheDocument();
    expect(onRecoverableError).not.toHaveBeenCalled();
  });

  it('a page the browser draws itself opens the kept form at once', () => {
    keepDraft('chart-event:new', { label: 'Kept' });
    render(<Form />);
    expect(screen.getByText('Open: chart-event:new')).toBeInTheDocument();
  });
});
