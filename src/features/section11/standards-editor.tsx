import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { apiSend } from '../../api/client';
import {
  saveSection11StandardsRequestSchema,
  type SaveSection11StandardsRequest,
  type Section11Standard,
  type Section11Standards,
} from '../../api/contract';
import { ConflictError } from '../../api/errors';
import { section11Queries } from '../../api/queries';
import { FormFailure } from '../../components/form/form-failure';
import { Panel } from '../../components/panel';
import { QueryState } from '../../components/query-state';
import { describeSaveFailure } from '../../lib/field-errors';

interface Row {
  key: string;
  id: string | null;
  statutory: boolean;
  code: string;
  title: string;
  description: string;
}

const toRows = (standards: readonly Section11Standard[]): Row[] =>
  standards.map((s) => ({ key: s.id, ...s }));

/**
 * The administrator keeps the board's standards between cycles: rewords them, adds the board's
 * own, puts them in order and retires those it no longer uses. The eight statutory arrangements
 * stay; while a cycle is open nothing changes.
 */
export function StandardsEditor() {
  const standards = useQuery(section11Queries.standards());
  const [editing, setEditing] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  return (
    <Panel title="Standards for the next cycle">
      {message ? (
        <p className="notice notice--success" role="status">
          {message}
        </p>
      ) : null}
      <QueryState query={standards} loadingLabel="Loading the standards">
        {(set) =>
          set.lockedBy ? (
            <p>
              The standards cannot change while “{set.lockedBy}” is open: agencies are answering them. Change
              them once it is closed.
            </p>
          ) : editing ? (
            <StandardsForm
              set={set}
              onDone={(done) => {
                setEditing(false);
                setMessage(done);
              }}
            />
          ) : (
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                setMessage(null);
                setEditing(true);
              }}
            >
              Change the standards
            </button>
          )
        }
      </QueryState>
    </Panel>
  );
}

function StandardsForm({
  set,
  onDone,
}: {
  set: Section11Standards;
  onDone: (message: string | null) => void;
}) {
  const id = useId();
  const queryClient = useQueryClient();
  const [rows, setRows] = useState(() => toRows(set.standards));
  const [version, setVersion] = useState(set.version);
  const [failure, setFailure] = useState<string | null>(null);
  const [added, setAdded] = useState(0);
  const save = useMutation({
    mutationFn: (request: SaveSection11StandardsRequest) => apiSend('saveSection11Standards', request),
    onSettled: () => queryClient.invalidateQueries({ queryKey: section11Queries.all() }),
  });
  const change = (key: string, patch: Partial<Row>) =>
    setRows((all) => all.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const move = (index: number, by: -1 | 1) =>
    setRows((all) => {
      const next = [...all];
      const [row] = next.splice(index, 1);
      next.splice(index + by, 0, row!);
      return next;
    });
  const submit = () => {
    setFailure(null);
    const request = {
      version,
      standards: rows.map(({ id: rowId, code, title, description }) => ({
        id: rowId,
        code,
        title,
        description,
      })),
    };
    const checked = saveSection11StandardsRequestSchema.safeParse(request);
    if (!checked.success) {
      setFailure(checked.error.issues.map((i) => i.message).join('. '));
      return;
    }
    save.mutate(checked.data, {
      onSuccess: (saved) => onDone(`Saved the standards: ${saved.standards.length} in the set.`),
      onError: (error) => {
        if (error instanceof ConflictError) setVersion((error.current as Section11Standards).version);
        setFailure(describeSaveFailure(error, 'Not saved').message);
      },
    });
  };
  return (
    <form
      aria-label="Change the standards"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <FormFailure failure={failure} />
      <ol className="section11-standards-form">
        {rows.map((row, index) => {
          const name = `standard ${row.code || index + 1}`;
          const at = `${id}-${row.key}`;
          return (
            <li key={row.key}>
              <fieldset className="record-form__grid">
                <legend>
                  Standard {row.code || '(new)'}
                  {row.statutory ? ', statutory' : ''}
                </legend>
                <div className="field">
                  <label htmlFor={`${at}-code`}>Number</label>
                  <input
                    id={`${at}-code`}
                    value={row.code}
                    maxLength={10}
                    onChange={(e) => change(row.key, { code: e.target.value })}
                  />
                </div>
                <div className="field">
                  <label htmlFor={`${at}-title`}>Standard</label>
                  <input
                    id={`${at}-title`}
                    value={row.title}
                    maxLength={300}
                    onChange={(e) => change(row.key, { title: e.target.value })}
                  />
                </div>
                <div className="field">
                  <label htmlFor={`${at}-description`}>What meeting it looks like</label>
                  <textarea
                    id={`${at}-description`}
                    value={row.description}
                    maxLength={2000}
                    rows={2}
                    onChange={(e) => change(row.key, { description: e.target.value })}
                  />
                </div>
                <div className="button-row">
                  <button
                    type="button"
                    className="button button--secondary button--small"
                    disabled={index === 0}
                    onClick={() => move(index, -1)}
                  >
                    Move up <span className="visually-hidden">{name}</span>
                  </button>
                  <button
                    type="button"
                    className="button button--secondary button--small"
                    disabled={index === rows.length - 1}
                    onClick={() => move(index, 1)}
                  >
                    Move down <span className="visually-hidden">{name}</span>
                  </button>
                  {row.statutory ? (
                    <span>One of the eight section 11 arrangements: it can be reworded, not retired.</span>
                  ) : (
                    <button
                      type="button"
                      className="button button--secondary button--small"
                      onClick={() => setRows((all) => all.filter((r) => r.key !== row.key))}
                    >
                      Retire <span className="visually-hidden">{name}</span>
                    </button>
                  )}
                </div>
              </fieldset>
            </li>
          );
        })}
      </ol>
      <div className="button-row">
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            setAdded((n) => n + 1);
            setRows((all) => [
              ...all,
              { key: `new-${added}`, id: null, statutory: false, code: '', title: '', description: '' },
            ]);
          }}
        >
          Add a standard
        </button>
        <button type="submit" className="button" disabled={save.isPending}>
          Save the standards
        </button>
        <button type="button" className="button button--secondary" onClick={() => onDone(null)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
