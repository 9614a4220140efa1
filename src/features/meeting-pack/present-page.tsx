import { useQuery } from '@tanstack/react-query';
import { useEffect, useEffectEvent, useRef, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { boardQueries } from '../../api/queries';
import { ErrorState, LoadingState } from '../../components/states';
import type { PackItem } from '../../lib/meeting-pack';
import { todayInWords } from '../../lib/today';
import { useDocumentTitle } from '../../lib/use-document-title';
import { useReportingYear } from '../../lib/use-reporting-year';
import { usePackItems } from '../../stores/meeting-pack-store';
import { exitFullscreen } from './fullscreen';
import { PackChartView, PackFigure } from './pack-chart-view';

const NEXT = new Set(['ArrowRight', 'ArrowDown', 'PageDown', ' ']);
const PREVIOUS = new Set(['ArrowLeft', 'ArrowUp', 'PageUp']);

/**
 * The pack as a presentation: a title slide, then one chart per slide in large type. A
 * presenter's clicker sends Page Up / Page Down (or arrows, or space); Escape leaves.
 */
export function PresentPage() {
  const items = usePackItems();
  const [requested, setSlide] = useState(0);
  const [showNotes, setShowNotes] = useState(false);
  const navigate = useNavigate();
  const { search } = useLocation();
  const slideRef = useRef<HTMLElement>(null);
  const count = items.length + 1;
  // The pack can shrink under us (another tab): stay on a slide that exists.
  const slide = Math.min(requested, count - 1);
  useDocumentTitle(`Slide ${slide + 1} of ${count}: meeting pack`);

  const leave = () => {
    exitFullscreen();
    void navigate({ pathname: '/meeting-pack', search });
  };

  const onKey = useEffectEvent((event: KeyboardEvent) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const target = event.target instanceof Element ? event.target : null;
    // Space and Enter on a focused button press that button; let them.
    if ((event.key === ' ' || event.key === 'Enter') && target?.closest('button, input, textarea, a')) return;
    let handled = true;
    if (NEXT.has(event.key)) setSlide(Math.min(slide + 1, count - 1));
    else if (PREVIOUS.has(event.key)) setSlide(Math.max(slide - 1, 0));
    else if (event.key === 'Home') setSlide(0);
    else if (event.key === 'End') setSlide(count - 1);
    else if (event.key === 'Escape') leave();
    else handled = false;
    if (handled) event.preventDefault();
  });
  // In full screen the browser takes Escape to leave full screen; leaving it leaves the show.
  const onFullscreenChange = useEffectEvent(() => {
    if (!document.fullscreenElement) leave();
  });

  useEffect(() => {
    const key = (event: KeyboardEvent) => onKey(event);
    const fullscreen = () => onFullscreenChange();
    document.addEventListener('keydown', key);
    document.addEventListener('fullscreenchange', fullscreen);
    return () => {
      document.removeEventListener('keydown', key);
      document.removeEventListener('fullscreenchange', fullscreen);
    };
  }, []);

  // Move focus to the new slide so a screen reader announces it.
  useEffect(() => {
    slideRef.current?.focus();
  }, [slide]);

  const item = slide > 0 ? items[slide - 1] : undefined;
  const label = `Slide ${slide + 1} of ${count}`;

  return (
    <main className="presenter">
      <h1 className="visually-hidden">Meeting pack presentation</h1>
      <section ref={slideRef} className="slide" tabIndex={-1} aria-label={label} key={slide}>
        {item ? <ChartSlide item={item} showNotes={showNotes} /> : <TitleSlide />}
      </section>
      <nav className="presenter__bar" aria-label="Presentation">
        <button
          type="button"
          className="button button--secondary"
          disabled={slide === 0}
          onClick={() => setSlide(slide - 1)}
        >
          Previous slide
        </button>
        <p className="presenter__counter" aria-live="polite">
          {label}
        </p>
        <button
          type="button"
          className="button button--secondary"
          disabled={slide === count - 1}
          onClick={() => setSlide(slide + 1)}
        >
          Next slide
        </button>
        <button
          type="button"
          className="button button--secondary"
          aria-pressed={showNotes}
          onClick={() => setShowNotes((shown) => !shown)}
        >
          Speaker notes
        </button>
        <button type="button" className="button" onClick={leave}>
          Leave presentation <span className="presenter__key">(Esc)</span>
        </button>
      </nav>
    </main>
  );
}

function TitleSlide() {
  const board = useQuery(boardQueries.detail());
  const { year } = useReportingYear();
  return (
    <div className="slide__title-page">
      <h2 className="slide__board">{board.data?.name ?? 'Safeguarding children board'}</h2>
      <p className="slide__subtitle">Meeting pack{year ? `: reporting year ${year}` : ''}</p>
      <p className="slide__date">{todayInWords()}</p>
      {board.data?.illustrativeNotice ? <p className="slide__illustrative">Illustrative data</p> : null}
    </div>
  );
}

function ChartSlide({ item, showNotes }: { item: PackItem; showNotes: boolean }) {
  // The chart takes about half the screen; the headline, key figure and narrative the rest.
  const height = Math.max(220, Math.round(window.innerHeight * 0.36));
  return (
    <PackChartView item={item}>
      {(state) => (
        <>
          {state.status === 'pending' ? <LoadingState label="Loading the chart" /> : null}
          {state.status === 'error' ? <ErrorState error={state.error} onRetry={state.retry} /> : null}
          {state.status === 'ready' ? (
            <>
              <div className="slide__meta">
                <p className="slide__period">{state.chart.period}</p>
                {state.chart.illustrative ? <p className="slide__illustrative">Illustrative data</p> : null}
              </div>
              {state.chart.keyFigure ? (
                <p className="slide__key-figure">
                  <span className="slide__key-value">{state.chart.keyFigure.value}</span>{' '}
                  <span className="slide__key-period">
                    {state.chart.keyFigure.caption ?? `in ${state.chart.keyFigure.period}`}
                  </span>
                </p>
              ) : null}
              <PackFigure
                figure={state.chart.figure}
                toolbar={false}
                height={height}
                className="slide__figure"
              />
            </>
          ) : null}
          {showNotes ? (
            <aside className="slide__notes" aria-label="Speaker note">
              <h2 className="visually-hidden">Speaker note</h2>
              <p>{item.note || 'No note for this slide.'}</p>
            </aside>
          ) : null}
        </>
      )}
    </PackChartView>
  );
}
