import { useQueryErrorResetBoundary } from '@tanstack/react-query';
import { useId, type ReactNode } from 'react';
import { ErrorBoundary } from './error-boundary';
import { ErrorState } from './states';

interface Props {
  title: string;
  /** Optional text beside the title, such as the period shown. */
  meta?: ReactNode;
  className?: string;
  children: ReactNode;
}

/** A titled section of a page. Anything that throws inside it is caught here, with a retry. */
export function Panel({ title, meta, className, children }: Props) {
  const headingId = useId();
  const { reset } = useQueryErrorResetBoundary();
  return (
    <section className={`panel ${className ?? ''}`} aria-labelledby={headingId}>
      <header className="panel__header">
        <h2 id={headingId} className="panel__title">
          {title}
        </h2>
        {meta ? <p className="panel__meta">{meta}</p> : null}
      </header>
      <ErrorBoundary
        onReset={reset}
        fallback={(error, retry) => <ErrorState error={error} onRetry={retry} />}
      >
        {children}
      </ErrorBoundary>
    </section>
  );
}
