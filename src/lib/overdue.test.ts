import { describe, expect, it } from 'vitest';
import { isInFinancialYear, isOverdue, overdueReferenceDate, quarterOfDate } from './overdue';

describe('overdueReferenceDate', () => {
  it('is the end of a past reporting year', () => {
    expect(overdueReferenceDate('2016-17', '2017-12-31')).toBe('2017-03-31');
  });

  it('is the date the data runs to when the year has not ended in the data', () => {
    expect(overdueReferenceDate('2017-18', '2017-12-31')).toBe('2017-12-31');
  });
});

describe('isOverdue', () => {
  it('is overdue when not done and due before the reference date', () => {
    expect(isOverdue('2017-09-30', false, '2017-12-31')).toBe(true);
  });

  it('is not overdue when done, or when due on the reference date', () => {
    expect(isOverdue('2017-09-30', true, '2017-12-31')).toBe(false);
    expect(isOverdue('2017-12-31', false, '2017-12-31')).toBe(false);
  });
});

describe('financial year dates', () => {
  it('puts 31 March 2017 in 2016-17 and 1 April 2017 in 2017-18', () => {
    expect(isInFinancialYear('2017-03-31', '2016-17')).toBe(true);
    expect(isInFinancialYear('2017-04-01', '2016-17')).toBe(false);
  });

  it('puts June in Q1 and January in Q4', () => {
    expect(quarterOfDate('2016-06-30')).toBe(1);
    expect(quarterOfDate('2017-01-13')).toBe(4);
    expect(quarterOfDate('2016-12-31')).toBe(3);
  });
});
