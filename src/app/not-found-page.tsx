import { Link } from 'react-router';
import { useDocumentTitle } from '../lib/use-document-title';

export function NotFoundPage() {
  useDocumentTitle('Page not found');
  return (
    <div className="page">
      <h1>Page not found</h1>
      <p>There is no page at this address. It may have moved.</p>
      <p>
        <Link to="/">Go to the overview</Link>
      </p>
    </div>
  );
}
