import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Link } from 'react-router';
import { apiSend } from '../../api/client';
import { publishIndicatorRequestSchema, type Indicator } from '../../api/contract';
import { ConflictError } from '../../api/errors';
import { LOCAL_PREFIX, type LocalIndicator } from '../../api/local-indicators';
import { indicatorQueries } from '../../api/queries';
import { Field } from '../../components/form/field';
import { describeSaveFailure } from '../../lib/field-errors';
import { useWording } from '../../lib/use-wording';

/** An imported indicator as the board's own: the same figures, an id without `local-`. */
export function asBoardIndicator(local: LocalIndicator): Indicator {
  const { importedFrom: _importedFrom, ...indicator } = local;
  return { ...indicator, id: local.id.slice(LOCAL_PREFIX.length) };
}

/**
 * The administrator publishes an indicator read on this page to the board, so every member sees
 * it (not only this browser). If the board already has an indicator with that id, nothing is
 * replaced until they say so, having seen what is there.
 */
export function PublishToBoard({ indicator }: { indicator: LocalIndicator }) {
  const id = useId();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState(`From ${indicator.importedFrom.fileName}`);
  const [existing, setExisting] = useState<Indicator | null>(null);
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const board = asBoardIndicator(indicator);
  const words = useWording();
  const publish = useMutation({
    mutationFn: (version: number | null) =>
      apiSend(
        'publishIndicator',
        publishIndicatorRequestSchema.parse({ indicator: board, version, reason }),
        { params: { id: board.id } },
      ),
    onSuccess: async (saved) => {
      setExisting(null);
      setOpen(false);
      setMessage({ tone: 'success', text: `Published: ${words.everyMember} now sees “${saved.title}”.` });
      await queryClient.invalidateQueries({ queryKey: indicatorQueries.all() });
    },
    onError: (error) => {
      if (error instanceof ConflictError) {
        setExisting(error.current as Indicator);
        setMessage(null);
        return;
      }
      setMessage({
        tone: 'error',
        text: describeSaveFailure(error, 'It was not published').message,
      });
    },
  });

  return (
    <div className="publish-to-board">
      {message ? (
        <p
          className={message.tone === 'success' ? 'notice notice--success' : 'record-form__failure'}
          role={message.tone === 'success' ? 'status' : 'alert'}
        >
          {message.text}{' '}
          {message.tone === 'success' ? <Link to={`/indicators/${board.id}`}>Open it</Link> : null}
        </p>
      ) : null}
      {!open ? (
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            setMessage(null);
            setOpen(true);
          }}
        >
          Publish to {words.the} <span className="visually-hidden">: {indicator.title}</span>
        </button>
      ) : (
        <div className="record-form" role="group" aria-labelledby={`${id}-title`}>
          <p id={`${id}-title`} className="notice__title">
            Publish “{indicator.title}” to {words.the}
          </p>
          <p>
            Every signed-in member will see it, with its {board.series.length} figures
            {board.comparators.length > 0 ? ` and ${board.comparators.length} comparators` : ''}, as{' '}
            <code>/indicators/{board.id}</code>.
          </p>
          <Field label="Where the figures come from" hint="Kept with the figures" id={`${id}-reason`}>
            <input type="text" value={reason} onChange={(e) => setReason(e.target.value)} />
          </Field>
          {existing ? (
            <div className="notice notice--warning" role="alert">
              <p className="notice__title">{words.The} already has an indicator with this id</p>
              <p>
                “{existing.title}”, with {existing.series.length} figures
                {existing.series.at(-1) ? ` up to ${existing.series.at(-1)!.period}` : ''}. Replacing it
                changes its figures for every member; each changed figure keeps its earlier value as a
                correction, with the reason above.
              </p>
              <button
                type="button"
                className="button"
                disabled={publish.isPending}
                onClick={() => publish.mutate(existing.version ?? null)}
              >
                Replace it
              </button>
            </div>
          ) : null}
          <div className="record-form__actions">
            {!existing ? (
              <button
                type="button"
                className="button"
                disabled={publish.isPending || reason.trim() === ''}
                onClick={() => publish.mutate(null)}
              >
                {publish.isPending ? 'Publishing…' : 'Publish'}
              </button>
            ) : null}
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                setOpen(false);
                setExisting(null);
              }}
            >
              Cancel
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
