import type { z } from 'zod/mini';
import type { boardSchema } from '../../src/api/contract';
import type { Unversioned } from './unversioned';

export const board: Unversioned<z.input<typeof boardSchema>> = {
  id: 'wolverhampton',
  name: 'Wolverhampton Safeguarding Children Board',
  shortName: 'WSCB',
  // 2015-16 to 2017-18: a Local Safeguarding Children Board, before the 2019 partnerships.
  kind: 'board',
  area: { name: 'Wolverhampton', laCode: 'E08000031', oldLaCode: '336', region: 'West Midlands' },
  reportingYears: ['2015-16', '2016-17', '2017-18'],
  // The scrutiny panel met early in 2018 on the annual report 2016-17: the latest complete year is
  // 2016-17, and the board's figures run to the end of December 2017 (2017-18 is a part year).
  currentYear: '2016-17',
  dataAsAt: '2017-12-31',
  ofsted: {
    judgement: 'requires-improvement',
    inspectionTitle: 'Review of the effectiveness of the Local Safeguarding Children Board',
    publishedDate: '2016-06-01',
    summary:
      'The board requires improvement. It needs to scrutinise more rigorously how partner organisations safeguard children, and to monitor the partnership’s work against its priorities. Ofsted’s recommendations are on page 42 of the board’s annual report and drive its strategic action plan.',
    recommendationsPage: 42,
  },
  // The panel beside the headline tiles: the measure the scrutiny panel asked about.
  featuredIndicatorId: 'cse-children-at-risk',
  // Worked out from the audit list on the overview, as the quality assurance page counts it.
  auditScheduleIndicatorId: 'case-file-audits-on-schedule',
  illustrativeNotice:
    'Demonstration data. Referral figures are real Department for Education statistics; the CSE figures 10, 50 and 130 are those the board reported to the scrutiny panel. Other figures (audits, actions, funding, most quarterly indicators), the serious case reviews’ names and details, the wording of Ofsted’s recommendations and the dates of partnership links are illustrative, marked as such where they appear, and do not describe any real board.',
};
