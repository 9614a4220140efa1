import type { OfstedJudgement } from '../api/contract';

/** Ofsted's judgements as its reports word them. */
export const judgementLabels = {
  outstanding: 'Outstanding',
  good: 'Good',
  'requires-improvement': 'Requires improvement',
  inadequate: 'Inadequate',
} satisfies Record<OfstedJudgement, string>;
