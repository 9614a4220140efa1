import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { apiSend } from '../../api/client';
import { roleLabels } from '../../api/permissions';
import { sessionQueries } from '../../api/queries';
import { dropAllDrafts } from '../../lib/form-drafts';

/** Who is signed in, with their role, and Sign out; nothing for the demo or an API without sign-in. */
export function UserMenu() {
  const session = useQuery(sessionQueries.current());
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const signOut = useMutation({
    mutationFn: () => apiSend('signOut', undefined),
    onSettled: async () => {
      dropAllDrafts();
      queryClient.clear();
      await navigate('/sign-in', { replace: true });
    },
  });
  const data = session.data;
  if (!data) return null;
  if (data.method === 'demo') {
    return (
      <div className="user-menu">
        <p className="user-menu__demo">
          <span className="tag">Demo</span> No sign-in: changes stay in this browser
        </p>
        <Link to="/account">Your account</Link>
      </div>
    );
  }
  return (
    <div className="user-menu">
      <p className="user-menu__who">
        <span className="visually-hidden">Signed in as </span>
        <span className="user-menu__name">{data.user.name}</span>
        <span className="user-menu__role">{roleLabels[data.user.role]}</span>
      </p>
      <Link to="/account">Your account</Link>
      <button
        type="button"
        className="button button--secondary"
        onClick={() => signOut.mutate()}
        disabled={signOut.isPending}
      >
        Sign out
      </button>
    </div>
  );
}
