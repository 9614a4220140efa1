import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { Action, OfstedRecommendation } from '../../api/contract';
import { actionPlanQueries } from '../../api/queries';
import { Panel } from '../../components/panel';
import { QueryState } from '../../components/query-state';
import { lazyForm } from '../../components/form/lazy-form';
import { SavedNotice } from '../../components/form/saved-notice';
import { IllustrativeNote } from '../../components/illustrative-note';
import { StatusTag, type Tone } from '../../components/status-tag';
import { Unbroken } from '../../components/unbroken';
import { formatDate } from '../../lib/format';
import { isOverdue } from '../../lib/overdue';
import { usePermissions } from '../../lib/use-permissions';
import { judgementLabels } from '../../lib/ofsted-labels';

const InspectionForm = lazyForm(() => import('./inspection-form'), 'InspectionForm');

/** What the panel needs of an action: one open in the year, or one closed before it (in brief). */
export type AnsweringAction = Pick<
  Action,
  'id' | 'title' | 'status' | 'progress' | 'dueDate' | 'ofstedRecommendationIds'
>;

/** A recommendation's status, rolled up from the actions that answer it. */
export function recommendationStatus(
  actions: readonly AnsweringAction[],
  referenceDate: string | null,
): { label: string; tone: Tone } {
  if (actions.length === 0) return { label: 'No actions yet', tone: 'bad' };
  if (actions.every((a) => a.status === 'complete')) return { label: 'Met', tone: 'good' };
  const troubled = actions.some(
    (a) =>
      a.status === 'off-track' ||
      a.status === 'at-risk' ||
      isOverdue(a.dueDate, a.status === 'complete', referenceDate),
  );
  if (troubled) return { label: 'At risk', tone: 'warning' };
  if (actions.every((a) => a.status === 'not-started')) return { label: 'Not started', tone: 'neutral' };
  return { label: 'In progress', tone: 'neutral' };
}

export function OfstedRecommendations({
  actions,
  referenceDate,
}: {
  actions: readonly AnsweringAction[];
  referenceDate: string | null;
}) {
  const recommendations = useQuery(actionPlanQueries.ofstedRecommendations());
  const permissions = usePermissions();
  const [adding, setAdding] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  return (
    <Panel title="Ofsted recommendations">
      <SavedNotice message={saved} />
      <QueryState
        query={recommendations}
        loadingLabel="Loading Ofsted’s recommendations"
        isEmpty={(d) => d.recommendations.length === 0}
        empty={`There are no Ofsted recommendations to track${permissions.editActionPlan ? ': add an inspection’s.' : '.'}`}
      >
        {(data) => (
          <>
            <IllustrativeNote>
              The recommendations’ wording is invented for the demonstration.
            </IllustrativeNote>
            <p>
              From page {data.page} of the <Unbroken text={data.reportTitle} />. Each recommendation’s status
              is rolled up from the actions that answer it: met when all are complete, at risk when any is off
              track, at risk or overdue.
            </p>
            <ol className="recommendations">
              {data.recommendations.map((rec: OfstedRecommendation) => {
                // Linked either way: the recommendation names the action, or the action says it answers it.
                const linked = actions.filter(
                  (a) => rec.actionIds.includes(a.id) || a.ofstedRecommendationIds.includes(rec.id),
                );
                const status = recommendationStatus(linked, referenceDate);
                return (
                  <li key={rec.id} value={rec.number}>
                    <p className="recommendations__text">{rec.text}</p>
                    {rec.inspectionDate && rec.judgement ? (
                      <p className="recommendations__meta">
                        Inspection of {formatDate(rec.inspectionDate)}: {judgementLabels[rec.judgement]}
                      </p>
                    ) : null}
                    <StatusTag tone={status.tone}>{status.label}</StatusTag>
                    <ul
                      className="recommendations__actions"
                      aria-label={`Actions answering recommendation ${rec.number}`}
                    >
                      {linked.map((a) => (
                        <li key={a.id}>
                          <a href={`#action-${a.id}`}>{a.title}</a> ({a.progress}% done)
                        </li>
                      ))}
                    </ul>
                  </li>
                );
              })}
            </ol>
          </>
        )}
      </QueryState>
      {permissions.editActionPlan && recommendations.data ? (
        adding ? (
          <InspectionForm
            onDone={(message) => {
              setAdding(false);
              setSaved(message);
            }}
            onCancel={() => setAdding(false)}
          />
        ) : (
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              setSaved(null);
              setAdding(true);
            }}
            {...InspectionForm.intent}
          >
            Add an inspection’s recommendations
          </button>
        )
      ) : null}
    </Panel>
  );
}
