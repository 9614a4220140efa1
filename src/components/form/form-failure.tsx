/** Why the form's request was refused or its save failed, said first in the form. */
export function FormFailure({ failure }: { failure: string | null | undefined }) {
  return failure ? (
    <p className="record-form__failure" role="alert">
      {failure}
    </p>
  ) : null;
}
