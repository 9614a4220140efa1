import { describe, expect, it } from 'vitest';
import {
  financialYearEndMonth,
  financialYearOfDate,
  financialYearStart,
  isWithinYears,
  monthLabel,
  monthOfDate,
  parsePeriod,
  previousFinancialYear,
  toPeriod,
  yearInWords,
} from './periods';

describe('financial years', () => {
  it('reads the starting year of 2016-17', () => {
    expect(financialYearStart('2016-17')).toBe(2016);
  });

  it('rejects years that do not follow on', () => {
    expect(financialYearStart('2016-18')).toBeNull();
    expect(financialYearStart('2016')).toBeNull();
  });

  it('crosses the century: 1999-00', () => {
    expect(financialYearStart('1999-00')).toBe(1999);
    expect(previousFinancialYear('2000-01')).toBe('1999-00');
  });

  it('ends in March of the second year', () => {
    expect(monthLabel(financialYearEndMonth('2016-17'))).toBe('March 2017');
  });

  it('places a date in its year: 31 March in the year ending, 1 April in the next', () => {
    expect(financialYearOfDate('2018-03-31')).toBe('2017-18');
    expect(financialYearOfDate('2018-04-01')).toBe('2018-19');
    expect(financialYearOfDate('2017-12-15')).toBe('2017-18');
  });
});

describe('parsePeriod', () => {
  it('places Q1 2016-17 at the end of June 2016, in 2016-17', () => {
    const q1 = toPeriod('Q1 2016-17', 'quarterly');
    expect(monthLabel(q1.endMonth)).toBe('June 2016');
    expect(q1.financialYear).toBe('2016-17');
  });

  it('places Q4 2016-17 in March 2017, the same month the year ends', () => {
    expect(toPeriod('Q4 2016-17', 'quarterly').endMonth).toBe(financialYearEndMonth('2016-17'));
  });

  it('puts January 2017 in the financial year 2016-17 and April 2017 in 2017-18', () => {
    expect(toPeriod('2017-01', 'monthly').financialYear).toBe('2016-17');
    expect(toPeriod('2017-04', 'monthly').financialYear).toBe('2017-18');
    expect(toPeriod('2017-04', 'monthly').label).toBe('April 2017');
  });

  it('reads a code by the series frequency: 2011-12 is a year, not December 2011, in an annual series', () => {
    expect(toPeriod('2011-12', 'annual').label).toBe('2011-12');
    expect(toPeriod('2011-12', 'monthly').label).toBe('December 2011');
  });

  it('rejects a code of the wrong form', () => {
    expect(parsePeriod('Q5 2016-17', 'quarterly')).toBeNull();
    expect(parsePeriod('2016-17', 'quarterly')).toBeNull();
    expect(() => toPeriod('2016-13', 'monthly')).toThrow(/not a monthly period/);
  });

  it('orders quarters across years', () => {
    const codes = ['Q1 2017-18', 'Q4 2016-17', 'Q3 2016-17'];
    const sorted = codes.map((c) => toPeriod(c, 'quarterly')).sort((a, b) => a.endMonth - b.endMonth);
    expect(sorted.map((p) => p.code)).toEqual(['Q3 2016-17', 'Q4 2016-17', 'Q1 2017-18']);
  });
});

describe('the periods of DfE statistics files, each in its own words', () => {
  it('places a reporting year at 31 March of the year it names', () => {
    const year = toPeriod('2017', 'reporting-year');
    expect(year.label).toBe('2017');
    expect(monthLabel(year.endMonth)).toBe('March 2017');
    expect(year.financialYear).toBe('2016-17');
  });

  it('places a calendar year at December, in the financial year that starts that April', () => {
    const year = toPeriod('2017', 'calendar-year');
    expect(year.label).toBe('2017');
    expect(monthLabel(year.endMonth)).toBe('December 2017');
    expect(year.financialYear).toBe('2017-18');
  });

  it('names calendar quarters by their months, so they are not mistaken for financial quarters', () => {
    expect(toPeriod('Q1 2017', 'calendar-quarterly').label).toBe('Jan to Mar 2017');
    expect(toPeriod('Q4 2017', 'calendar-quarterly').label).toBe('Oct to Dec 2017');
    expect(monthLabel(toPeriod('Q2 2017', 'calendar-quarterly').endMonth)).toBe('June 2017');
    expect(toPeriod('Q1 2017', 'calendar-quarterly').financialYear).toBe('2016-17');
  });

  it('writes an academic year 2016/17 and places it at the end of August 2017', () => {
    const year = toPeriod('2016/17', 'academic-year');
    expect(year.label).toBe('2016/17');
    expect(monthLabel(year.endMonth)).toBe('August 2017');
    expect(year.financialYear).toBe('2017-18');
    expect(parsePeriod('2016/18', 'academic-year')).toBeNull();
  });

  it('rejects a code of another kind: a financial year is not a calendar year', () => {
    expect(parsePeriod('2016-17', 'calendar-year')).toBeNull();
    expect(parsePeriod('2017', 'annual')).toBeNull();
    expect(parsePeriod('Q1 2016-17', 'calendar-quarterly')).toBeNull();
  });

  it('names a financial year as the year of each kind that ends in it, for a range picker', () => {
    expect(yearInWords('2016-17', 'reporting-year')).toBe('2017');
    expect(yearInWords('2017-18', 'calendar-year')).toBe('2017');
    expect(yearInWords('2017-18', 'academic-year')).toBe('2016/17');
    expect(yearInWords('2016-17', 'quarterly')).toBe('2016-17');
  });
});

describe('ranges', () => {
  it('includes a period ending within the years and excludes the next one', () => {
    expect(isWithinYears(toPeriod('Q4 2016-17', 'quarterly'), '2015-16', '2016-17')).toBe(true);
    expect(isWithinYears(toPeriod('Q1 2017-18', 'quarterly'), '2015-16', '2016-17')).toBe(false);
    expect(isWithinYears(toPeriod('Q1 2015-16', 'quarterly'), '2015-16', '2016-17')).toBe(true);
    expect(isWithinYears(toPeriod('Q4 2014-15', 'quarterly'), '2015-16', '2016-17')).toBe(false);
  });

  it('places a date on the time line by its month', () => {
    expect(monthLabel(monthOfDate('2016-04-01'))).toBe('April 2016');
  });
});
