import { useState } from 'react';

/** Copies a text (a link to give by hand) to the clipboard, and says so once it has. */
export function CopyButton({ text, label, name }: { text: string; label: string; name?: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      className="button button--secondary"
      onClick={() => {
        void navigator.clipboard?.writeText(text).then(() => setCopied(true));
      }}
    >
      {copied ? 'Copied' : label}
      {name ? <span className="visually-hidden">: {name}</span> : null}
    </button>
  );
}
