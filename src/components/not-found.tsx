import { Link, type To } from 'react-router';
import { useDocumentTitle } from '../lib/use-document-title';

/**
 * A page for an address that names nothing: what was not found, and where to go instead. It
 * replaces the page's usual heading and panels, so nothing half-drawn is left around it.
 */
export function NotFound({
  title,
  detail,
  link,
}: {
  title: string;
  detail: string;
  link: { to: To; label: string };
}) {
  useDocumentTitle(title);
  return (
    <div className="page not-found">
      <h1 className="page__title">{title}</h1>
      <p>{detail}</p>
      <p>
        <Link to={link.to}>{link.label}</Link>
      </p>
    </div>
  );
}
