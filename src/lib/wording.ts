import type { BoardKind, ReviewType } from '../api/contract';

/**
 * The words the dashboard uses for the board, by its kind. Since the Children and Social Work Act
 * 2017 and Working Together 2018, Local Safeguarding Children Boards have become safeguarding
 * children partnerships (everywhere by 29 September 2019). These are the generic words: the
 * board's own name is what its administrator typed, and is never changed.
 */
export interface Wording {
  kind: BoardKind;
  /** "board" or "partnership", inside a sentence. */
  noun: string;
  /** "Board" or "Partnership", to start a phrase. */
  Noun: string;
  /** "the board", inside a sentence. */
  the: string;
  /** "The board", to start a sentence. */
  The: string;
  /** "the board’s", inside a sentence. */
  theirs: string;
  /** "The board’s", to start a sentence. */
  Theirs: string;
  /** Those the dashboard is for, inside a sentence: "board members" or "partners". */
  members: string;
  /** One of them, whoever: "every board member" or "every partner". */
  everyMember: string;
  /** The generic name: "Local Safeguarding Children Board" or "Safeguarding Children Partnership". */
  generic: string;
  /** The administration page of its settings. */
  settings: string;
  /** The heading over its reviews of serious incidents. */
  reviews: string;
}

const words: Record<BoardKind, Wording> = {
  board: {
    kind: 'board',
    noun: 'board',
    Noun: 'Board',
    the: 'the board',
    The: 'The board',
    theirs: 'the board’s',
    Theirs: 'The board’s',
    members: 'board members',
    everyMember: 'every board member',
    generic: 'Local Safeguarding Children Board',
    settings: 'Board settings',
    reviews: 'Serious case reviews',
  },
  partnership: {
    kind: 'partnership',
    noun: 'partnership',
    Noun: 'Partnership',
    the: 'the partnership',
    The: 'The partnership',
    theirs: 'the partnership’s',
    Theirs: 'The partnership’s',
    members: 'partners',
    everyMember: 'every partner',
    generic: 'Safeguarding Children Partnership',
    settings: 'Partnership settings',
    reviews: 'Safeguarding practice reviews',
  },
};

/** The words for a board of this kind; a board whose kind is not known yet is a board. */
export function wordingFor(kind: BoardKind | null | undefined): Wording {
  return words[kind ?? 'board'];
}

/**
 * The day local safeguarding arrangements were in place everywhere in England (Working Together
 * 2018's transition): a review published from then on is a local child safeguarding practice
 * review, one published before it a serious case review.
 */
export const PRACTICE_REVIEWS_FROM = '2019-09-29';

/** A review's type: as recorded, or else by its date. */
export function reviewTypeOf(review: { type?: ReviewType | undefined; publishedDate: string }): ReviewType {
  if (review.type) return review.type;
  return review.publishedDate < PRACTICE_REVIEWS_FROM ? 'serious-case-review' : 'practice-review';
}

const reviewNames: Record<ReviewType, string> = {
  'serious-case-review': 'Serious case review',
  'practice-review': 'Local child safeguarding practice review',
  'rapid-review': 'Rapid review',
};

/** "Serious case review" or "Local child safeguarding practice review", to start a phrase. */
export function reviewTypeName(review: { type?: ReviewType | undefined; publishedDate: string }): string {
  return reviewNames[reviewTypeOf(review)];
}
