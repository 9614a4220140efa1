import type {
  Section11Answer,
  Section11Improvement,
  Section11Rating,
  Section11Standard,
} from '../../src/api/contract';

/**
 * The demo board's Section 11 audit: the eight arrangements section 11 names (as every board has
 * them, from migration 018) and three of the board's own, and its 2016 cycle, closed, with three
 * agencies' self-assessments accepted by the quality assurance committee. Illustrative, as the
 * rest of the demo's local records.
 */
export const statutoryStandards: Section11Standard[] = [
  {
    id: 'senior-management-commitment',
    code: '1',
    title: 'Senior management commitment to the importance of safeguarding and promoting children’s welfare',
    description:
      'A named senior lead, and safeguarding in the organisation’s plans and in its reports to its board.',
  },
  {
    id: 'statement-of-responsibilities',
    code: '2',
    title: 'A clear statement of the agency’s responsibilities towards children, available to all staff',
    description: 'Policies that say who does what, known to staff.',
  },
  {
    id: 'line-of-accountability',
    code: '3',
    title:
      'A clear line of accountability for the commissioning and provision of services to safeguard children',
    description:
      'Who answers for safeguarding, from front line to chief officer, including commissioned services.',
  },
  {
    id: 'childrens-views',
    code: '4',
    title:
      'Service development that takes account of the need to safeguard children and is informed by their views and those of their families',
    description: 'Children’s and families’ views gathered and acted on.',
  },
  {
    id: 'training',
    code: '5',
    title:
      'Staff training on safeguarding and promoting children’s welfare, for all staff working with or in contact with children and families',
    description: 'Training matched to role, refreshed, and its take-up known.',
  },
  {
    id: 'safer-recruitment',
    code: '6',
    title:
      'Safe recruitment practices for individuals whom the organisation will permit to work regularly with children',
    description: 'DBS checks, references, and safer recruitment training for panels.',
  },
  {
    id: 'inter-agency-working',
    code: '7',
    title: 'Effective inter-agency working to safeguard and promote children’s welfare',
    description: 'Attendance and contribution at conferences, strategy meetings and the board.',
  },
  {
    id: 'information-sharing',
    code: '8',
    title: 'Information sharing',
    description: 'Staff know when and how to share information, and do.',
  },
].map((s) => ({ ...s, statutory: true }));

export const boardStandards: Section11Standard[] = [
  {
    id: 'supervision',
    code: '9',
    title: 'Safeguarding supervision for staff working with children',
    description: 'Regular, recorded supervision that reflects on risk.',
    statutory: false,
  },
  {
    id: 'allegations-management',
    code: '10',
    title: 'Allegations against staff are referred to the LADO and managed to a conclusion',
    description: 'A named senior officer; referrals within one working day.',
    statutory: false,
  },
  {
    id: 'escalation',
    code: '11',
    title: 'Staff know how to challenge and escalate concerns about another agency’s response',
    description: 'The board’s escalation policy known and used.',
    statutory: false,
  },
];

const standards = [...statutoryStandards, ...boardStandards];

/** Each agency's 2016 ratings, in the standards' order. */
const ratings: Record<string, Section11Rating[]> = {
  'childrens-social-care': [
    'met',
    'met',
    'met',
    'partly-met',
    'met',
    'met',
    'met',
    'met',
    'partly-met',
    'met',
    'met',
  ],
  'west-midlands-police': [
    'met',
    'met',
    'met',
    'partly-met',
    'partly-met',
    'met',
    'met',
    'met',
    'met',
    'met',
    'not-met',
  ],
  health: ['met', 'met', 'partly-met', 'met', 'met', 'met', 'met', 'partly-met', 'not-met', 'met', 'met'],
};

const answersOf = (agencyId: string): Section11Answer[] =>
  standards.map((standard, i) => ({
    standardId: standard.id,
    rating: ratings[agencyId]![i]!,
    notApplicableReason: '',
    evidence: `Evidence held by the agency for standard ${standard.code}, seen by the committee.`,
    links: [],
    // The committee judged the police's information sharing partly met, not met as they said.
    committeeRating:
      agencyId === 'west-midlands-police' && standard.id === 'information-sharing' ? 'partly-met' : null,
    challenge:
      agencyId === 'west-midlands-police' && standard.id === 'information-sharing'
        ? 'How many strategy discussions in the last quarter had the police’s information on the day?'
        : '',
    agencyResponse:
      agencyId === 'west-midlands-police' && standard.id === 'information-sharing'
        ? 'About two in three; the rest within two days. A new duty inspector rota starts in January.'
        : '',
  }));

const improvements: Record<string, Section11Improvement[]> = {
  'childrens-social-care': [
    {
      id: 'young-peoples-panel',
      standardId: 'childrens-views',
      description: 'A young people’s panel to review the service each year',
      owner: 'Head of participation',
      dueDate: '2017-09-30',
      status: 'complete',
      actionId: null,
    },
  ],
  'west-midlands-police': [
    {
      id: 'escalation-briefing',
      standardId: 'escalation',
      description: 'Brief every public protection officer on the board’s escalation policy',
      owner: 'Head of public protection',
      dueDate: '2017-06-30',
      status: 'open',
      actionId: null,
    },
  ],
  health: [
    {
      id: 'supervision-policy',
      standardId: 'supervision',
      description: 'Safeguarding supervision policy for health visitors and school nurses',
      owner: 'Named nurse for safeguarding',
      dueDate: '2017-03-31',
      status: 'complete',
      actionId: null,
    },
  ],
};

export const section11 = {
  boardStandards,
  cycles: [
    {
      id: 'section-11-audit-2016',
      title: 'Section 11 audit 2016',
      openedOn: '2016-09-01',
      dueDate: '2016-11-30',
      closedOn: '2017-01-31',
      standards,
      version: 2,
      assessments: Object.keys(ratings).map((agencyId) => ({
        agencyId,
        status: 'accepted' as const,
        answers: answersOf(agencyId),
        improvements: improvements[agencyId]!,
        comments: null,
        submittedAt: '2016-11-25T10:00:00.000Z',
        version: 4,
      })),
    },
  ],
};
