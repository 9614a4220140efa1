/** What the last form saved, said politely once it closes. */
export function SavedNotice({ message }: { message: string | null }) {
  return message ? (
    <p className="notice notice--success" role="status">
      {message}
    </p>
  ) : null;
}
