import { renderToString } from 'react-dom/server';
import { render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { HydrationState, useHydrated } from './use-hydrated';

function Probe({ seen }: { seen: string[] }) {
  const hydrated = useHydrated();
  seen.push(hydrated ? 'browser' : 'server');
  return <p>{hydrated ? 'drawn with the browser’s own metrics' : 'drawn as the server drew it'}</p>;
}

describe('useHydrated', () => {
  it('a page the server drew is taken over exactly as drawn, then drawn again as the browser’s own', () => {
    const server: string[] = [];
    const html = renderToString(
      <HydrationState hydrating>
        <Probe seen={server} />
      </HydrationState>,
    );
    expect(server).toEqual(['server']);
    expect(html).toContain('drawn as the server drew it');

    const container = document.createElement('div');
    container.innerHTML = html;
    document.body.append(container);
    const seen: string[] = [];
    const onRecoverableError = vi.fn();
    render(
      <HydrationState hydrating>
        <Probe seen={seen} />
      </HydrationState>,
      { container, hydrate: true, onRecoverableError },
    );
    // Hydrated without a mismatch (which React would recover from by drawing the page anew),
    // then drawn once more, as a transition, with what only the browser knows.
    expect(onRecoverableError).not.toHaveBeenCalled();
    expect(seen).toEqual(['server', 'browser']);
    expect(container).toHaveTextContent('drawn with the browser’s own metrics');
  });

  it('a page the browser draws itself is the browser’s own from its first drawing', () => {
    const seen: string[] = [];
    render(
      <HydrationState hydrating={false}>
        <Probe seen={seen} />
      </HydrationState>,
    );
    expect(screen.getByText('drawn with the browser’s own metrics')).toBeInTheDocument();
    expect(seen).toEqual(['browser']);
  });

  it('outside the app’s providers (a component on its own) it is the browser’s', () => {
    const seen: string[] = [];
    render(<Probe seen={seen} />);
    expect(seen).toEqual(['browser']);
  });
});
