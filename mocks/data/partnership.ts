import type { z } from 'zod/mini';
import type { fundingSchema, partnershipSchema } from '../../src/api/contract';
import type { Unversioned } from './unversioned';

const contributionsByYear = {
  '2015-16': [180000, 52000, 48000, 15000, 6500],
  '2016-17': [190000, 54000, 51000, 16000, 7000],
  '2017-18': [195000, 55000, 52500, 16500, 7500],
} as const;

const partners = [
  { partner: 'City of Wolverhampton Council', partnerType: 'local-authority' },
  { partner: 'West Midlands Police', partnerType: 'police' },
  { partner: 'Wolverhampton Clinical Commissioning Group', partnerType: 'health' },
  { partner: 'Schools (through the Schools Forum)', partnerType: 'schools' },
  { partner: 'National Probation Service and CAFCASS', partnerType: 'other' },
] as const;

const spendingItems = [
  'Business unit staff',
  'Independent chair',
  'Multi-agency training',
  'Serious case reviews',
  'Other',
] as const;

/** The board's spending, pounds (illustrative): two serious case reviews overspent 2016-17. */
const spendingByYear = {
  '2015-16': [178000, 28000, 45000, 30000, 12000],
  '2016-17': [185000, 28500, 48000, 52000, 14000],
  '2017-18': [190000, 29000, 50000, 35000, 15000],
} as const;

/** Partner contributions and the board's spending, pounds (illustrative; the local authority is the largest contributor). */
export const funding: z.input<typeof fundingSchema> = {
  currency: 'GBP',
  contributions: Object.entries(contributionsByYear).flatMap(([year, amounts]) =>
    partners.map((p, i) => ({ ...p, year, amount: amounts[i]! })),
  ),
  years: Object.keys(contributionsByYear).map((year) => ({ year, version: 1 })),
  spending: Object.entries(spendingByYear).flatMap(([year, amounts]) =>
    spendingItems.map((item, i) => ({ item, year, amount: amounts[i]! })),
  ),
  spendingYears: Object.keys(spendingByYear).map((year) => ({ year, version: 1 })),
};

export const partnership: Unversioned<z.input<typeof partnershipSchema>> = {
  linkedBoardsCount: 14,
  linkedBoardsVersion: 1,
  links: [
    {
      id: 'board-network',
      kind: 'board-network',
      title: 'Links with 14 other safeguarding boards',
      description: 'Information, policies and procedures shared with 14 closely linked boards.',
      since: null,
    },
    {
      id: 'black-country-training',
      kind: 'black-country',
      title: 'Black Country shared training',
      description: 'Multi-agency training commissioned jointly with Dudley, Sandwell and Walsall.',
      since: '2015-04-01',
    },
    {
      id: 'black-country-cdop',
      kind: 'black-country',
      title: 'Joint child death overview panel',
      description: 'One child death overview panel for the Black Country.',
      since: '2015-04-01',
    },
    {
      id: 'black-country-chairs',
      kind: 'black-country',
      title: 'Black Country chairs forum',
      description: 'The independent chairs of the four boards meet to align priorities.',
      since: '2016-01-01',
    },
    {
      id: 'besafe',
      kind: 'engagement',
      title: 'BeSafe youth team',
      description:
        'Young people who want to make a difference: healthy relationships work, the Bullying Charter and a takeover day of the board.',
      since: null,
    },
    {
      id: 'bullying-charter',
      kind: 'engagement',
      title: 'Bullying Charter',
      description: 'Introduced by the BeSafe team and adopted by all schools in the city.',
      since: '2017-07-01',
    },
    {
      id: 'head-teachers-group',
      kind: 'engagement',
      title: 'Head teachers’ safeguarding group',
      description: 'Regular contact with school safeguarding officers.',
      since: null,
    },
  ],
};
