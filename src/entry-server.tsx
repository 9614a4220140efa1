import { dehydrate, type DehydratedState } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { prerenderToNodeStream } from 'react-dom/static';
import { StaticRouter } from 'react-router';
import { AppProviders, AppRoutes } from './app/app';
import { RenderedPagesContext } from './app/lazy-page';
import { ServerPartsContext, type ServerParts } from './app/server-part';
import { createQueryClient } from './lib/query-client';

/** The data for a page, keyed as the dashboard's queries key it (see api/queries). */
export type PageData = { queryKey: readonly unknown[]; data: unknown }[];

/**
 * The data service's server rendering: the page at `url` drawn with the data given (the
 * overview's figures, narrative and chart as SVG), and that data as the dashboard's query cache,
 * for the browser to hydrate from without fetching it again. The whole page is waited for,
 * lazy chunks included, so what is sent is complete; `modules` are the lazy pages it drew (their
 * sources), whose code the browser is told to fetch at once. `parts`, from the data service, holds
 * the parts of pages it has drawn before (src/app/server-part.tsx), used again rather than drawn.
 */
export async function renderPage(
  url: string,
  pageData: PageData,
  widthGuess: number,
  parts: ServerParts | null = null,
): Promise<{ html: string; state: DehydratedState; modules: string[] }> {
  // The page is drawn from the same cache it hands over: what the browser hydrates is what was drawn.
  const client = createQueryClient();
  for (const { queryKey, data } of pageData) client.setQueryData(queryKey, data);
  const state = dehydrate(client);
  const errors: unknown[] = [];
  const modules = new Set<string>();
  const { prelude } = await prerenderToNodeStream(
    <StrictMode>
      <RenderedPagesContext value={modules}>
        <ServerPartsContext value={parts}>
          <AppProviders queryClient={client} widthGuess={widthGuess} hydrating>
            <StaticRouter location={url}>
              <AppRoutes />
            </StaticRouter>
          </AppProviders>
        </ServerPartsContext>
      </RenderedPagesContext>
    </StrictMode>,
    {
      onError: (error) => void errors.push(error),
      // Every Suspense boundary inline, however large: a boundary sent apart would be put in place
      // by an inline script, which the CSP refuses.
      progressiveChunkSize: Number.MAX_SAFE_INTEGER,
    },
  );
  // Read as events, not `for await`: an async iterator costs a promise per chunk, and React writes
  // the page in chunks of 4 kB (issue 22).
  const html = await new Promise<string>((done, fail) => {
    const chunks: Buffer[] = [];
    prelude.on('data', (chunk: Buffer) => chunks.push(chunk));
    prelude.once('end', () => done(Buffer.concat(chunks).toString('utf8')));
    prelude.once('error', fail);
  });
  client.clear();
  // A part that failed on the server would be left to the browser by an inline script, which the
  // CSP refuses: the whole page is drawn in the browser instead.
  if (errors.length) throw new AggregateError(errors, `Drawing ${url} on the server failed`);
  return { html, state, modules: [...modules] };
}
