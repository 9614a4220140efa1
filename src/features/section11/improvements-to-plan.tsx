import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Link } from 'react-router';
import { apiSend } from '../../api/client';
import type { Section11Assessment, Section11Improvement } from '../../api/contract';
import { ConflictError } from '../../api/errors';
import { actionPlanQueries, section11Queries } from '../../api/queries';
import { FormFailure } from '../../components/form/form-failure';
import { Panel } from '../../components/panel';
import { QueryState } from '../../components/query-state';
import { describeSaveFailure } from '../../lib/field-errors';
import { formatDate } from '../../lib/format';

/**
 * The committee agrees an agency's improvement actions into the board's action plan, each under a
 * priority it chooses; the action then says which agency's standard it answers.
 */
export function ImprovementsToPlan({ assessment }: { assessment: Section11Assessment }) {
  const plan = useQuery(actionPlanQueries.plan());
  const [message, setMessage] = useState<string | null>(null);
  return (
    <Panel title="Improvement actions for the action plan">
      {message ? (
        <p className="notice notice--success" role="status">
          {message}
        </p>
      ) : null}
      <QueryState query={plan} loadingLabel="Loading the action plan’s priorities">
        {({ priorities }) => (
          <ul className="section11-to-plan">
            {assessment.improvements.map((improvement) => (
              <ImprovementToPlan
                key={improvement.id}
                assessment={assessment}
                improvement={improvement}
                priorities={priorities.filter((p) => !p.retired)}
                onAdded={setMessage}
              />
            ))}
          </ul>
        )}
      </QueryState>
    </Panel>
  );
}

function ImprovementToPlan({
  assessment,
  improvement,
  priorities,
  onAdded,
}: {
  assessment: Section11Assessment;
  improvement: Section11Improvement;
  priorities: { id: string; number: number; title: string }[];
  onAdded: (message: string) => void;
}) {
  const id = useId();
  const queryClient = useQueryClient();
  const [priorityId, setPriorityId] = useState(priorities[0]?.id ?? '');
  const [failure, setFailure] = useState<string | null>(null);
  const standard = assessment.standards.find((s) => s.id === improvement.standardId);
  const add = useMutation({
    mutationFn: () =>
      apiSend(
        'addSection11Action',
        { version: assessment.version, priorityId },
        { params: { id: assessment.cycleId, agency: assessment.agencyId, improvement: improvement.id } },
      ),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: section11Queries.all() }),
        queryClient.invalidateQueries({ queryKey: actionPlanQueries.all() }),
      ]),
  });
  const submit = () => {
    setFailure(null);
    add.mutate(undefined, {
      onSuccess: () => onAdded(`Added “${improvement.description}” to the action plan.`),
      onError: (error) =>
        setFailure(
          error instanceof ConflictError
            ? 'Someone changed this self-assessment since you opened it: it has been reloaded. Try again.'
            : describeSaveFailure(error, 'Not added').message,
        ),
    });
  };
  return (
    <li className="section11-to-plan__item">
      <p>
        <strong>{improvement.description}</strong> ({improvement.owner}, due {formatDate(improvement.dueDate)}
        ){standard ? ` · Standard ${standard.code}` : null}
      </p>
      {improvement.actionId ? (
        <p>
          In the action plan: <Link to={`/action-plan#action-${improvement.actionId}`}>see the action</Link>
        </p>
      ) : (
        <form
          className="section11-to-plan__form"
          aria-label={`Add to the action plan: ${improvement.description}`}
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <FormFailure failure={failure} />
          <label htmlFor={`${id}-priority`}>Priority it comes under</label>
          <select id={`${id}-priority`} value={priorityId} onChange={(e) => setPriorityId(e.target.value)}>
            {priorities.map((p) => (
              <option key={p.id} value={p.id}>
                Priority {p.number}: {p.title}
              </option>
            ))}
          </select>
          <button type="submit" className="button button--secondary" disabled={add.isPending || !priorityId}>
            Add to the action plan
          </button>
        </form>
      )}
    </li>
  );
}
