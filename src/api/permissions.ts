import type { Role, SessionUser } from './contract/auth';

/**
 * What each role may do, written once: the data service enforces it on every endpoint, and the
 * dashboard uses it only to hide what a person cannot do.
 */
type Person = Pick<SessionUser, 'role' | 'agencyIds' | 'actionOwner'>;

const is = (person: Person, ...roles: Role[]) => roles.includes(person.role);

export const can = {
  /** Read everything published: every role. */
  read: (_person: Person) => true,
  recordAuditProgress: (person: Person) => is(person, 'quality-assurance', 'editor', 'administrator'),
  /**
   * Add audits to the programme, change their plans, cancel them; add, change and retire the
   * actions arising from them.
   */
  planAudits: (person: Person) => is(person, 'quality-assurance', 'editor', 'administrator'),
  /**
   * Add, change and retire the board's reviews (serious case, practice and rapid reviews) with
   * their recommendations and actions: the quality assurance committee's work, as the audit
   * programme is, so its members keep them with editors and administrators.
   */
  keepReviews: (person: Person) => is(person, 'quality-assurance', 'editor', 'administrator'),
  /** Add, change, reorder and retire priorities; add, change, move and close actions. */
  editActionPlan: (person: Person) => is(person, 'editor', 'administrator'),
  /** The board's own records: chart events, funding, partnership links and engagement. */
  editBoardRecords: (person: Person) => is(person, 'editor', 'administrator'),
  /** Update an action: editors and administrators any; anyone their own (as its named owner). */
  updateAction: (person: Person, action: { owner: string }) =>
    is(person, 'editor', 'administrator') ||
    (person.actionOwner !== null && person.actionOwner === action.owner),
  /** Whether the person can update at least one action (to show the action plan's edit controls). */
  updateSomeActions: (person: Person) => is(person, 'editor', 'administrator') || person.actionOwner !== null,
  /**
   * Read every agency's returns and what each agency is behind with: the business unit and the
   * quality assurance committee. Reading only: entering, submitting, reviewing and opening rounds
   * stay with the agency's contributors and the administrator.
   */
  readAllReturns: (person: Person) => is(person, 'quality-assurance', 'editor', 'administrator'),
  /** The returns area: a contributor sees their agencies' returns, the business unit every one. */
  seeReturns: (person: Person) => is(person, 'contributor') || can.readAllReturns(person),
  /** Read one agency's return: whoever enters it, and those who read every return. */
  readReturn: (person: Person, agencyId: string) =>
    can.readAllReturns(person) || can.enterReturn(person, agencyId),
  /** Enter and submit an agency's quarterly return. */
  enterReturn: (person: Person, agencyId: string) =>
    is(person, 'administrator') || (is(person, 'contributor') && person.agencyIds.includes(agencyId)),
  /**
   * Section 11: read every agency's self-assessment, moderate it, challenge, accept or send back:
   * the quality assurance committee and the business unit's administrators.
   */
  challengeSelfAssessments: (person: Person) => is(person, 'quality-assurance', 'administrator'),
  /** The Section 11 area: a contributor sees their agencies' self-assessments, the committee every one. */
  seeSelfAssessments: (person: Person) => is(person, 'contributor') || can.challengeSelfAssessments(person),
  /** Fill in and submit an agency's self-assessment: as its quarterly returns. */
  enterSelfAssessment: (person: Person, agencyId: string) => can.enterReturn(person, agencyId),
  /** Read one agency's self-assessment. */
  readSelfAssessment: (person: Person, agencyId: string) =>
    can.challengeSelfAssessments(person) || can.enterSelfAssessment(person, agencyId),
  /** People, indicators, opening and publishing returns, reporting years, the audit trail. */
  administer: (person: Person) => is(person, 'administrator'),
};

export const roleLabels: Record<Role, string> = {
  viewer: 'Board member (viewer)',
  contributor: 'Contributor',
  'quality-assurance': 'Quality assurance',
  editor: 'Editor',
  administrator: 'Administrator',
};
