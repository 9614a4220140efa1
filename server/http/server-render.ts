import { matchPath } from 'react-router';
import {
  adminQueries,
  actionPlanQueries,
  boardQueries,
  indicatorQueries,
  partnershipQueries,
  qualityAssuranceQueries,
  sessionQueries,
} from '../../src/api/queries';
import type { DehydratedState } from '@tanstack/react-query';
import type { Session } from '../../src/api/contract';
import { can } from '../../src/api/permissions';
import { DEFAULT_WIDTH_GUESS, PHONE_WIDTH_GUESS } from '../../src/app/app';
import { routeStatus } from '../../src/app/routes';
import { partHtml, type ServerParts } from '../../src/app/server-part';
import { renderPage, type PageData } from '../../src/entry-server';
import { featuredIndicatorId } from '../../src/features/overview/featured-panel';
import type { ActiveSession } from '../auth/sessions';
import type { Queryable } from '../db/database';
import { findBoard } from '../store/board';
import { published } from '../store/published';
import { KeptText, PageMarks, type PartCache } from './page-cache';
import { Problem } from './problem';
import type { Services } from './env';

type Loader = (db: Queryable, params: Record<string, string | undefined>) => Promise<PageData>;

/** Noted in a page's data when the record its address names is not there: the page answers 404. */
const MISSING_KEY = ['page', 'record-not-found'] as const;
const isMissing = (entry: PageData[number]) =>
  entry.queryKey.length === MISSING_KEY.length && entry.queryKey.every((k, i) => k === MISSING_KEY[i]);

/**
 * A page that opens on the board's current year: its year's list, read for that year, and what it
 * shows beside it.
 */
const currentYearLoader =
  (
    key: (year: string) => readonly unknown[],
    read: (db: Queryable, year: string) => Promise<unknown>,
    beside: (db: Queryable) => Promise<PageData[number]>,
  ): Loader =>
  async (db) => {
    const { currentYear } = await published.board(db);
    return [{ queryKey: key(currentYear), data: await read(db, currentYear) }, await beside(db)];
  };

const optional = async (load: () => Promise<PageData>): Promise<PageData> => {
  try {
    return await load();
  } catch (error) {
    // Not there (an indicator since removed, say): the page asks for it itself and says so, and
    // the address answers 404. Anything else is not a fact about the data, so the page is not
    // drawn here at all.
    if (error instanceof Problem && error.status === 404) return [{ queryKey: [...MISSING_KEY], data: true }];
    throw error;
  }
};

/** The data each page draws first, read as the API would answer it. */
const pages: { path: string; load: Loader }[] = [
  {
    path: '/',
    load: async (db) => {
      const headline = await published.indicatorSummary(db, true);
      const board = await findBoard(db);
      const featured = featuredIndicatorId(board, headline.indicators);
      // The tile worked out from the audit programme is drawn from it.
      const counted = headline.indicators.some((i) => i.id === board?.auditScheduleIndicatorId);
      return [
        { queryKey: indicatorQueries.headline().queryKey, data: headline },
        ...(counted
          ? [{ queryKey: qualityAssuranceQueries.audits().queryKey, data: await published.audits(db) }]
          : []),
        ...(featured
          ? await optional(async () => [
              {
                queryKey: indicatorQueries.detail(featured).queryKey,
                data: await published.indicator(db, featured),
              },
            ])
          : []),
        { queryKey: indicatorQueries.annotations().queryKey, data: await published.annotations(db) },
      ];
    },
  },
  {
    path: '/indicators',
    load: async (db) => [
      { queryKey: indicatorQueries.summaries().queryKey, data: await published.indicatorSummary(db) },
    ],
  },
  {
    path: '/indicators/:id',
    load: async (db, { id = '' }) => [
      ...(await optional(async () => [
        { queryKey: indicatorQueries.detail(id).queryKey, data: await published.indicator(db, id) },
        { queryKey: adminQueries.revisions(id).queryKey, data: await published.revisions(db, id) },
      ])),
      { queryKey: indicatorQueries.annotations().queryKey, data: await published.annotations(db) },
    ],
  },
  {
    path: '/quality-assurance',
    // The board's current year's audits, which the page opens on (another year is read by the
    // browser). The board is there: a page is not drawn here before it is.
    load: currentYearLoader(
      (year) => qualityAssuranceQueries.auditsForYear(year).queryKey,
      (db, year) => published.audits(db, year),
      async (db) => ({
        queryKey: qualityAssuranceQueries.seriousCaseReviews().queryKey,
        data: await published.seriousCaseReviews(db),
      }),
    ),
  },
  {
    path: '/action-plan',
    // The board's current year's plan, which the page opens on (as for quality assurance).
    load: currentYearLoader(
      (year) => actionPlanQueries.planForYear(year).queryKey,
      (db, year) => published.actionPlan(db, year),
      async (db) => ({
        queryKey: actionPlanQueries.ofstedRecommendations().queryKey,
        data: await published.ofstedRecommendations(db),
      }),
    ),
  },

  {
    path: '/partnership',
    load: async (db) => [
      { queryKey: partnershipQueries.funding().queryKey, data: await published.funding(db) },
      { queryKey: partnershipQueries.links().queryKey, data: await published.partnership(db) },
    ],
  },
];

