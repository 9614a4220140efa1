import { useState } from 'react';
import { RecordButton } from '../../components/form/record-button';
import type { Priority } from '../../api/contract';
import { actionPlanQueries } from '../../api/queries';
import { FormFailure } from '../../components/form/form-failure';
import { useSaveRecord } from '../../components/form/use-save-record';
import { describeSaveFailure } from '../../lib/field-errors';

interface Props {
  priority: Priority;
  priorities: readonly Priority[];
  onEdit: () => void;
  onAddAction: () => void;
  onDone: (message: string) => void;
}

/** An editor's controls on a priority: change it, add an action, move it up or down, retire it. */
export function PriorityControls({ priority, priorities, onEdit, onAddAction, onDone }: Props) {
  const refresh = actionPlanQueries.all();
  const move = useSaveRecord('movePriority', refresh, { id: priority.id });
  const retire = useSaveRecord('retirePriority', refresh, { id: priority.id });
  const [failure, setFailure] = useState<string | null>(null);
  // Retiring takes a second click: it cannot be undone from here.
  const [confirming, setConfirming] = useState(false);
  const inUse = priorities.filter((p) => !p.retired);
  const at = inUse.findIndex((p) => p.id === priority.id);
  const name = `priority ${priority.number}`;
  const onError = (error: unknown) =>
    setFailure(describeSaveFailure(error, `Priority ${priority.number} was not changed`).message);

  const moveTo = (direction: 'up' | 'down') => {
    setFailure(null);
    move.mutate(
      { direction, version: priority.version },
      { onSuccess: () => onDone(`Moved “${priority.title}” ${direction}.`), onError },
    );
  };

  const button = (label: string, onClick: () => void, disabled = false) => (
    <RecordButton
      verb={label}
      name={name}
      onClick={onClick}
      disabled={disabled || move.isPending || retire.isPending}
    />
  );

  return (
    <div className="priority__controls">
      <FormFailure failure={failure} />
      {button('Change', onEdit)}
      {button('Add an action to', onAddAction)}
      {button('Move up', () => moveTo('up'), at <= 0)}
      {button('Move down', () => moveTo('down'), at === inUse.length - 1)}
      {!confirming ? button('Retire', () => setConfirming(true)) : null}
      {confirming
        ? button('Yes, retire', () => {
            setFailure(null);
            setConfirming(false);
            retire.mutate(
              { version: priority.version },
              {
                onSuccess: () =>
                  onDone(`Retired “${priority.title}”. It is kept, with its actions, shown as retired.`),
                onError,
              },
            );
          })
        : null}
      {confirming ? button('Keep', () => setConfirming(false)) : null}
    </div>
  );
}
