/** A small label with an icon; tones are never the only signal (the text says it). */
export type Tone = 'good' | 'warning' | 'bad' | 'neutral';

const shapes: Record<Tone, string> = {
  good: 'M5 12.5l4.5 4.5L19 7.5',
  warning: 'M12 6v7m0 4v.01',
  bad: 'M7 7l10 10M17 7 7 17',
  neutral: 'M7 12h10',
};

export function StatusTag({ tone, children }: { tone: Tone; children: string }) {
  return (
    <span className={`status-tag status-tag--${tone}`}>
      <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <path d={shapes[tone]} />
      </svg>
      {children}
    </span>
  );
}
