import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { apiGet, type WithSkipped } from './client';
import { HttpError, isNotFound } from './errors';
import { asRoundsPage } from '../lib/returns-due';
import { isLocalId, loadLocalIndicators, type ListedIndicator, type ListedSummary } from './local-indicators';

/**
 * One query-options factory per API area. Keys start with the area and include every variable
 * the request depends on, so invalidating `['indicators']` refreshes all indicator queries.
 */
export const boardQueries = {
  all: () => ['board'] as const,
  detail: () =>
    queryOptions({
      queryKey: [...boardQueries.all(), 'detail'] as const,
      queryFn: ({ signal }) => apiGet('board', { signal }),
      staleTime: 10 * 60_000,
    }),
};

export const indicatorQueries = {
  all: () => ['indicators'] as const,
  list: () =>
    queryOptions({
      queryKey: [...indicatorQueries.all(), 'list'] as const,
      // The API's indicators, then any the user imported into this browser (ids `local-...`).
      queryFn: async ({ signal }): Promise<WithSkipped<{ indicators: ListedIndicator[] }>> => {
        const [api, local] = await Promise.all([apiGet('indicators', { signal }), loadLocalIndicators()]);
        return { ...api, indicators: [...api.indicators, ...local] };
      },
    }),
  /**
   * Every indicator as lists show it (the indicators page): without comparators, so the answer stays
   * small however big the board; an indicator's whole series loads when it is opened (`detail`).
   */
  summaries: () =>
    queryOptions({
      queryKey: [...indicatorQueries.all(), 'summary'] as const,
      queryFn: async ({ signal }): Promise<WithSkipped<{ indicators: ListedSummary[] }>> => {
        const [api, local] = await Promise.all([
          apiGet('indicatorSummary', { signal }),
          loadLocalIndicators(),
        ]);
        return { ...api, indicators: [...api.indicators, ...local] };
      },
    }),
  /** The headline indicators' summaries only (the overview's tiles). */
  headline: () =>
    queryOptions({
      queryKey: [...indicatorQueries.all(), 'summary', 'headline'] as const,
      queryFn: async ({ signal }): Promise<WithSkipped<{ indicators: ListedSummary[] }>> => {
        const [api, local] = await Promise.all([
          apiGet('indicatorSummary', { signal, query: { headline: 'true' } }),
          loadLocalIndicators(),
        ]);
        return { ...api, indicators: [...api.indicators, ...local.filter((i) => i.headline)] };
      },
    }),
  detail: (id: string) =>
    queryOptions({
      queryKey: [...indicatorQueries.all(), 'detail', id] as const,
      queryFn: async ({ signal }): Promise<ListedIndicator> => {
        if (!isLocalId(id)) return apiGet('indicator', { signal, params: { id } });
        const found = (await loadLocalIndicators()).find((i) => i.id === id);
        if (!found) throw new HttpError(`local:${id}`, 404, 'This imported indicator has been removed.', {});
        return found;
      },
    }),
  /** Only the indicators imported into this browser. */
  local: () =>
    queryOptions({
      queryKey: [...indicatorQueries.all(), 'local'] as const,
      queryFn: () => loadLocalIndicators(),
    }),
  annotations: () =>
    queryOptions({
      queryKey: [...indicatorQueries.all(), 'annotations'] as const,
      queryFn: ({ signal }) => apiGet('annotations', { signal }),
    }),
};

export const qualityAssuranceQueries = {
  all: () => ['quality-assurance'] as const,
  /** The whole programme, every year (the meeting pack, the new year, the overview's audit tile). */
  audits: () =>
    queryOptions({
      queryKey: [...qualityAssuranceQueries.all(), 'audits'] as const,
      queryFn: ({ signal }) => apiGet('audits', { signal }),
    }),
  /**
   * What one reporting year shows (the quality assurance page): under `audits()`'s key, so a save
   * that refreshes the programme refreshes every year read too.
   */
  auditsForYear: (year: string) =>
    queryOptions({
      queryKey: [...qualityAssuranceQueries.audits().queryKey, year] as const,
      queryFn: ({ signal }) => apiGet('audits', { signal, query: { year } }),
    }),
  seriousCaseReviews: () =>
    queryOptions({
      queryKey: [...qualityAssuranceQueries.all(), 'serious-case-reviews'] as const,
      queryFn: ({ signal }) => apiGet('seriousCaseReviews', { signal }),
    }),
};

export const actionPlanQueries = {
  all: () => ['action-plan'] as const,
  /** The whole plan, every year (the meeting pack, the new year, the people page's owners). */
  plan: () =>
    queryOptions({
      queryKey: [...actionPlanQueries.all(), 'plan'] as const,
      queryFn: ({ signal }) => apiGet('actionPlan', { signal }),
    }),
  /**
   * The plan as one reporting year shows it (the action plan page), with the actions closed before
   * it in brief; under `plan()`'s key, so a save that refreshes the plan refreshes every year read.
   */
  planForYear: (year: string) =>
    queryOptions({
      queryKey: [...actionPlanQueries.plan().queryKey, year] as const,
      queryFn: ({ signal }) => apiGet('actionPlan', { signal, query: { year } }),
    }),
  ofstedRecommendations: () =>
    queryOptions({
      queryKey: [...actionPlanQueries.all(), 'ofsted-recommendations'] as const,
      queryFn: ({ signal }) => apiGet('ofstedRecommendations', { signal }),
    }),
};

