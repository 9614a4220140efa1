import { endpoints } from '../src/api/contract';
import { formatPath } from '../src/api/errors';
import { demoDataset, type DemoDataset } from './data';

export interface Reply {
  status: number;
  body: unknown;
}

type Endpoint = (typeof endpoints)[keyof typeof endpoints];

function matchPath(template: string, path: string): Record<string, string> | null {
  const names: string[] = [];
  const pattern = template.replace(/\{(\w+)\}/g, (_, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  const match = new RegExp(`^${pattern}/?$`).exec(path);
  if (!match) return null;
  return Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(match[i + 1]!)]));
}

const notFound = (what: string): Reply => ({ status: 404, body: { message: `${what} not found` } });

/**
 * The demo API over the demo dataset, independent of any HTTP library: the MSW handlers (browser
 * and tests) and the real HTTP server of the end-to-end tests both answer from it. Writes are
 * validated with the contract's request schemas and kept until `reset()`.
 */
export interface DemoApiStorage {
  load(): DemoDataset | null;
  save(data: DemoDataset): void;
  clear(): void;
}

export function createDemoApi(initial: DemoDataset = demoDataset, storage?: DemoApiStorage) {
  let data: DemoDataset = storage?.load() ?? structuredClone(initial);

  function read(name: keyof typeof endpoints, params: Record<string, string>): Reply {
    switch (name) {
      case 'board':
        return { status: 200, body: data.board };
      case 'indicators':
        return { status: 200, body: { indicators: data.indicators } };
      case 'indicator': {
        const indicator = data.indicators.find((i) => i.id === params.id);
        return indicator ? { status: 200, body: indicator } : notFound(`Indicator "${params.id}"`);
      }
      case 'annotations':
        return { status: 200, body: { annotations: data.annotations } };
      case 'audits':
        return { status: 200, body: { audits: data.audits } };
      case 'seriousCaseReviews':
        return { status: 200, body: { reviews: data.seriousCaseReviews } };
      case 'actionPlan':
        return { status: 200, body: data.actionPlan };
      case 'ofstedRecommendations':
        return { status: 200, body: data.ofstedRecommendations };
      case 'funding':
        return { status: 200, body: data.funding };
      case 'partnership':
        return { status: 200, body: data.partnership };
      default:
        return { status: 405, body: { message: 'Method not allowed' } };
    }
  }

  function write(name: keyof typeof endpoints, params: Record<string, string>, body: unknown): Reply {
    const endpoint: Endpoint = endpoints[name];
    if (!('request' in endpoint)) return { status: 405, body: { message: 'Method not allowed' } };
    const parsed = endpoint.request.safeParse(body);
    if (!parsed.success) {
      const fieldErrors: Record<string, string[]> = {};
      for (const issue of parsed.error.issues) {
        (fieldErrors[formatPath(issue.path)] ??= []).push(issue.message);
      }
      return { status: 422, body: { message: 'Some fields need correcting', fieldErrors } };
    }
    if (name === 'updateAudit') {
      const audit = data.audits.find((a) => a.id === params.id);
      if (!audit) return notFound(`Audit "${params.id}"`);
      Object.assign(audit, parsed.data);
      storage?.save(data);
      return { status: 200, body: audit };
    }
    if (name === 'updateAction') {
      const action = data.actionPlan.priorities.flatMap((p) => p.actions).find((a) => a.id === params.id);
      if (!action) return notFound(`Action "${params.id}"`);
      const update = parsed.data as { status: typeof action.status; progress: number; note?: string };
      action.status = update.status;
      action.progress = update.progress;
      if (update.note) {
        action.updates.push({
          id: `update-${action.updates.length + 1}-${Date.now()}`,
          date: new Date().toISOString().slice(0, 10),
          author: 'Dashboard user',
          note: update.note,
        });
      }
      storage?.save(data);
      return { status: 200, body: action };
    }
    return { status: 405, body: { message: 'Method not allowed' } };
  }

  return {
    /** Answer a request whose path is relative to the API base URL, e.g. `/indicators/referrals`. */
    handle(method: string, path: string, body?: unknown): Reply {
      for (const [name, endpoint] of Object.entries(endpoints) as [keyof typeof endpoints, Endpoint][]) {
        const params = matchPath(endpoint.path, path);
        if (!params || endpoint.method !== method.toUpperCase()) continue;
        return method.toUpperCase() === 'GET' ? read(name, params) : write(name, params, body);
      }
      return { status: 404, body: { message: `No such endpoint: ${method} ${path}` } };
    },
    reset() {
      storage?.clear();
      data = structuredClone(initial);
    },
  };
}

export type DemoApi = ReturnType<typeof createDemoApi>;