/** JSON inside a `<script type="application/json">`: nothing in it can end the element or start markup. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => ESCAPES[c]!);
}

const ESCAPES: Record<string, string> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

/** Below this, data's JSON is written into each page rather than kept apart with its compressed bytes. */
const KEEP_JSON_FROM = 1024;

/**
 * The JSON of data read for pages, kept with it: that data is read once per version of the board's
 * data and shared, frozen, by every page drawn from it (ReadCache.value), so its JSON is written
 * (and compressed) once, not for every page.
 */
const keptJson = new WeakMap<object, KeptText | string>();

/** `json` (an object's) with one more key, whose value is `value` (JSON already). */
const withKey = (json: string, key: string, value: string) =>
  `${json.length > 2 ? `${json.slice(0, -1)},` : '{'}${JSON.stringify(key)}:${value}}`;

/**
 * The data handed to the browser with a page (`scriptJson(state)`, in meaning): each query's data
 * read for pages written once per data version and put in by its mark (see PageMarks); the rest
 * (who is signed in, when each was read) written for this page.
 */
export function stateJson(state: DehydratedState, marks: PageMarks): string {
  const dataJson = (data: unknown) => {
    if (!data || typeof data !== 'object' || !Object.isFrozen(data)) return scriptJson(data);
    let kept = keptJson.get(data);
    if (kept === undefined) {
      const json = scriptJson(data);
      kept = json.length >= KEEP_JSON_FROM ? new KeptText(json) : json;
      keptJson.set(data, kept);
    }
    return typeof kept === 'string' ? kept : marks.mark(kept);
  };
  const queries = state.queries.map(({ state: { data, ...rest }, ...query }) =>
    withKey(
      scriptJson(query),
      'state',
      data === undefined ? scriptJson(rest) : withKey(scriptJson(rest), 'data', dataJson(data)),
    ),
  );
  const { queries: _, ...others } = state;
  return withKey(scriptJson(others), 'queries', `[${queries.join(',')}]`);
}

/**
 * The width to draw charts at before the browser has measured them: a phone's column when the
 * browser says it is a phone (Sec-CH-UA-Mobile, or a mobile user agent), otherwise a laptop's.
 * A wrong guess costs nothing but a redraw: the chart keeps its height and scales to fit until then.
 */
export function widthGuessFor(headers: { userAgent?: string | undefined; mobileHint?: string | undefined }) {
  const mobile = headers.mobileHint === '?1' || /\b(Mobile|Android|iPhone)\b/.test(headers.userAgent ?? '');
  return mobile ? PHONE_WIDTH_GUESS : DEFAULT_WIDTH_GUESS;
}

