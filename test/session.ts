import { http, HttpResponse } from 'msw';
import { DEMO_SESSION } from '../mocks/demo-api';
import { apiBaseUrl } from '../src/api/client';
import type { Role, Session } from '../src/api/contract';

/** A handler for `server.use`: the demo user signed in with a password, in another role. */
export const signedInAs = (role: Role) =>
  http.get(`${apiBaseUrl()}/session`, () =>
    HttpResponse.json({
      ...DEMO_SESSION,
      method: 'password',
      user: { ...DEMO_SESSION.user, role },
    } satisfies Session),
  );
