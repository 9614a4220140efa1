import { actionPlan, ofstedRecommendations } from './action-plan';
import { annotations } from './annotations';
import { board } from './board';
import { indicators } from './indicators';
import { funding, partnership } from './partnership';
import { audits, seriousCaseReviews } from './quality-assurance';

/** The demo board: Wolverhampton, 2015-16 to 2017-18. A test checks all of it against the contract. */
export const demoDataset = {
  board,
  indicators,
  annotations,
  audits,
  seriousCaseReviews,
  actionPlan,
  ofstedRecommendations,
  funding,
  partnership,
};

export type DemoDataset = typeof demoDataset;
