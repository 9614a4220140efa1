import type { z } from 'zod/mini';
import type { annotationSchema } from '../../src/api/contract';

export const annotations: z.input<typeof annotationSchema>[] = [
  {
    id: 'ofsted-review-published',
    indicatorId: null,
    date: '2016-06-01',
    label: 'Ofsted review published',
    description:
      'Ofsted judged the board as requiring improvement; its recommendations shaped the strategic action plan.',
    version: 1,
  },
  {
    id: 'cse-screening-tool',
    indicatorId: 'cse-children-at-risk',
    date: '2016-04-01',
    label: 'CSE screening tool introduced',
    description:
      'All partner agencies began using the shared child sexual exploitation screening tool, so more children at risk were identified.',
    version: 1,
  },
  {
    id: 'cse-training-programme',
    indicatorId: 'cse-children-at-risk',
    date: '2017-04-01',
    label: 'CSE awareness training for schools',
    description:
      'Designated safeguarding leads in every school were trained to recognise the signs of exploitation.',
    version: 1,
  },
  {
    id: 'qa-committee-reinvigorated',
    indicatorId: 'case-file-audits-on-schedule',
    date: '2016-09-01',
    label: 'QA committee reinvigorated',
    description:
      'The quality assurance committee adopted an audited schedule with named agency leads and stronger challenge.',
    version: 1,
  },
  {
    id: 'black-country-conference-2016',
    indicatorId: 'training-attendees',
    date: '2016-07-01',
    label: 'Black Country safeguarding conference',
    description:
      'Shared training across the four Black Country boards; attendance counts every delegate from Wolverhampton partners.',
    version: 1,
  },
  {
    id: 'black-country-conference-2017',
    indicatorId: 'training-attendees',
    date: '2017-07-01',
    label: 'Black Country safeguarding conference',
    description: 'The second joint conference, on exploitation and neglect.',
    version: 1,
  },
  {
    id: 'scr-child-a-published',
    indicatorId: 'scr-actions-complete',
    date: '2016-10-01',
    label: 'Serious case review “Child A” published',
    description:
      'The first of two serious case reviews published in the year; its actions are tracked by the board.',
    version: 1,
  },
];
