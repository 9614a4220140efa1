import { NotFound } from '../components/not-found';

export function NotFoundPage() {
  return (
    <NotFound
      title="Page not found"
      detail="There is no page at this address. It may have moved."
      link={{ to: '/', label: 'Go to the overview' }}
    />
  );
}
