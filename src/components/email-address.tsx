import { Fragment } from 'react';

/**
 * An email address that may break across lines where a reader expects it to: after the "@" and
 * before each dot (`alexandra.whitworth@` / `childrens-services` / `.example.gov.uk`), and at a
 * hyphen as any text may, never elsewhere inside a name. Whole, an address is one long word: in a
 * table it held its column at its full length (a council's run to 60 characters and more) and
 * pushed the last columns, the buttons among them, out of view. The characters are unchanged, so it
 * copies, reads and searches as written.
 */
export function EmailAddress({ address }: { address: string }) {
  const parts = address.split(/(?<=@)|(?=\.)/);
  return (
    <>
      {parts.map((part, i) => (
        <Fragment key={i}>
          {i > 0 ? <wbr /> : null}
          {part}
        </Fragment>
      ))}
    </>
  );
}
