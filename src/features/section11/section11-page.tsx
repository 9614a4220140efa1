import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { apiSend } from '../../api/client';
import type { Section11Cycle } from '../../api/contract';
import { section11Queries } from '../../api/queries';
import { FormFailure } from '../../components/form/form-failure';
import { Panel } from '../../components/panel';
import { PinButton } from '../../components/pin-button';
import { QueryState } from '../../components/query-state';
import { StatusTag } from '../../components/status-tag';
import { describeSaveFailure } from '../../lib/field-errors';
import { formatDate } from '../../lib/format';
import { useDocumentTitle } from '../../lib/use-document-title';
import { usePermissions } from '../../lib/use-permissions';
import { useWording } from '../../lib/use-wording';
import { AssuranceMatrix } from '../../components/section11/assurance-matrix';
import { OpenCycleForm } from './open-cycle-form';
import { StandardsEditor } from './standards-editor';
import { section11StatusLabels, section11StatusTones } from '../../components/section11/section11-labels';
import { hidden, ScrollTable } from '../../components/scroll-table';

/** What the person can do with an agency's self-assessment, as the link to it says. */
function actionFor(
  cycle: Section11Cycle,
  status: Section11Cycle['agencies'][number]['status'],
  agencyId: string,
  permissions: ReturnType<typeof usePermissions>,
) {
  const open = cycle.closedOn === null;
  if (open && permissions.challengeSelfAssessments && status === 'submitted') return 'Review';
  if (
    open &&
    permissions.enterSelfAssessment(agencyId) &&
    ['not-started', 'draft', 'sent-back'].includes(status)
  )
    return 'Fill in';
  return 'View';
}

function CloseCycle({ cycle, onDone }: { cycle: Section11Cycle; onDone: (message: string) => void }) {
  const [asking, setAsking] = useState(false);
  const queryClient = useQueryClient();
  const close = useMutation({
    mutationFn: () =>
      apiSend('closeSection11Cycle', { version: cycle.version }, { params: { id: cycle.id } }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: section11Queries.all() }),
    onSuccess: (closed) => onDone(`Closed “${closed.title}”. Nothing more can be entered in it.`),
  });
  if (!asking)
    return (
      <button type="button" className="button button--secondary" onClick={() => setAsking(true)}>
        Close the cycle <span className="visually-hidden">{cycle.title}</span>
      </button>
    );
  return (
    <div className="notice notice--warning" role="group" aria-label={`Close ${cycle.title}`}>
      <p>
        Close “{cycle.title}”? Self-assessments not yet accepted stay as they are, and nothing more can be
        entered.
      </p>
      <FormFailure failure={close.error ? describeSaveFailure(close.error).message : null} />
      <div className="button-row">
        <button type="button" className="button" disabled={close.isPending} onClick={() => close.mutate()}>
          {close.isPending ? 'Closing…' : 'Close it'}
        </button>
        <button type="button" className="button button--secondary" onClick={() => setAsking(false)}>
          Keep it open
        </button>
      </div>
    </div>
  );
}

function CycleTable({ cycle }: { cycle: Section11Cycle }) {
  const permissions = usePermissions();
  return (
    <ScrollTable
      label={`${cycle.title} self-assessments`}
      caption={
        <caption className="visually-hidden">
          {cycle.title}, due {formatDate(cycle.dueDate)}
        </caption>
      }
      columns={['Agency', 'Status', 'Submitted', hidden('Open')]}
    >
      {cycle.agencies.map((a) => (
        <tr key={a.agencyId}>
          <th scope="row">{a.agencyName}</th>
          <td>
            <StatusTag tone={section11StatusTones[a.status]}>{section11StatusLabels[a.status]}</StatusTag>
            {a.late ? <StatusTag tone="bad">Late</StatusTag> : null}
          </td>
          <td>{a.submittedAt ? formatDate(a.submittedAt.slice(0, 10)) : '–'}</td>
          <td>
            <Link to={`/section11/${cycle.id}/${a.agencyId}`}>
              {actionFor(cycle, a.status, a.agencyId, permissions)}{' '}
              <span className="visually-hidden">
                {a.agencyName}’s self-assessment for {cycle.title}
              </span>
            </Link>
          </td>
        </tr>
      ))}
    </ScrollTable>
  );
}

function SelfAssessments() {
  const permissions = usePermissions();
  const cycles = useQuery(section11Queries.cycles());
  const [opening, setOpening] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const openCycle = cycles.data?.cycles.find((c) => c.closedOn === null);
  return (
    <Panel title="Self-assessments">
      {message ? (
        <p className="notice notice--success" role="status">
          {message}
        </p>
      ) : null}
      {permissions.administer && cycles.data && !openCycle ? (
        opening ? (
          <OpenCycleForm
            onDone={(text) => {
              setOpening(false);
              setMessage(text);
            }}
            onCancel={() => setOpening(false)}
          />
        ) : (
          <button type="button" className="button" onClick={() => setOpening(true)}>
            Open a Section 11 cycle
          </button>
        )
      ) : null}
      <QueryState
        query={cycles}
        loadingLabel="Loading the Section 11 cycles"
        isEmpty={(data) => data.cycles.length === 0}
        empty={
          permissions.administer
            ? 'No Section 11 cycle yet: open the first.'
            : 'No Section 11 cycle includes your agency yet. The business unit opens one, usually every two years.'
        }
      >
        {(data) =>
          data.cycles.map((cycle) => (
            <section key={cycle.id} aria-labelledby={`cycle-${cycle.id}`}>
              <h3 id={`cycle-${cycle.id}`}>
                {cycle.title}:{' '}
                {cycle.closedOn
                  ? `closed ${formatDate(cycle.closedOn)}`
                  : `open, due ${formatDate(cycle.dueDate)}`}
              </h3>
              <CycleTable cycle={cycle} />
              {permissions.administer && cycle.closedOn === null ? (
                <CloseCycle cycle={cycle} onDone={setMessage} />
              ) : null}
            </section>
          ))
        }
      </QueryState>
    </Panel>
  );
}

export function Section11Page() {
  useDocumentTitle('Section 11 self-assessment');
  const permissions = usePermissions();
  const assurance = useQuery(section11Queries.assurance());
  const words = useWording();
  return (
    <div className="page">
      <h1 className="page__title">Section 11 self-assessment</h1>
      <p className="page__lede">
        Every partner agency rates itself against {words.the}’s safeguarding standards (section 11 of the
        Children Act 2004), with its evidence and improvement actions. The quality assurance committee checks
        each rating, challenges, and accepts it or sends it back. Ratings shown here are those the committee
        has accepted.
      </p>
      <Panel title="Assurance">
        <QueryState query={assurance} loadingLabel="Loading the Section 11 assurance">
          {(data) => (
            <>
              {data.cycle ? (
                <div className="button-row">
                  <PinButton
                    item={{ type: 'section11-assurance' }}
                    title={`Section 11 assurance: agencies by standard, ${data.cycle.title}`}
                  />
                </div>
              ) : null}
              <AssuranceMatrix assurance={data} />
            </>
          )}
        </QueryState>
      </Panel>
      {permissions.seeSelfAssessments ? <SelfAssessments /> : null}
      {permissions.administer ? <StandardsEditor /> : null}
    </div>
  );
}
