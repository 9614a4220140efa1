import type { z } from 'zod/mini';
import type { actionPlanSchema, ofstedRecommendationListSchema } from '../../src/api/contract';
import type { Unversioned } from './unversioned';

/** The board's strategic action plan, answering Ofsted's recommendations (illustrative). */
export const actionPlan: Unversioned<z.input<typeof actionPlanSchema>> = {
  priorities: [
    {
      id: 'scrutiny-and-challenge',
      number: 1,
      title: 'Scrutiny and challenge',
      description: 'Improve how partner organisations scrutinise themselves and each other.',
      actions: [
        {
          id: 'qa-committee-schedule',
          title: 'Run an audited schedule through the reinvigorated QA committee',
          owner: 'QA Committee Chair',
          dueDate: '2017-03-31',
          status: 'complete',
          completedDate: '2017-03-22',
          progress: 100,
          ofstedRecommendationIds: ['rec-1'],
          updates: [
            {
              id: 'u1',
              date: '2016-09-14',
              author: 'QA Committee Chair',
              note: 'Schedule agreed with named agency leads.',
            },
            {
              id: 'u2',
              date: '2017-03-22',
              author: 'QA Committee Chair',
              note: 'All audits for the year completed; report to the board in April.',
            },
          ],
        },
        {
          id: 'section-11-challenge',
          title: 'Section 11 self-assessments with challenge sessions for every partner',
          owner: 'Board Business Manager',
          dueDate: '2017-12-31',
          status: 'on-track',
          progress: 70,
          ofstedRecommendationIds: ['rec-1', 'rec-2'],
          updates: [
            {
              id: 'u3',
              date: '2017-10-02',
              author: 'Board Business Manager',
              note: 'Seven of ten partners have had their challenge session.',
            },
          ],
        },
        {
          id: 'performance-framework',
          title: 'Agree a multi-agency performance framework and dashboard',
          owner: 'Head of Safeguarding',
          dueDate: '2017-09-30',
          status: 'at-risk',
          progress: 60,
          ofstedRecommendationIds: ['rec-2'],
          updates: [
            {
              id: 'u4',
              date: '2017-09-18',
              author: 'Head of Safeguarding',
              note: 'Health data not yet supplied; escalated to the CCG.',
            },
          ],
        },
      ],
    },
    {
      id: 'exploitation',
      number: 2,
      title: 'Child sexual exploitation and missing children',
      description: 'Identify children at risk earlier and make sure they get the right support.',
      actions: [
        {
          id: 'cse-screening-rollout',
          title: 'Roll out the CSE screening tool to every agency',
          owner: 'CSE Coordinator',
          dueDate: '2016-12-31',
          status: 'complete',
          completedDate: '2016-12-12',
          progress: 100,
          ofstedRecommendationIds: ['rec-3'],
          updates: [
            {
              id: 'u5',
              date: '2016-12-12',
              author: 'CSE Coordinator',
              note: 'In use by police, social care, health and all secondary schools.',
            },
          ],
        },
        {
          id: 'return-home-interviews',
          title: 'Offer every child a return home interview within 72 hours',
          owner: 'Missing Children Coordinator',
          dueDate: '2018-03-31',
          status: 'on-track',
          progress: 80,
          ofstedRecommendationIds: ['rec-3'],
          updates: [],
        },
      ],
    },
    {
      id: 'voice-of-the-child',
      number: 3,
      title: 'The voice of children and young people',
      description: 'Let children shape the board’s priorities, through the BeSafe team and schools.',
      actions: [
        {
          id: 'besafe-takeover',
          title: 'BeSafe takeover day of the board',
          owner: 'BeSafe Team Lead',
          dueDate: '2017-02-28',
          status: 'complete',
          completedDate: '2017-02-21',
          progress: 100,
          ofstedRecommendationIds: ['rec-4'],
          updates: [
            {
              id: 'u6',
              date: '2017-02-21',
              author: 'BeSafe Team Lead',
              note: 'Takeover day held; the board revisited its priorities.',
            },
          ],
        },
        {
          id: 'bullying-charter',
          title: 'Bullying Charter adopted by every school',
          owner: 'Head Teachers’ Safeguarding Group',
          dueDate: '2017-07-31',
          status: 'complete',
          completedDate: '2017-07-31',
          progress: 100,
          ofstedRecommendationIds: ['rec-4'],
          updates: [],
        },
        {
          id: 'healthy-relationships',
          title: 'Healthy relationships sessions in every secondary school',
          owner: 'BeSafe Team Lead',
          dueDate: '2017-11-30',
          status: 'off-track',
          progress: 45,
          ofstedRecommendationIds: ['rec-4'],
          updates: [
            {
              id: 'u7',
              date: '2017-11-20',
              author: 'BeSafe Team Lead',
              note: 'Eight of 19 schools booked; capacity in the team is the constraint.',
            },
          ],
        },
      ],
    },
    {
      id: 'learning-and-improvement',
      number: 4,
      title: 'Learning from reviews',
      description: 'Embed the learning from serious case reviews in practice and training.',
      actions: [
        {
          id: 'scr-learning-briefings',
          title: 'Seven-minute briefings on each serious case review',
          owner: 'Training Coordinator',
          dueDate: '2017-06-30',
          status: 'complete',
          completedDate: '2017-06-30',
          progress: 100,
          ofstedRecommendationIds: ['rec-5'],
          updates: [],
        },
        {
          id: 'scr-action-tracking',
          title: 'Track every serious case review action to completion',
          owner: 'Board Business Manager',
          dueDate: '2018-03-31',
          status: 'on-track',
          progress: 75,
          ofstedRecommendationIds: ['rec-5'],
          updates: [],
        },
        {
          id: 'funding-review',
          title: 'Review partner contributions to the board’s budget',
          owner: 'Independent Chair',
          dueDate: '2017-10-31',
          status: 'not-started',
          progress: 0,
          ofstedRecommendationIds: ['rec-2'],
          updates: [],
        },
      ],
    },
  ],
};

export const ofstedRecommendations: z.input<typeof ofstedRecommendationListSchema> = {
  reportTitle: 'WSCB Annual Report 2016-17',
  page: 42,
  recommendations: [
    {
      id: 'rec-1',
      number: 1,
      text: 'Strengthen the board’s scrutiny of how partner agencies safeguard children, through a regular programme of multi-agency audit.',
      actionIds: ['qa-committee-schedule', 'section-11-challenge'],
    },
    {
      id: 'rec-2',
      number: 2,
      text: 'Monitor the partnership’s performance against its priorities with a multi-agency dataset.',
      actionIds: ['section-11-challenge', 'performance-framework', 'funding-review'],
    },
    {
      id: 'rec-3',
      number: 3,
      text: 'Make sure children at risk of sexual exploitation and children who go missing are identified and supported.',
      actionIds: ['cse-screening-rollout', 'return-home-interviews'],
    },
    {
      id: 'rec-4',
      number: 4,
      text: 'Involve children and young people in setting and reviewing the board’s priorities.',
      actionIds: ['besafe-takeover', 'bullying-charter', 'healthy-relationships'],
    },
    {
      id: 'rec-5',
      number: 5,
      text: 'Make sure learning from serious case reviews changes practice, and track their actions to completion.',
      actionIds: ['scr-learning-briefings', 'scr-action-tracking'],
    },
  ],
};
