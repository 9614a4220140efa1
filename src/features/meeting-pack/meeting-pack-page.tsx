import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { Link, useHref, useLocation, useNavigate } from 'react-router';
import { boardQueries } from '../../api/queries';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { Unbroken } from '../../components/unbroken';
import { encodePack, NOTE_MAX_LENGTH, PACK_PARAM, type PackItem } from '../../lib/meeting-pack';
import { todayInWords } from '../../lib/today';
import { useDocumentTitle } from '../../lib/use-document-title';
import { useReportingYear } from '../../lib/use-reporting-year';
import { yearLabel } from '../../lib/reporting-range';
import { useBoardName } from '../../lib/use-board-name';
import { useReportingRange } from '../../lib/use-reporting-range';
import {
  usePackActions,
  usePackItems,
  usePrintNotes,
  useSetPrintNotes,
} from '../../stores/meeting-pack-store';
import { enterFullscreen } from './fullscreen';
import { PackChartView, PackFigure } from './pack-chart-view';
import { SharedPackBanner } from './shared-pack-banner';
import { useWording } from '../../lib/use-wording';

/**
 * The meeting pack: the charts a user pinned, in the order they will be shown, each with a
 * speaker note. The same page is the printed handout (see the print styles): a cover, then one
 * chart per page with its table and source, and its speaker note if the user chooses.
 */
export function MeetingPackPage() {
  useDocumentTitle('Meeting pack');
  const items = usePackItems();
  const { search, state } = useLocation();
  const navigate = useNavigate();
  const pages = items.length + 1;
  const printNotes = usePrintNotes();
  const setPrintNotes = useSetPrintNotes();
  const notesId = useId();
  const presentButton = useRef<HTMLButtonElement>(null);
  const returning = (state as { returnFocus?: string } | null)?.returnFocus === 'present';

  // Back from the presentation: focus returns to the Present button that started it.
  useEffect(() => {
    if (returning) presentButton.current?.focus();
  }, [returning]);

  const present = () => {
    enterFullscreen();
    void navigate({ pathname: '/meeting-pack/present', search: withoutPack(search) });
  };

  return (
    <div className="page meeting-pack">
      <PackCover items={items} />
      <div className="no-print">
        <h1 className="page__title">Meeting pack</h1>
        <p className="page__lede">
          Pin charts with “Pin to meeting pack” on any chart, put them in order and add a note to each.
          Present them full screen at the meeting, or print a handout.
        </p>
        <SharedPackBanner />
      </div>
      {items.length === 0 ? (
        <EmptyState>
          Your meeting pack is empty. Open a chart, for example on the{' '}
          <Link to="/indicators">Indicators</Link> page, and choose “Pin to meeting pack”.
        </EmptyState>
      ) : (
        <>
          <div className="button-row no-print">
            <button type="button" className="button" onClick={present} ref={presentButton}>
              Present
            </button>
            <button type="button" className="button button--secondary" onClick={() => window.print()}>
              Print or save as PDF
            </button>
          </div>
          <div className="checkbox no-print pack-print-notes">
            <input
              id={notesId}
              type="checkbox"
              checked={printNotes}
              onChange={(e) => setPrintNotes(e.target.checked)}
            />
            <label htmlFor={notesId}>Include speaker notes in the printed handout</label>
          </div>
          <ShareLink items={items} />
          <ol className="pack-list" aria-label="Charts in the pack">
            {items.map((item, index) => (
              <PackItemCard
                key={item.id}
                item={item}
                index={index}
                count={items.length}
                pages={pages}
                printNote={printNotes}
              />
            ))}
          </ol>
        </>
      )}
    </div>
  );
}

function withoutPack(search: string): string {
  const params = new URLSearchParams(search);
  params.delete(PACK_PARAM);
  const text = params.toString();
  return text ? `?${text}` : '';
}

function ShareLink({ items }: { items: readonly PackItem[] }) {
  const href = useHref({ pathname: '/meeting-pack', search: `?${PACK_PARAM}=${encodePack(items)}` });
  const link = new URL(href, window.location.origin).toString();
  const [copied, setCopied] = useState<{ link: string; ok: boolean } | null>(null);
  const inputId = useId();

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link);
      setCopied({ link, ok: true });
    } catch {
      setCopied({ link, ok: false });
    }
  };
  // A message about an older link is stale once the pack changes.
  const status = copied?.link === link ? copied : null;

  return (
    <div className="share-link no-print">
      <button type="button" className="button button--secondary" onClick={() => void copy()}>
        Copy link to this pack
      </button>
      <p aria-live="polite" className="share-link__status">
        {status?.ok ? 'Link copied. Anyone who opens it sees these charts and notes.' : ''}
        {status && !status.ok
          ? 'The link could not be copied automatically: copy it from the box below.'
          : ''}
      </p>
      {status && !status.ok ? (
        <div className="field">
          <label htmlFor={inputId}>Link to this pack</label>
          <input id={inputId} type="text" readOnly value={link} onFocus={(e) => e.target.select()} />
        </div>
      ) : null}
    </div>
  );
}

