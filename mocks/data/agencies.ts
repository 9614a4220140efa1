import type { z } from 'zod/mini';
import type { agencySchema } from '../../src/api/contract';
import type { Unversioned } from './unversioned';

/** The partner agencies that send the demo board their figures each quarter. */
export const agencies: Unversioned<z.input<typeof agencySchema>>[] = [
  {
    id: 'childrens-social-care',
    name: 'City of Wolverhampton Council children’s services',
    kind: 'local-authority',
  },
  { id: 'west-midlands-police', name: 'West Midlands Police', kind: 'police' },
  {
    id: 'health',
    name: 'Wolverhampton health partners (CCG and Royal Wolverhampton NHS Trust)',
    kind: 'health',
  },
  { id: 'education', name: 'Schools and education services', kind: 'schools' },
  { id: 'business-unit', name: 'Safeguarding board business unit', kind: 'other' },
];

/**
 * Which agency's return carries each demo indicator's figures. Indicators not listed (published
 * DfE statistics) come from the Department for Education, not from a partner's return.
 */
export const indicatorAgencies: Record<string, string> = {
  'cse-children-at-risk': 'west-midlands-police',
  'cse-factor-at-assessment': 'childrens-social-care',
  'return-home-interviews': 'childrens-social-care',
  'assessments-within-45-days': 'childrens-social-care',
  'section-47-enquiries-rate': 'childrens-social-care',
  'icpc-within-15-days': 'childrens-social-care',
  'child-protection-plans-rate': 'childrens-social-care',
  'second-child-protection-plans': 'childrens-social-care',
  'plans-lasting-two-years': 'childrens-social-care',
  'case-file-audits-on-schedule': 'business-unit',
  'audited-cases-good-or-better': 'business-unit',
  'actions-completed-on-time': 'business-unit',
  'scr-actions-complete': 'business-unit',
  'training-attendees': 'business-unit',
  'training-rated-good': 'business-unit',
  'partner-contributions': 'business-unit',
};
