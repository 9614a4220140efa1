import type { Frequency, Indicator, Polarity, Theme, Unit } from '../api/contract';

export const themeLabels: Record<Theme, string> = {
  exploitation: 'Exploitation and missing children',
  'referrals-and-assessment': 'Referrals and assessment',
  'child-protection': 'Child protection',
  'quality-assurance': 'Quality assurance',
  engagement: 'Training and engagement',
  partnership: 'Partnership',
};

export const themeOrder = Object.keys(themeLabels) as Theme[];

export const polarityLabels: Record<Polarity, string> = {
  'up-is-good': 'Higher is better',
  'down-is-good': 'Lower is better',
  neutral: 'Neither higher nor lower is better in itself',
};

export const frequencyLabels: Record<Frequency, string> = {
  annual: 'Yearly (financial year, to 31 March)',
  quarterly: 'Quarterly (financial year quarters)',
  monthly: 'Monthly',
  'reporting-year': 'Yearly (DfE reporting year, to 31 March)',
  'calendar-year': 'Yearly (calendar year, January to December)',
  'calendar-quarterly': 'Quarterly (calendar quarters, January to March first)',
  'academic-year': 'Yearly (academic year, September to August)',
};

export function unitLabel({ unit, decimalPlaces }: Pick<Indicator, 'unit' | 'decimalPlaces'>): string {
  const places =
    decimalPlaces === 0 ? 'whole numbers' : `${decimalPlaces} decimal place${decimalPlaces === 1 ? '' : 's'}`;
  const names: Record<Unit, string> = {
    count: 'Number',
    percent: 'Percentage',
    'rate-per-10000': 'Rate per 10,000 children',
    gbp: 'Pounds sterling',
  };
  return `${names[unit]}, ${places}`;
}
