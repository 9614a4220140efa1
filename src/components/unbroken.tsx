import { Fragment } from 'react';

/** Financial years and quarters: `2016-17`, `Q3 2017-18`. */
const PERIOD = /(Q[1-4] \d{4}-\d{2}|\d{4}-\d{2})/;

/**
 * Text in which a financial year never breaks across lines at its hyphen ("2017-" / "18"): each
 * year, or quarter, is kept on one line. The characters are unchanged, so the text copies, reads
 * and searches as written.
 */
export function Unbroken({ text }: { text: string }) {
  const parts = text.split(PERIOD);
  if (parts.length === 1) return <>{text}</>;
  return (
    <>
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          <span key={i} className="nowrap">
            {part}
          </span>
        ) : (
          <Fragment key={i}>{part}</Fragment>
        ),
      )}
    </>
  );
}
