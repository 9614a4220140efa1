import type { Section11Assurance, Section11Rating, Section11Status } from '../../api/contract';
import type { Tone } from '../status-tag';

export const ratingLabels: Record<Section11Rating, string> = {
  met: 'Met',
  'partly-met': 'Partly met',
  'not-met': 'Not met',
  'not-applicable': 'Not applicable',
};

export const ratingTones: Record<Section11Rating, Tone> = {
  met: 'good',
  'partly-met': 'warning',
  'not-met': 'bad',
  'not-applicable': 'neutral',
};

export const section11StatusLabels: Record<Section11Status, string> = {
  'not-started': 'Not started',
  draft: 'Draft',
  submitted: 'Submitted',
  'sent-back': 'Sent back to agency',
  accepted: 'Accepted',
};

export const section11StatusTones: Record<Section11Status, Tone> = {
  'not-started': 'neutral',
  draft: 'neutral',
  submitted: 'warning',
  'sent-back': 'bad',
  accepted: 'good',
};

/** The rating the board goes by: the committee's where it differs from the agency's. */
export const judged = (r: { rating: Section11Rating | null; committeeRating: Section11Rating | null }) =>
  r.committeeRating ?? r.rating;

const ORDER: Record<Section11Rating, number> = { 'not-met': 0, 'partly-met': 1, met: 2, 'not-applicable': 3 };

/** Per standard: how many accepted self-assessments do not fully meet it, worst first. */
export function standardsNotMet(assurance: Section11Assurance) {
  return assurance.standards
    .map((standard, i) => {
      const judgedRatings = assurance.rows.map((row) => judged(row.ratings[i]!)).filter((r) => r !== null);
      return {
        standard,
        notMet: judgedRatings.filter((r) => r === 'not-met').length,
        partlyMet: judgedRatings.filter((r) => r === 'partly-met').length,
      };
    })
    .filter((s) => s.notMet + s.partlyMet > 0)
    .sort((a, b) => b.notMet - a.notMet || b.partlyMet - a.partlyMet);
}

const list = (items: string[]) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;

/**
 * The assurance view in plain English, as the indicators' narratives: who has been accepted, who
 * is late, where the partnership falls short, where the committee judged differently, and what
 * changed since the last cycle. Only what the figures show; nothing guessed.
 */
export function assuranceNarrative(assurance: Section11Assurance): string[] {
  const { cycle, rows } = assurance;
  if (!cycle) return ['No Section 11 cycle has been run yet.'];
  const accepted = rows.filter((r) => r.status === 'accepted');
  const late = rows.filter((r) => r.late).map((r) => r.agencyName);
  const paragraphs = [
    `${cycle.title}: ${accepted.length} of ${rows.length} agencies’ self-assessments accepted by the quality assurance committee${
      cycle.closedOn ? '' : ' so far'
    }.${late.length > 0 ? ` Late: ${list(late)}.` : ''}`,
  ];
  if (accepted.length === 0) return paragraphs;
  const shortfalls = standardsNotMet(assurance);
  if (shortfalls.length === 0) paragraphs.push('Every accepted agency meets every standard.');
  else {
    const worst = shortfalls[0]!;
    paragraphs.push(
      `Standard ${worst.standard.code} (${worst.standard.title}) is the one most often not fully met: ${
        worst.notMet > 0 ? `not met by ${worst.notMet}` : ''
      }${worst.notMet > 0 && worst.partlyMet > 0 ? ' and ' : ''}${
        worst.partlyMet > 0 ? `partly met by ${worst.partlyMet}` : ''
      } of ${accepted.length} agencies.`,
    );
  }
  const moderated = accepted.flatMap((row) =>
    row.ratings.flatMap((r, i) =>
      r.committeeRating ? [`${row.agencyName} on standard ${assurance.standards[i]!.code}`] : [],
    ),
  );
  if (moderated.length > 0)
    paragraphs.push(`The committee judged differently from the agency for ${list(moderated)}.`);
  if (assurance.previousCycleTitle) {
    let better = 0;
    let worse = 0;
    for (const row of accepted)
      for (const r of row.ratings) {
        const now = judged(r);
        if (!now || !r.previous || now === 'not-applicable' || r.previous === 'not-applicable') continue;
        if (ORDER[now] > ORDER[r.previous]) better += 1;
        if (ORDER[now] < ORDER[r.previous]) worse += 1;
      }
    paragraphs.push(
      `Since ${assurance.previousCycleTitle}, ${better} ${better === 1 ? 'rating has' : 'ratings have'} improved and ${worse} ${
        worse === 1 ? 'has' : 'have'
      } fallen.`,
    );
  }
  const { open, overdue, complete } = assurance.improvements;
  paragraphs.push(
    `Improvement actions agreed: ${open} open${overdue > 0 ? ` (${overdue} overdue)` : ''}, ${complete} complete.`,
  );
  return paragraphs;
}
