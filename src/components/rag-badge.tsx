import { ragLabels, type RagStatus } from '../lib/rag';

const icons: Record<RagStatus, string> = {
  green: 'M5 12.5l4.5 4.5L19 7.5',
  amber: 'M12 7v6m0 4v.01',
  red: 'M7 7l10 10M17 7 7 17',
  none: 'M7 12h10',
  'no-figure': 'M7 12h10',
};

/** RAG status as text and a distinct icon shape, never colour alone. */
export function RagBadge({ status }: { status: RagStatus }) {
  return (
    <span className={`rag rag--${status}`}>
      <svg className="rag__icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        {status === 'amber' ? (
          <path d="M12 2.5 22 20.5H2Z" className="rag__shape" />
        ) : status === 'red' ? (
          <path d="M8 2h8l6 6v8l-6 6H8l-6-6V8Z" className="rag__shape" />
        ) : (
          <circle cx="12" cy="12" r="10.5" className="rag__shape" />
        )}
        <path d={icons[status]} className="rag__mark" />
      </svg>
      {ragLabels[status]}
    </span>
  );
}