export interface ServerRendered {
  /** The page drawn, and the data handed over with it: with marks of kept text (`marks.page` puts it in). */
  html: string;
  json: string;
  widthGuess: number;
  /** The lazily loaded pages drawn, by source (`src/features/…`), for the browser to fetch at once. */
  modules: string[];
  /** 404 when the address names no page, or a record that is not there. */
  status: 200 | 404;
}

/**
 * The page drawn on the server for a signed-in person: the app's own components with the data the
 * page shows first, and that data handed to the browser in a JSON block (the strict CSP allows no
 * inline script, and needs none). Null if drawing it fails, or the board is not set up yet: the
 * browser then draws it as usual.
 */
export async function serverRender(
  services: Services,
  url: URL,
  session: ActiveSession,
  widthGuess: number = DEFAULT_WIDTH_GUESS,
  kept: PartCache | null = null,
  marks: PageMarks = new PageMarks(),
): Promise<ServerRendered | null> {
  try {
    const { db, config, cache } = services;
    // What the API would refuse this person, the page does not carry either: it asks, and says so.
    const readable = can.read(session.user);
    const base: PageData = [
      {
        queryKey: sessionQueries.current().queryKey,
        data: {
          user: session.user,
          method: session.method,
          expiresAt: session.expiresAt,
          idleMinutes: config.sessionIdleMinutes,
        } satisfies Session,
      },
      ...(readable
        ? await cache.value('page-data\u0000board', session.dataVersion, () =>
            optional(async () => [
              { queryKey: boardQueries.detail().queryKey, data: await published.board(db) },
            ]),
          )
        : []),
    ];
    // A board not set up yet: the browser draws the page. Drawn here, its parts would show the
    // board "loading" while the browser, asking for it straight away, learns it is not there; a part
    // whose code arrives after that answer would then draw the set-up form over the server's
    // "loading", and React refuses a page that does not match what was sent. A new board is in
    // this state for minutes, once: nothing is lost by not drawing it here.
    if (base.some(isMissing)) return null;
    const page = readable
      ? pages.find((p) => matchPath({ path: p.path, end: true }, url.pathname))
      : undefined;
    const match = page ? matchPath({ path: page.path, end: true }, url.pathname) : null;
    // Read once per version of the board's data, as the API's answers are: every signed-in
    // reader of a page is drawn from the same published figures.
    const data =
      page && match
        ? await cache.value(
            `page-data\u0000${page.path}\u0000${JSON.stringify(match.params)}`,
            session.dataVersion,
            () => page.load(db, match.params),
          )
        : [];
    const missing = data.some(isMissing);
    // The parts of the page drawn from the board's data alone, kept from an earlier drawing of the
    // same data version for anyone with the same rights (src/app/server-part.tsx).
    const keptModules = new Set<string>();
    const parts: ServerParts | null = kept && {
      context: JSON.stringify([
        session.dataVersion,
        widthGuess,
        session.user.role,
        session.user.agencyIds,
        session.user.actionOwner,
        services.today(),
      ]),
      // A part kept is written into the page by its mark (its bytes, compressed once, copied in).
      find: (key) => {
        const part = kept.get(key);
        if (!part) return undefined;
        for (const module of part.modules) keptModules.add(module);
        return marks.mark(part.html);
      },
      drawn: new Map(),
    };
    const { html, state, modules } = await renderPage(
      url.pathname + url.search,
      [...base, ...data.filter((entry) => !isMissing(entry))],
      widthGuess,
      parts,
    );
    for (const [id, key] of parts?.drawn ?? []) {
      const part = partHtml(html, id);
      if (part !== null) kept!.set(key, { html: new KeptText(marks.resolve(part)), modules });
    }
    const status = missing ? 404 : routeStatus(url.pathname);
    return {
      html,
      json: stateJson(state, marks),
      widthGuess,
      modules: [...new Set([...modules, ...keptModules])],
      status,
    };
  } catch (error) {
    services.log.error(`Drawing ${url.pathname} on the server failed; the browser draws it instead`, error);
    return null;
  }
}
