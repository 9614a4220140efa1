import type { SessionUser } from '../../src/api/contract';
import type { ActiveSession } from '../auth/sessions';
import type { Config } from '../config';
import type { Database } from '../db/database';
import type { ReadCache } from './read-cache';

export type { Logger } from '../log';
import type { Logger } from '../log';

/** Whether this instance should be sent requests: `/readyz` answers from it. */
export interface Lifecycle {
  /** Set once the instance stops taking requests (SIGTERM): the load balancer should move on. */
  draining: boolean;
}

/** What every route can reach. */
export interface Services {
  db: Database;
  config: Config;
  log: Logger;
  lifecycle: Lifecycle;
  cache: ReadCache;
  /** Check each answer against its contract schema before sending it (tests and development). */
  checkResponses: boolean;
  /** Today's date for records such as an action's dated note; a test may fix it. */
  today: () => string;
}

export interface AppEnv {
  Variables: {
    requestId: string;
    session: ActiveSession | null;
    user: SessionUser | null;
    /** The scheme and host the browser used, after any trusted proxy. */
    origin: string;
    clientAddress: string;
    secure: boolean;
  };
}
