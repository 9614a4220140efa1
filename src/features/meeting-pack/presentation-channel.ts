import { useCallback, useEffect, useEffectEvent, useRef } from 'react';

/**
 * The audience window (the slides) and the presenter view talk over a BroadcastChannel, so they
 * stay on the same slide whichever one the presenter uses. The audience window owns the state:
 * it says where it is whenever that changes or whenever asked; the presenter view asks to move.
 */
export type PresentationMessage =
  | { type: 'state'; slide: number; count: number; startedAt: number }
  | { type: 'hello' }
  | { type: 'go'; slide: number }
  | { type: 'ended' };

export const PRESENTATION_CHANNEL = 'lscb-dashboard:presentation';

export function usePresentationChannel(onMessage: (message: PresentationMessage) => void) {
  const channel = useRef<BroadcastChannel | null>(null);
  const handle = useEffectEvent((message: PresentationMessage) => onMessage(message));
  useEffect(() => {
    if (typeof BroadcastChannel !== 'function') return;
    const opened = new BroadcastChannel(PRESENTATION_CHANNEL);
    opened.onmessage = (event: MessageEvent<PresentationMessage>) => handle(event.data);
    channel.current = opened;
    return () => {
      opened.close();
      channel.current = null;
    };
  }, []);
  return useCallback((message: PresentationMessage) => channel.current?.postMessage(message), []);
}

const NEXT = new Set(['ArrowRight', 'ArrowDown', 'PageDown', ' ']);
const PREVIOUS = new Set(['ArrowLeft', 'ArrowUp', 'PageUp']);

/**
 * The slide a key asks for, or null for a key that does not move: Page Down, arrows and space (a
 * presenter's clicker), Home and End.
 */
export function slideForKey(event: KeyboardEvent, slide: number, count: number): number | null {
  if (event.altKey || event.ctrlKey || event.metaKey) return null;
  const target = event.target instanceof Element ? event.target : null;
  // Space and Enter on a focused control press that control; let them.
  if ((event.key === ' ' || event.key === 'Enter') && target?.closest('button, input, textarea, a, select')) {
    return null;
  }
  if (NEXT.has(event.key)) return Math.min(slide + 1, count - 1);
  if (PREVIOUS.has(event.key)) return Math.max(slide - 1, 0);
  if (event.key === 'Home') return 0;
  if (event.key === 'End') return count - 1;
  return null;
}
