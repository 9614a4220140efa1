import { useQuery } from '@tanstack/react-query';
import { useEffect, useEffectEvent, useRef, useState, useSyncExternalStore } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { boardQueries } from '../../api/queries';
import { ChartTextContext, slideFontSize } from '../../components/charts/chart-text';
import { QueryFailure } from '../../components/query-state';
import { LoadingState } from '../../components/states';
import { Unbroken } from '../../components/unbroken';
import type { PackItem } from '../../lib/meeting-pack';
import { yearLabel } from '../../lib/reporting-range';
import { todayInWords } from '../../lib/today';
import { useDocumentTitle } from '../../lib/use-document-title';
import { useBoardName } from '../../lib/use-board-name';
import { useReportingRange } from '../../lib/use-reporting-range';
import { useReportingYear } from '../../lib/use-reporting-year';
import { usePackItems } from '../../stores/meeting-pack-store';
import { exitFullscreen } from './fullscreen';
import { useIdleControls } from './idle-controls';
import { ChartFailure, PackChartView, PackFigure } from './pack-chart-view';
import { slideForKey, usePresentationChannel } from './presentation-channel';

/** The window's height, to size chart type for the room: 2.6% of it (see chart-text). */
function useViewportHeight(): number {
  return useSyncExternalStore(
    (notify) => {
      window.addEventListener('resize', notify);
      return () => window.removeEventListener('resize', notify);
    },
    () => window.innerHeight,
    () => 768,
  );
}

/**
 * The pack as a presentation for the audience: a title slide, then one chart per slide in type
 * sized for the room, fitted to the screen whatever its size. A presenter's clicker sends Page Up /
 * Page Down (or arrows, or space); Escape leaves. The controls stay out of the audience's sight
 * until the pointer moves or a key is pressed, and go again when it rests. Speaker notes are never shown here: the presenter
 * view, in a second window, has them, and follows this window's slide (and moves it).
 */
export function PresentPage() {
  const items = usePackItems();
  const [requested, setSlide] = useState(0);
  const [startedAt] = useState(() => Date.now());
  const [blocked, setBlocked] = useState(false);
  const navigate = useNavigate();
  const { search } = useLocation();
  const slideRef = useRef<HTMLElement>(null);
  const barRef = useRef<HTMLElement>(null);
  const controls = useIdleControls(barRef);
  const count = items.length + 1;
  // The pack can shrink under us (another tab): stay on a slide that exists.
  const slide = Math.min(requested, count - 1);
  const viewportHeight = useViewportHeight();
  useDocumentTitle(`Slide ${slide + 1} of ${count}: meeting pack`);

  // A presenter view that opens (or reopens) asks where the presentation is: answer by saying it again.
  const [asked, setAsked] = useState(0);
  const post = usePresentationChannel((message) => {
    if (message.type === 'hello') setAsked((n) => n + 1);
    if (message.type === 'go') setSlide(Math.max(0, Math.min(message.slide, count - 1)));
  });

  useEffect(() => {
    post({ type: 'state', slide, count, startedAt });
  }, [post, slide, count, startedAt, asked]);

  const leave = () => {
    post({ type: 'ended' });
    exitFullscreen();
    // The meeting pack puts focus back on its Present button.
    void navigate({ pathname: '/meeting-pack', search }, { state: { returnFocus: 'present' } });
  };

  const openPresenterView = () => {
    const opened = window.open(
      `/meeting-pack/presenter${search}`,
      'lscb-presenter-view',
      'popup,width=1100,height=760',
    );
    setBlocked(!opened);
  };

  const onKey = useEffectEvent((event: KeyboardEvent) => {
    controls.reveal();
    const next = slideForKey(event, slide, count);
    if (next !== null) {
      setSlide(next);
      event.preventDefault();
    } else if (event.key === 'Escape') {
      leave();
      event.preventDefault();
    }
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
    <ChartTextContext.Provider value={{ fontSize: slideFontSize(viewportHeight), fillHeight: true }}>
      <main className="presenter">
        <h1 className="visually-hidden">Meeting pack presentation</h1>
        <section ref={slideRef} className="slide" tabIndex={-1} aria-label={label} key={slide}>
          {item ? <ChartSlide item={item} /> : <TitleSlide />}
        </section>
        {/* Hidden until the pointer moves or a key is pressed (and while a warning stands, shown). */}
        <nav
          ref={barRef}
          className={`presenter__bar${controls.shown || blocked ? '' : ' presenter__bar--hidden'}`}
          aria-label="Presentation"
        >
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
          <button type="button" className="button button--secondary" onClick={openPresenterView}>
            Presenter view
          </button>
          <button type="button" className="button" onClick={leave}>
            Leave presentation <span className="presenter__key">(Esc)</span>
          </button>
          {blocked ? (
            <p className="presenter__blocked" role="alert">
              The browser blocked the presenter view’s window. Allow pop-ups for this site, then try again.
            </p>
          ) : null}
        </nav>
      </main>
    </ChartTextContext.Provider>
  );
}

function TitleSlide() {
  const board = useQuery(boardQueries.detail());
  const boardName = useBoardName();
  const { year } = useReportingYear();
  const range = useReportingRange();
  return (
    <div className="slide__title-page">
      <h2 className="slide__board">{boardName ?? '\u00a0'}</h2>
      <p className="slide__subtitle">
        <Unbroken
          text={`Meeting pack${year ? `: reporting year ${yearLabel(year, range)}` : board.isError ? ': the reporting year is not known' : ''}`}
        />
      </p>
      <p className="slide__date">{todayInWords()}</p>
      {board.data?.illustrativeNotice ? <p className="slide__illustrative">Illustrative data</p> : null}
      <QueryFailure
        query={board}
        what="The board’s details"
        missing="its name and the reporting year cannot be shown"
        saySignIn
      />
    </div>
  );
}

function ChartSlide({ item }: { item: PackItem }) {
  return (
    <PackChartView item={item}>
      {(state) => (
        <>
          {state.status === 'pending' ? <LoadingState label="Loading the chart" /> : null}
          {state.status === 'error' ? (
            <ChartFailure state={state} missing="this slide cannot be shown" />
          ) : null}
          {state.status === 'ready' ? (
            <>
              <div className="slide__meta">
                {state.chart.keyFigure ? (
                  <p className="slide__key-figure">
                    <span className="slide__key-value">{state.chart.keyFigure.value}</span>{' '}
                    <span className="slide__key-period">
                      <Unbroken
                        text={state.chart.keyFigure.caption ?? `in ${state.chart.keyFigure.period}`}
                      />
                    </span>
                  </p>
                ) : null}
                {state.chart.heading !== state.chart.title ? (
                  <p className="slide__period">
                    <Unbroken text={state.chart.period} />
                  </p>
                ) : null}
                {state.chart.illustrative ? <p className="slide__illustrative">Illustrative data</p> : null}
              </div>
              <PackFigure figure={state.chart.figure} toolbar={false} className="slide__figure" />
            </>
          ) : null}
        </>
      )}
    </PackChartView>
  );
}
