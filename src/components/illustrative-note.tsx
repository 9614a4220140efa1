import type { ReactNode } from 'react';
import { useIllustrative } from '../lib/use-illustrative';

/**
 * Marks invented demonstration data where it appears ("Illustrative" and what is invented), when
 * the board says its data is illustrative. A real board's data shows nothing.
 */
export function IllustrativeNote({ children }: { children: ReactNode }) {
  const illustrative = useIllustrative();
  if (!illustrative) return null;
  return (
    <p className="illustrative-note">
      <span className="tag tag--illustrative">Illustrative</span> {children}
    </p>
  );
}
