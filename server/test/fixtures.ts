import type { CreateUserRequest, Role } from '../../src/api/contract';

/** The people every server test can sign in as; all share one password. */
export const PASSWORD = 'test password 1234';

export type TestPerson =
  'administrator' | 'viewer' | 'police' | 'health' | 'quality-assurance' | 'editor' | 'action-owner';

export const people: Record<TestPerson, CreateUserRequest & { role: Role }> = {
  administrator: {
    email: 'admin@board.test',
    name: 'Alex Administrator',
    role: 'administrator',
    agencyIds: [],
    actionOwner: null,
  },
  viewer: {
    email: 'viewer@board.test',
    name: 'Vic Viewer',
    role: 'viewer',
    agencyIds: [],
    actionOwner: null,
  },
  police: {
    email: 'police@board.test',
    name: 'Pat Police',
    role: 'contributor',
    agencyIds: ['west-midlands-police'],
    actionOwner: null,
  },
  health: {
    email: 'health@board.test',
    name: 'Hana Health',
    role: 'contributor',
    agencyIds: ['childrens-social-care'],
    actionOwner: null,
  },
  'quality-assurance': {
    email: 'qa@board.test',
    name: 'Quinn QA',
    role: 'quality-assurance',
    agencyIds: [],
    actionOwner: null,
  },
  editor: {
    email: 'editor@board.test',
    name: 'Eddie Editor',
    role: 'editor',
    agencyIds: [],
    actionOwner: null,
  },
  'action-owner': {
    email: 'owner@board.test',
    name: 'Olu Owner',
    role: 'viewer',
    agencyIds: [],
    actionOwner: 'CSE Coordinator',
  },
};
