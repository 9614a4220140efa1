/** Shown when a form opens with what the person typed before their session ended. */
export function DraftRestoredNotice() {
  return (
    <p className="notice notice--info" role="status">
      This is what you typed before your session ended. It has not been saved yet: check it, then save.
    </p>
  );
}