export const partnershipQueries = {
  all: () => ['partnership'] as const,
  funding: () =>
    queryOptions({
      queryKey: [...partnershipQueries.all(), 'funding'] as const,
      queryFn: ({ signal }) => apiGet('funding', { signal }),
    }),
  links: () =>
    queryOptions({
      queryKey: [...partnershipQueries.all(), 'links'] as const,
      queryFn: ({ signal }) => apiGet('partnership', { signal }),
    }),
};

/**
 * Who is signed in. `null` when the API has no sign-in of its own (it answers /session with 404:
 * a board's own API behind its single sign-on); a signed-out person gets the 401 as an error.
 */
export const sessionQueries = {
  all: () => ['session'] as const,
  current: () =>
    queryOptions({
      queryKey: [...sessionQueries.all(), 'current'] as const,
      queryFn: async ({ signal }) => {
        try {
          return await apiGet('session', { signal });
        } catch (error) {
          if (isNotFound(error)) return null;
          throw error;
        }
      },
      staleTime: 5 * 60_000,
      retry: false,
    }),
  /** How people may sign in: the organisation's single sign-on, if the board has set it up. */
  signInOptions: () =>
    queryOptions({
      queryKey: [...sessionQueries.all(), 'sign-in-options'] as const,
      queryFn: ({ signal }) => apiGet('signInOptions', { signal }),
      staleTime: 5 * 60_000,
      retry: false,
    }),
  /** The email notices the signed-in person has turned off. */
  mailPreferences: () =>
    queryOptions({
      queryKey: [...sessionQueries.all(), 'mail-preferences'] as const,
      queryFn: ({ signal }) => apiGet('mailPreferences', { signal }),
      staleTime: 0,
    }),
};

export const returnQueries = {
  all: () => ['returns'] as const,
  rounds: () =>
    queryOptions({
      queryKey: [...returnQueries.all(), 'rounds'] as const,
      queryFn: ({ signal }) => apiGet('returnRounds', { signal }),
      staleTime: 0,
    }),
  /**
   * The rounds a page at a time, newest first (the returns page), with what the page needs of them
   * all; under `rounds()`'s key, so whatever refreshes the rounds refreshes the pages read.
   */
  roundPages: () =>
    infiniteQueryOptions({
      queryKey: [...returnQueries.rounds().queryKey, 'pages'] as const,
      queryFn: async ({ pageParam, signal }) =>
        asRoundsPage(await apiGet('returnRounds', { signal, query: { page: String(pageParam) } })),
      initialPageParam: 1,
      getNextPageParam: (last, pages) =>
        pages.reduce((n, page) => n + page.rounds.length, 0) < (last.total ?? 0)
          ? pages.length + 1
          : undefined,
      staleTime: 0,
    }),
  lateByAgency: () =>
    queryOptions({
      queryKey: [...returnQueries.all(), 'late-by-agency'] as const,
      queryFn: ({ signal }) => apiGet('lateByAgency', { signal }),
      staleTime: 0,
    }),
  detail: (round: string, agency: string) =>
    queryOptions({
      queryKey: [...returnQueries.all(), 'detail', round, agency] as const,
      queryFn: ({ signal }) => apiGet('agencyReturn', { signal, params: { round, agency } }),
      staleTime: 0,
    }),
};

export const section11Queries = {
  all: () => ['section11'] as const,
  standards: () =>
    queryOptions({
      queryKey: [...section11Queries.all(), 'standards'] as const,
      queryFn: ({ signal }) => apiGet('section11Standards', { signal }),
      staleTime: 0,
    }),
  cycles: () =>
    queryOptions({
      queryKey: [...section11Queries.all(), 'cycles'] as const,
      queryFn: ({ signal }) => apiGet('section11Cycles', { signal }),
      staleTime: 0,
    }),
  assessment: (cycle: string, agency: string) =>
    queryOptions({
      queryKey: [...section11Queries.all(), 'assessment', cycle, agency] as const,
      queryFn: ({ signal }) => apiGet('section11Assessment', { signal, params: { id: cycle, agency } }),
      staleTime: 0,
    }),
  assurance: () =>
    queryOptions({
      queryKey: [...section11Queries.all(), 'assurance'] as const,
      queryFn: ({ signal }) => apiGet('section11Assurance', { signal }),
      staleTime: 0,
    }),
};

export const adminQueries = {
  all: () => ['admin'] as const,
  users: () =>
    queryOptions({
      queryKey: [...adminQueries.all(), 'users'] as const,
      queryFn: ({ signal }) => apiGet('users', { signal }),
      staleTime: 0,
    }),
  agencies: () =>
    queryOptions({
      queryKey: [...adminQueries.all(), 'agencies'] as const,
      queryFn: ({ signal }) => apiGet('agencies', { signal }),
    }),
  signInPolicy: () =>
    queryOptions({
      queryKey: [...adminQueries.all(), 'sign-in-policy'] as const,
      queryFn: ({ signal }) => apiGet('signInPolicy', { signal }),
      staleTime: 0,
    }),
  outbox: () =>
    queryOptions({
      queryKey: [...adminQueries.all(), 'outbox'] as const,
      queryFn: ({ signal }) => apiGet('outbox', { signal }),
      staleTime: 0,
    }),
  /** The audit trail is read page by page (an infinite query); this is its key per filter. */
  auditTrailKey: (filter: { entityType?: string; from?: string; to?: string }) =>
    [...adminQueries.all(), 'audit-trail', filter] as const,
  revisions: (indicatorId: string) =>
    queryOptions({
      queryKey: [...indicatorQueries.all(), 'revisions', indicatorId] as const,
      queryFn: ({ signal }) => apiGet('revisions', { signal, params: { id: indicatorId } }),
    }),
};
