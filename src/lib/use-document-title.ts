import { useEffect } from 'react';

export function useDocumentTitle(title: string) {
  useEffect(() => {
    document.title = `${title} – Safeguarding board dashboard`;
  }, [title]);
}
