import { actionPlan, ofstedRecommendations } from './action-plan';
import { agencies, indicatorAgencies } from './agencies';
import { annotations } from './annotations';
import { board } from './board';
import { indicators } from './indicators';
import { funding, partnership } from './partnership';
import { audits, seriousCaseReviews } from './quality-assurance';
import { section11 } from './section11';

/**
 * The demo board: Wolverhampton, 2015-16 to 2017-18. The MSW demo answers from it and the data
 * service loads it into an empty database. Every editable record starts at version 1. A test
 * checks all of it against the contract.
 */
export const demoDataset = {
  board: { ...board, version: 1 },
  agencies: agencies.map((agency) => ({ ...agency, version: 1 })),
  indicators: indicators.map((indicator) => ({
    ...indicator,
    agencyId: indicatorAgencies[indicator.id] ?? null,
    version: 1,
  })),
  annotations,
  // As the data service answers them: none planned by quarter, cancelled, or answering audits and reviews.
  audits: audits.map((audit) => ({
    ...audit,
    plannedQuarter: null,
    casesToSample: null,
    cancelledReason: null,
    version: 1,
  })),
  seriousCaseReviews,
  actionPlan: {
    priorities: actionPlan.priorities.map((priority) => ({
      ...priority,
      retired: false,
      version: 1,
      // The demo plan was made before the plan kept the day an action was added; a complete one
      // carries the day it closed.
      actions: priority.actions.map((action) => ({
        addedDate: null,
        completedDate: null,
        ...action,
        auditIds: [],
        reviewIds: [],
        version: 1,
      })),
    })),
  },
  ofstedRecommendations,
  funding,
  partnership: { ...partnership, links: partnership.links.map((link) => ({ ...link, version: 1 })) },
  section11,
};

export type DemoDataset = typeof demoDataset;
