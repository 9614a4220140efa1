import { useId, useMemo } from 'react';
import type { LocalIndicator } from '../../api/local-indicators';
import { EesOptions } from './ees-options';
import { describeChanges } from './import-changes';
import { ImportSummary } from './import-summary';
import { buildFromTemplate } from './parse/template';
import { ProblemList } from './problem-list';
import { useEesChoice } from './use-ees-choice';
import type { ImportStage } from './use-import-file';

type Readable = Extract<ImportStage, { kind: 'template' | 'ees' }>;

interface Props {
  stage: Readable;
  /** The board's own area, chosen first when the file has it. */
  boardArea: string | null;
  /** What is imported in this browser now, to say what a re-import changes. */
  existing: readonly LocalIndicator[];
  saving: boolean;
  onSave: (indicators: LocalIndicator[], replacing: string[]) => void;
  onCancel: () => void;
}

/** What the file will add or change, or every problem in it, before anything is saved. */
export function ImportPreview(props: Props) {
  return props.stage.kind === 'ees' ? (
    <EesPreview {...props} stage={props.stage} />
  ) : (
    <TemplatePreview {...props} stage={props.stage} />
  );
}

function TemplatePreview({
  stage,
  existing,
  saving,
  onSave,
  onCancel,
}: Props & { stage: { kind: 'template' } }) {
  const { indicators, problems } = useMemo(() => buildFromTemplate(stage.table, stage.source), [stage]);
  const changes = describeChanges(indicators, existing);
  return (
    <div className="import-preview">
      {problems.length > 0 ? (
        <ProblemList problems={problems} fileName={stage.source.fileName} />
      ) : (
        <ImportSummary fileName={stage.source.fileName} changes={changes} todo={[]} notes={[]} />
      )}
      <ImportActions
        problems={problems.length}
        count={indicators.length}
        ready={indicators.length > 0}
        saving={saving}
        onSave={() => onSave(indicators, [])}
        onCancel={onCancel}
      />
    </div>
  );
}

function EesPreview({
  stage,
  boardArea,
  existing,
  saving,
  onSave,
  onCancel,
}: Props & { stage: Extract<ImportStage, { kind: 'ees' }> }) {
  const { choice, update, build } = useEesChoice(stage, boardArea);
  const todoId = useId();
  const { file, source } = stage;
  if (file.problems.length > 0) {
    return (
      <div className="import-preview">
        <ProblemList problems={file.problems} fileName={source.fileName} />
        <ImportActions
          problems={1}
          count={0}
          ready={false}
          saving={false}
          onSave={() => {}}
          onCancel={onCancel}
        />
      </div>
    );
  }
  const changes = describeChanges(build.indicators, existing, build.legacyIds);
  const replacing = changes.flatMap((c) => (c.replacesId ? [c.replacesId] : []));
  return (
    <div className="import-preview">
      <EesOptions file={file} choice={choice} update={update} />
      {build.problems.length > 0 ? (
        <ProblemList problems={build.problems} fileName={source.fileName} />
      ) : (
        <ImportSummary
          fileName={source.fileName}
          changes={changes}
          todo={build.todo}
          todoId={todoId}
          notes={build.notes}
          fair={{ file, choice, update }}
        />
      )}
      <ImportActions
        problems={build.problems.length}
        count={build.indicators.length}
        ready={build.todo.length === 0 && build.indicators.length > 0}
        todoId={build.todo.length > 0 ? todoId : undefined}
        saving={saving}
        onSave={() => onSave(build.indicators, replacing)}
        onCancel={onCancel}
      />
    </div>
  );
}

const count = (n: number, noun: string) => `${n.toLocaleString('en-GB')} ${noun}${n === 1 ? '' : 's'}`;

function ImportActions({
  problems,
  count: indicators,
  ready,
  todoId,
  saving,
  onSave,
  onCancel,
}: {
  problems: number;
  count: number;
  ready: boolean;
  todoId?: string | undefined;
  saving: boolean;
  onSave: () => void;
  onCancel: () => void;
}) {
  return (
    <div className="import-actions">
      {/* A file with problems cannot be imported at all: there is no button to press. */}
      {problems === 0 ? (
        <button
          type="button"
          className="button"
          disabled={!ready || saving}
          aria-describedby={todoId}
          onClick={onSave}
        >
          {saving ? 'Saving…' : `Import ${count(indicators, 'indicator')}`}
        </button>
      ) : null}
      <button type="button" className="button button--secondary" onClick={onCancel}>
        {problems === 0 ? 'Cancel' : 'Choose another file'}
      </button>
    </div>
  );
}
