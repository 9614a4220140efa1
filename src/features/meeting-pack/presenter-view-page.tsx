import { useEffect, useEffectEvent, useState } from 'react';
import type { PackItem } from '../../lib/meeting-pack';
import { LoadingState } from '../../components/states';
import { Unbroken } from '../../components/unbroken';
import { useDocumentTitle } from '../../lib/use-document-title';
import { usePackItems } from '../../stores/meeting-pack-store';
import { ChartFailure, PackChartView, PackFigure } from './pack-chart-view';
import { slideForKey, usePresentationChannel } from './presentation-channel';

type Link = 'waiting' | 'connected' | 'ended';

/** The next slide's chart, drawn small beside the notes. */
const NEXT_SLIDE_HEIGHT = 240;

function elapsed(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${two(m)}:${two(s)}`;
}

/**
 * The presenter's own window: the current slide's title and speaker note, the next slide, the time
 * since the presentation started and the slide counter. It follows the audience window and moves
 * it (over a BroadcastChannel); the audience never sees the notes.
 */
export function PresenterViewPage() {
  const items = usePackItems();
  const count = items.length + 1;
  const [slide, setSlide] = useState(0);
  const [startedAt, setStartedAt] = useState<number | null>(null);
  const [link, setLink] = useState<Link>('waiting');
  const [now, setNow] = useState(() => Date.now());
  useDocumentTitle(`Presenter view: slide ${slide + 1} of ${count}`);

  const post = usePresentationChannel((message) => {
    if (message.type === 'state') {
      setSlide(message.slide);
      setStartedAt(message.startedAt);
      setLink('connected');
    }
    if (message.type === 'ended') setLink('ended');
  });

  // Ask the audience window where it is, now and until it answers.
  useEffect(() => {
    if (link !== 'waiting') return;
    post({ type: 'hello' });
    const retry = setInterval(() => post({ type: 'hello' }), 1000);
    return () => clearInterval(retry);
  }, [post, link]);

  useEffect(() => {
    const tick = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(tick);
  }, []);

  const go = (next: number) => {
    const bounded = Math.max(0, Math.min(next, count - 1));
    setSlide(bounded);
    post({ type: 'go', slide: bounded });
  };

  const onKey = useEffectEvent((event: KeyboardEvent) => {
    const next = slideForKey(event, slide, count);
    if (next !== null) {
      go(next);
      event.preventDefault();
    }
  });
  useEffect(() => {
    const key = (event: KeyboardEvent) => onKey(event);
    document.addEventListener('keydown', key);
    return () => document.removeEventListener('keydown', key);
  }, []);

  const current = slide > 0 ? items[slide - 1] : undefined;
  const next = items[slide];

  return (
    <main className="presenter-view">
      <header className="presenter-view__header">
        <h1 className="presenter-view__title">Presenter view</h1>
        <p className="presenter-view__counter" aria-live="polite">
          Slide {slide + 1} of {count}
        </p>
        <p className="presenter-view__elapsed">
          Elapsed{' '}
          <span className="presenter-view__time">{startedAt ? elapsed(now - startedAt) : '00:00'}</span>
        </p>
        <p className="presenter-view__link" role="status">
          {link === 'connected'
            ? 'In step with the presentation'
            : link === 'ended'
              ? 'The presentation has ended'
              : 'Waiting for the presentation window'}
        </p>
      </header>
      <div className="button-row">
        <button
          type="button"
          className="button button--secondary"
          disabled={slide === 0}
          onClick={() => go(slide - 1)}
        >
          Previous slide
        </button>
        <button type="button" className="button" disabled={slide === count - 1} onClick={() => go(slide + 1)}>
          Next slide
        </button>
      </div>
      <section className="presenter-view__now" aria-labelledby="presenter-now">
        <h2 id="presenter-now" className="presenter-view__label">
          Now: <SlideTitle item={current} />
        </h2>
        <div className="presenter-view__notes" aria-label="Speaker note">
          {current ? (
            current.note ? (
              <p>{current.note}</p>
            ) : (
              <p className="presenter-view__empty">No note for this slide.</p>
            )
          ) : (
            <p className="presenter-view__empty">The title slide.</p>
          )}
        </div>
      </section>
      <section className="presenter-view__next" aria-labelledby="presenter-next">
        <h2 id="presenter-next" className="presenter-view__label">
          Next: {next ? <SlideTitle item={next} /> : 'the end of the pack'}
        </h2>
        {next ? (
          <NextSlide item={next} />
        ) : (
          <p className="presenter-view__empty">End of the pack: this is the last slide.</p>
        )}
      </section>
    </main>
  );
}

function SlideTitle({ item }: { item: PackItem | undefined }) {
  if (!item) return <>the title slide</>;
  return (
    <PackChartView item={item}>
      {(state) =>
        state.status === 'ready' ? (
          <Unbroken text={state.chart.heading} />
        ) : state.status === 'error' ? (
          <>a chart that cannot be shown</>
        ) : (
          <>a chart (loading)</>
        )
      }
    </PackChartView>
  );
}

/**
 * The next slide itself, drawn small with the same figure the audience will see; or, when its data
 * cannot be loaded, what is missing, so the presenter knows before moving to it in front of the room.
 */
function NextSlide({ item }: { item: PackItem }) {
  return (
    <div className="presenter-view__next-slide">
      <PackChartView item={item}>
        {(state) => (
          <>
            {state.status === 'pending' ? <LoadingState label="Loading the next slide" /> : null}
            {state.status === 'error' ? (
              <ChartFailure state={state} missing="the next slide cannot be shown" />
            ) : null}
            {state.status === 'ready' ? (
              <PackFigure figure={state.chart.figure} toolbar={false} height={NEXT_SLIDE_HEIGHT} />
            ) : null}
          </>
        )}
      </PackChartView>
    </div>
  );
}
