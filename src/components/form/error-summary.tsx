import { useEffect, useRef } from 'react';
import type { FieldErrors } from '../../lib/field-errors';

/**
 * The list of problems at the top of a form, each linking to its field. It takes focus when it
 * appears, so keyboard and screen-reader users learn at once that the form was not sent.
 */
export function ErrorSummary({
  errors,
  fieldIds,
  labels,
}: {
  errors: FieldErrors;
  fieldIds: Record<string, string>;
  labels: Record<string, string>;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const entries = Object.entries(errors);
  const count = entries.length;
  useEffect(() => {
    if (count > 0) ref.current?.focus();
  }, [count, errors]);
  if (count === 0) return null;
  return (
    <div
      className="error-summary"
      role="alert"
      tabIndex={-1}
      ref={ref}
      aria-labelledby={`${Object.values(fieldIds)[0] ?? 'form'}-summary-title`}
    >
      <h4 id={`${Object.values(fieldIds)[0] ?? 'form'}-summary-title`} className="error-summary__title">
        There is a problem
      </h4>
      <ul>
        {entries.map(([field, message]) => (
          <li key={field}>
            <a
              href={`#${fieldIds[field] ?? ''}`}
              onClick={(e) => {
                e.preventDefault();
                document.getElementById(fieldIds[field] ?? '')?.focus();
              }}
            >
              {labels[field] ? `${labels[field]}: ` : ''}
              {message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
