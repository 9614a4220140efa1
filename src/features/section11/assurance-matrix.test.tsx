import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Section11Assurance } from '../../api/contract';
import { renderApp, renderWithProviders } from '../../../test/render';
import { AssuranceMatrix } from '../../components/section11/assurance-matrix';
import { assuranceNarrative } from '../../components/section11/section11-labels';

const standards = [
  { id: 'training', code: '5', title: 'Staff training', description: '', statutory: true },
  { id: 'escalation', code: '9', title: 'Escalation', description: '', statutory: false },
];

/** The police accepted (training not met, escalation moderated), health accepted, the council late. */
const assurance: Section11Assurance = {
  cycle: {
    id: 's11-2018',
    title: 'Section 11 audit 2018',
    openedOn: '2018-06-01',
    dueDate: '2018-07-31',
    closedOn: null,
  },
  previousCycleTitle: 'Section 11 audit 2016',
  standards,
  rows: [
    {
      agencyId: 'west-midlands-police',
      agencyName: 'West Midlands Police',
      status: 'accepted',
      late: false,
      ratings: [
        { standardId: 'training', rating: 'not-met', committeeRating: null, previous: 'partly-met' },
        { standardId: 'escalation', rating: 'met', committeeRating: 'partly-met', previous: 'met' },
      ],
    },
    {
      agencyId: 'health',
      agencyName: 'Health partners',
      status: 'accepted',
      late: false,
      ratings: [
        { standardId: 'training', rating: 'partly-met', committeeRating: null, previous: null },
        { standardId: 'escalation', rating: 'met', committeeRating: null, previous: null },
      ],
    },
    {
      agencyId: 'childrens-social-care',
      agencyName: 'Children’s services',
      status: 'draft',
      late: true,
      ratings: [
        { standardId: 'training', rating: null, committeeRating: null, previous: null },
        { standardId: 'escalation', rating: null, committeeRating: null, previous: null },
      ],
    },
  ],
  improvements: { open: 2, complete: 1, overdue: 1 },
};

describe('the Section 11 assurance view', () => {
  it('says in words who is accepted and late, what falls short most, where the committee differed and what changed', () => {
    expect(assuranceNarrative(assurance)).toEqual([
      'Section 11 audit 2018: 2 of 3 agencies’ self-assessments accepted by the quality assurance committee so far. Late: Children’s services.',
      'Standard 5 (Staff training) is the one most often not fully met: not met by 1 and partly met by 1 of 2 agencies.',
      'The committee judged differently from the agency for West Midlands Police on standard 9.',
      'Since Section 11 audit 2016, 0 ratings have improved and 2 have fallen.',
      'Improvement actions agreed: 2 open (1 overdue), 1 complete.',
    ]);
  });

  it('before any cycle, says so', () => {
    expect(assuranceNarrative({ ...assurance, cycle: null, rows: [] })).toEqual([
      'No Section 11 cycle has been run yet.',
    ]);
  });

  it('shows each rating as text (never colour alone), the committee’s where it differs, last cycle’s, and Late', () => {
    renderWithProviders(<AssuranceMatrix assurance={assurance} />);
    const table = screen.getByRole('region', { name: 'Section 11 audit 2018: agencies by standard' });
    const police = within(table).getByRole('row', { name: /West Midlands Police/ });
    expect(police).toHaveTextContent('Not met');
    expect(police).toHaveTextContent('Last cycle: partly met');
    expect(police).toHaveTextContent('Partly metCommittee’s rating; the agency said met');
    const council = within(table).getByRole('row', { name: /Children’s services/ });
    expect(council).toHaveTextContent('Draft');
    expect(council).toHaveTextContent('Late');
    expect(
      within(council)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['–', '–']);
    expect(screen.getByRole('button', { name: /^Download CSV/ })).toBeInTheDocument();
  });

  it('the page, in the demonstration, shows the demo board’s 2016 cycle to every member', async () => {
    renderApp('/section11');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Section 11 self-assessment' }),
    ).toBeInTheDocument();
    const table = await screen.findByRole('region', { name: 'Section 11 audit 2016: agencies by standard' });
    expect(within(table).getAllByRole('row')).toHaveLength(4);
    expect(
      screen.getByText(
        'Section 11 audit 2016: 3 of 3 agencies’ self-assessments accepted by the quality assurance committee.',
      ),
    ).toBeInTheDocument();
  });
});
