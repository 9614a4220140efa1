import { describe, expect, it } from 'vitest';
import { saveBoardRequestSchema } from '../api/contract';
import { HttpError } from '../api/errors';
import { fieldErrorsFromIssues, fieldErrorsFromResponse } from './field-errors';

describe('case 5: every field error names its field and what is wrong, never a bare “Invalid input”', () => {
  const empty = {
    name: '',
    shortName: '',
    area: { name: '', laCode: 'E08000031', oldLaCode: '336', region: '' },
    reportingYears: ['2017-18'],
    currentYear: '2017-18',
    dataAsAt: '',
    ofsted: {
      judgement: 'good',
      inspectionTitle: 'Review',
      publishedDate: '',
      summary: '',
      recommendationsPage: NaN,
    },
    illustrativeNotice: null,
    version: null,
  };
  const labels = {
    name: 'Board name',
    shortName: 'Short name',
    dataAsAt: 'Figures as at',
    'area.name': 'Local authority',
    'ofsted.publishedDate': 'Published',
  };

  it('a new board’s empty settings: each message names the field', () => {
    const parsed = saveBoardRequestSchema.safeParse(empty);
    expect(parsed.success).toBe(false);
    const errors = fieldErrorsFromIssues(parsed.error!.issues, labels);
    expect(errors).toEqual({
      name: 'Board name is needed',
      shortName: 'Short name is needed',
      area: 'Local authority is needed',
      dataAsAt: 'Figures as at needs a real date, such as 31 March 2018',
      ofsted: 'Published needs a real date, such as 31 March 2018',
    });
    for (const message of Object.values(errors)) expect(message).not.toMatch(/^Invalid/);
  });

  it('without a label, names the field from its key', () => {
    const parsed = saveBoardRequestSchema.safeParse({
      ...empty,
      name: 'A board',
      shortName: 'AB',
      area: { ...empty.area, name: 'Here', region: 'There' },
      dataAsAt: '2018-03-31',
      ofsted: { ...empty.ofsted, publishedDate: '2016-06-01' },
    });
    expect(fieldErrorsFromIssues(parsed.error!.issues)).toEqual({
      ofsted: 'Recommendations page needs a whole number',
    });
  });

  it('keeps the contract’s own message where it gives one', () => {
    const parsed = saveBoardRequestSchema.safeParse({ ...empty, area: { ...empty.area, laCode: 'X' } });
    expect(fieldErrorsFromIssues(parsed.error!.issues, labels).area).toBe('Local authority is needed');
    const onlyCode = saveBoardRequestSchema.safeParse({
      ...empty,
      area: { name: 'Here', laCode: 'X', oldLaCode: '336', region: 'There' },
    });
    expect(fieldErrorsFromIssues(onlyCode.error!.issues, labels).area).toBe(
      'An ONS code is E and eight digits, such as E08000031',
    );
  });

  it('a 422 from the data service with a bare message is named the same way', () => {
    const error = new HttpError('/board', 422, 'Some fields need correcting', {
      'area.region': ['Invalid input'],
      currentYear: ['The year shown first must be one of the reporting years'],
    });
    expect(fieldErrorsFromResponse(error, { 'area.region': 'Region' })).toEqual({
      area: 'Region is not in the form expected',
      currentYear: 'The year shown first must be one of the reporting years',
    });
  });
});
