import { queryOptions } from '@tanstack/react-query';
import { apiGet } from './client';
import { HttpError } from './errors';
import { isLocalId, loadLocalIndicators, type ListedIndicator } from './local-indicators';

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
      queryFn: async ({ signal }): Promise<{ indicators: ListedIndicator[] }> => {
        const [api, local] = await Promise.all([apiGet('indicators', { signal }), loadLocalIndicators()]);
        return { indicators: [...api.indicators, ...local] };
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
  audits: () =>
    queryOptions({
      queryKey: [...qualityAssuranceQueries.all(), 'audits'] as const,
      queryFn: ({ signal }) => apiGet('audits', { signal }),
    }),
  seriousCaseReviews: () =>
    queryOptions({
      queryKey: [...qualityAssuranceQueries.all(), 'serious-case-reviews'] as const,
      queryFn: ({ signal }) => apiGet('seriousCaseReviews', { signal }),
    }),
};

export const actionPlanQueries = {
  all: () => ['action-plan'] as const,
  plan: () =>
    queryOptions({
      queryKey: [...actionPlanQueries.all(), 'plan'] as const,
      queryFn: ({ signal }) => apiGet('actionPlan', { signal }),
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
