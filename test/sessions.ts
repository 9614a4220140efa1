import { DEMO_SESSION } from '../mocks/demo-api';
import type { Session } from '../src/api/contract';

/** Pat Police, signed in with a password: a contributor for West Midlands Police. */
export const policeContributor: Session = {
  ...DEMO_SESSION,
  method: 'password',
  user: {
    ...DEMO_SESSION.user,
    name: 'Pat Police',
    role: 'contributor',
    agencyIds: ['west-midlands-police'],
  },
};
