import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { actionRepeatKey, type ActionPlan } from '../../api/contract';
import { actionPlanQueries } from '../../api/queries';
import { useSaveRecord } from '../../components/form/use-save-record';
import { QueryState } from '../../components/query-state';
import { SheetLoad } from '../import/sheet/sheet-load';
import { actionSheet } from './action-sheet';

interface Props {
  onDone: (message: string) => void;
  onCancel: () => void;
}

/**
 * Actions loaded from the board's spreadsheet, in one request: all added, or none. The ones already
 * there are looked for in the whole plan, every year's, read only once the person asks to load a
 * sheet (the page itself reads its year's).
 */
export function ActionSheetLoad(done: Props) {
  const plan = useQuery(actionPlanQueries.plan());
  return (
    <QueryState query={plan} loadingLabel="Loading the action plan" reportSkipped={false}>
      {(data) => <SheetLoadActions plan={data} checking={plan.isFetching} {...done} />}
    </QueryState>
  );
}

function SheetLoadActions({
  plan,
  checking,
  onDone,
  onCancel,
}: Props & { plan: ActionPlan; checking: boolean }) {
  const save = useSaveRecord('importActions', actionPlanQueries.all());
  const recommendations = useQuery(actionPlanQueries.ofstedRecommendations());
  const list = recommendations.data?.recommendations;
  const spec = useMemo(() => actionSheet(list ?? []), [list]);
  const kept = useMemo(() => new Set(plan.priorities.flatMap((p) => p.actions).map(actionRepeatKey)), [plan]);
  if (recommendations.isPending) return <p role="status">Loading the Ofsted recommendations…</p>;
  return (
    <SheetLoad
      spec={spec}
      kept={kept}
      checking={checking}
      templateName="action-plan-template.csv"
      list="actions"
      save={(requests) => save.mutateAsync({ actions: requests })}
      onDone={onDone}
      onCancel={onCancel}
    />
  );
}
