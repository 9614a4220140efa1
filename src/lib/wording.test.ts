import { describe, expect, it } from 'vitest';
import { PRACTICE_REVIEWS_FROM, reviewTypeName, reviewTypeOf, wordingFor } from './wording';

describe('issue 23 case 6: names of today’s partnerships (the wording module)', () => {
  it('gives a partnership the words of a safeguarding children partnership', () => {
    const words = wordingFor('partnership');
    expect(words).toMatchObject({
      noun: 'partnership',
      the: 'the partnership',
      The: 'The partnership',
      theirs: 'the partnership’s',
      members: 'partners',
      everyMember: 'every partner',
      generic: 'Safeguarding Children Partnership',
      settings: 'Partnership settings',
      reviews: 'Safeguarding practice reviews',
    });
  });

  it('gives a board the words of a Local Safeguarding Children Board', () => {
    const words = wordingFor('board');
    expect(words).toMatchObject({
      noun: 'board',
      the: 'the board',
      The: 'The board',
      theirs: 'the board’s',
      members: 'board members',
      everyMember: 'every board member',
      generic: 'Local Safeguarding Children Board',
      settings: 'Board settings',
      reviews: 'Serious case reviews',
    });
  });

  it('a board whose kind is not known yet is a board', () => {
    expect(wordingFor(undefined)).toBe(wordingFor('board'));
    expect(wordingFor(null)).toBe(wordingFor('board'));
  });

  it('a review published before 29 September 2019 is a serious case review; from that day, a local child safeguarding practice review', () => {
    expect(PRACTICE_REVIEWS_FROM).toBe('2019-09-29');
    expect(reviewTypeOf({ publishedDate: '2016-10-04' })).toBe('serious-case-review');
    expect(reviewTypeOf({ publishedDate: '2019-09-28' })).toBe('serious-case-review');
    expect(reviewTypeOf({ publishedDate: '2019-09-29' })).toBe('practice-review');
    expect(reviewTypeName({ publishedDate: '2016-10-04' })).toBe('Serious case review');
    expect(reviewTypeName({ publishedDate: '2021-03-01' })).toBe('Local child safeguarding practice review');
  });

  it('a review’s recorded type wins over its date: an old record keeps its name', () => {
    // A serious case review begun under the board and published after the change stays one.
    expect(reviewTypeName({ type: 'serious-case-review', publishedDate: '2020-02-01' })).toBe(
      'Serious case review',
    );
    expect(reviewTypeName({ type: 'practice-review', publishedDate: '2019-07-01' })).toBe(
      'Local child safeguarding practice review',
    );
  });
});