function PackItemCard({
  item,
  index,
  count,
  pages,
  printNote,
}: {
  item: PackItem;
  index: number;
  count: number;
  pages: number;
  printNote: boolean;
}) {
  const { move, remove, setNote } = usePackActions();
  const noteId = useId();
  return (
    <li className="pack-item">
      <PackChartView item={item}>
        {(state) => {
          const name = state.status === 'ready' ? state.chart.title : `chart ${index + 1}`;
          return (
            <>
              <div className="pack-item__controls no-print">
                <p className="pack-item__position">
                  Chart {index + 1} of {count}
                  {state.status === 'ready' ? (
                    <>
                      , <Unbroken text={state.chart.period} />
                    </>
                  ) : null}
                </p>
                <div className="button-row">
                  <button
                    type="button"
                    className="button button--secondary"
                    disabled={index === 0}
                    onClick={() => move(item.id, -1)}
                    aria-label={`Move up: ${name}`}
                  >
                    Move up
                  </button>
                  <button
                    type="button"
                    className="button button--secondary"
                    disabled={index === count - 1}
                    onClick={() => move(item.id, 1)}
                    aria-label={`Move down: ${name}`}
                  >
                    Move down
                  </button>
                  <button
                    type="button"
                    className="button button--secondary"
                    onClick={() => remove(item.id)}
                    aria-label={`Remove: ${name}`}
                  >
                    Remove
                  </button>
                </div>
              </div>
              {state.status === 'pending' ? <LoadingState label="Loading the chart" /> : null}
              {state.status === 'error' ? <ErrorState error={state.error} onRetry={state.retry} /> : null}
              {state.status === 'ready' ? (
                <>
                  {state.chart.illustrative ? (
                    <p className="tag tag--illustrative">Illustrative data</p>
                  ) : null}
                  {state.chart.heading !== state.chart.title ? (
                    <p className="print-only pack-item__period">{state.chart.period}</p>
                  ) : null}
                  <PackFigure figure={state.chart.figure} printTable />
                </>
              ) : null}
              <div className="field pack-item__note no-print">
                <label htmlFor={noteId}>Speaker note</label>
                <textarea
                  id={noteId}
                  aria-label={`Speaker note for ${name}`}
                  rows={2}
                  maxLength={NOTE_MAX_LENGTH}
                  value={item.note}
                  onChange={(e) => setNote(item.id, e.target.value)}
                />
              </div>
              {printNote && item.note ? (
                <div className="print-only pack-item__printed-note">
                  <h4>Speaker note</h4>
                  <p>{item.note}</p>
                </div>
              ) : null}
              <p className="print-only page-number">
                Page {index + 2} of {pages}
              </p>
            </>
          );
        }}
      </PackChartView>
    </li>
  );
}

/** The printed handout's first page. */
function PackCover({ items }: { items: readonly PackItem[] }) {
  const board = useQuery(boardQueries.detail());
  const boardName = useBoardName();
  const words = useWording();
  const { year } = useReportingYear();
  const range = useReportingRange();
  return (
    <section className="pack-cover print-only" aria-label="Cover page">
      <p className="pack-cover__board">{boardName ?? '\u00a0'}</p>
      <p className="pack-cover__title">Meeting pack</p>
      {year ? (
        <p className="pack-cover__period">
          Reporting year <Unbroken text={yearLabel(year, range)} />
        </p>
      ) : null}
      <p>
        Prepared {todayInWords()} for {words.members}
      </p>
      <h2>Contents</h2>
      <ol>
        {items.map((item, index) => (
          <li key={item.id}>
            <PackChartView item={item}>
              {(state) => (
                <>
                  {state.status === 'ready' ? <Unbroken text={state.chart.heading} /> : 'Chart'} (page{' '}
                  {index + 2})
                </>
              )}
            </PackChartView>
          </li>
        ))}
      </ol>
      {board.data?.illustrativeNotice ? (
        <p className="pack-cover__notice">
          <strong>Illustrative data.</strong> {board.data.illustrativeNotice}
        </p>
      ) : null}
      <p className="page-number">Page 1 of {items.length + 1}</p>
    </section>
  );
}
