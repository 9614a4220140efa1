import {
  completedDateAfter,
  endpoints,
  financialYearSchema,
  mailPreferencesSchema,
  noticeKindSchema,
  type actionUpdateRequestSchema,
  type AddSection11ActionRequest,
  type MailPreferences,
  type auditUpdateRequestSchema,
  type Session,
  type StartYearRequest,
} from '../src/api/contract';
import type { z } from '../src/api/zod';
import { formatPath } from '../src/api/errors';
import { auditsShownInYear, yearsActionPlan } from '../src/lib/carry-over';
import { lateByAgency } from '../src/lib/late-by-agency';
import { roundsPage } from '../src/lib/returns-due';
import { nextReportingYear } from '../src/lib/periods';
import { boardRecordEndpoints, conflict, notFound, writeBoardRecord } from './board-records';
import { demoDataset, type DemoDataset } from './data';
import { addSection11Action, readSection11 } from './section11';

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

/**
 * The demonstration has no accounts, no administration and no return rounds: those need the data
 * service. It lists its (no) rounds and what is late by agency (its overdue audits).
 */
const notInDemo: Reply = {
  status: 501,
  body: {
    message: 'The demonstration does not do this. Run the board’s data service (npm start) to use it.',
  },
};

/**
 * The demo has no accounts: everyone is a demo editor, who can record audit progress and update
 * actions (kept for the browser session) and read returns (the demo has none), but has no
 * administration to see.
 */
export const DEMO_SESSION: Session = {
  user: {
    id: 'demo',
    email: 'demo@example.invalid',
    name: 'Demo user',
    role: 'editor',
    agencyIds: [],
    actionOwner: null,
  },
  method: 'demo',
  expiresAt: null,
  idleMinutes: null,
};

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
  // The demo sends no email: the demo user's choices last until reset, and the outbox stays empty.
  let mail: MailPreferences = { off: [] };

  function read(name: keyof typeof endpoints, params: Record<string, string>, query: URLSearchParams): Reply {
    switch (name) {
      case 'board':
        return { status: 200, body: data.board };
      case 'indicators':
        return {
          status: 200,
          body: {
            indicators:
              query.get('headline') === 'true' ? data.indicators.filter((i) => i.headline) : data.indicators,
          },
        };
      case 'indicatorSummary':
        return {
          status: 200,
          body: {
            indicators: data.indicators
              .filter((i) => query.get('headline') !== 'true' || i.headline)
              .map(({ comparators: _comparators, ...summary }) => summary),
          },
        };
      case 'indicator': {
        const indicator = data.indicators.find((i) => i.id === params.id);
        return indicator ? { status: 200, body: indicator } : notFound(`Indicator "${params.id}"`);
      }
      case 'revisions':
        // The demo's figures have never been corrected.
        return data.indicators.some((i) => i.id === params.id)
          ? { status: 200, body: { revisions: [] } }
          : notFound(`Indicator "${params.id}"`);
      case 'annotations':
        return { status: 200, body: { annotations: data.annotations } };
      case 'audits': {
        // One reporting year, as the data service answers it (the same code picks the audits).
        const year = query.get('year');
        if (year === null) return { status: 200, body: { audits: data.audits } };
        if (!financialYearSchema.safeParse(year).success) {
          return { status: 422, body: { message: 'The address asks for something this list cannot do' } };
        }
        return {
          status: 200,
          body: { audits: auditsShownInYear(data.audits, year), total: data.audits.length },
        };
      }
      case 'seriousCaseReviews':
        return { status: 200, body: { reviews: data.seriousCaseReviews } };
      case 'actionPlan': {
        // One reporting year, as the data service answers it (the same code cuts the plan).
        const year = query.get('year');
        if (year === null) return { status: 200, body: data.actionPlan };
        if (!financialYearSchema.safeParse(year).success) {
          return { status: 422, body: { message: 'The address asks for something this list cannot do' } };
        }
        return { status: 200, body: yearsActionPlan(data.actionPlan, year) };
      }
      case 'ofstedRecommendations':
        return { status: 200, body: data.ofstedRecommendations };
      case 'funding':
        return { status: 200, body: data.funding };
      case 'partnership':
        return { status: 200, body: data.partnership };
      case 'agencies':
        return { status: 200, body: { agencies: data.agencies } };
      case 'returnRounds': {
        const parsed = endpoints.returnRounds.query.safeParse(Object.fromEntries(query));
        if (!parsed.success) {
          return { status: 422, body: { message: 'The address asks for something this list cannot do' } };
        }
        return { status: 200, body: roundsPage([], parsed.data) };
      }
      case 'agencyReturn':
        return notFound('That return');
      case 'lateByAgency': {
        const today = new Date().toISOString().slice(0, 10);
        const dataAsAt = data.board.dataAsAt;
        return {
          status: 200,
          body: lateByAgency({
            agencies: data.agencies,
            rounds: [],
            audits: data.audits,
            returnsAsAt: today,
            auditsAsAt: dataAsAt < today ? dataAsAt : today,
          }),
        };
      }
      case 'session':
        return { status: 200, body: DEMO_SESSION };
      case 'signInOptions':
        return { status: 200, body: { sso: null, passwordRequired: true } };
      case 'mailPreferences':
        return { status: 200, body: mail };
      case 'signInPolicy':
        // The demo has no single sign-on to require.
        return {
          status: 200,
          body: {
            ssoRequired: false,
            requiredByEnvironment: false,
            ssoAvailable: false,
            breakGlassEmail: null,
            version: 1,
          },
        };
      case 'outbox':
        return { status: 200, body: { smtpConfigured: false, messages: [] } };
      default:
        return readSection11(data, name, params, new Date().toISOString().slice(0, 10)) ?? notInDemo;
    }
  }

  function write(name: keyof typeof endpoints, params: Record<string, string>, body: unknown): Reply {
    const endpoint: Endpoint = endpoints[name];
    if (name === 'signOut') return { status: 204, body: null };
    if (name === 'saveMailPreferences') {
      const parsed = mailPreferencesSchema.safeParse(body);
      if (!parsed.success) return { status: 422, body: { message: 'Choose from the email notices listed' } };
      mail = { off: noticeKindSchema.options.filter((kind) => parsed.data.off.includes(kind)) };
      return { status: 200, body: mail };
    }
    const written =
      name === 'updateAudit' ||
      name === 'updateAction' ||
      name === 'startReportingYear' ||
      name === 'addSection11Action' ||
      boardRecordEndpoints.includes(name);
    if (!('request' in endpoint) || !written) return notInDemo;
    const parsed = endpoint.request.safeParse(body);
    if (!parsed.success) {
      const fieldErrors: Record<string, string[]> = {};
      for (const issue of parsed.error.issues) {
        (fieldErrors[formatPath(issue.path)] ??= []).push(issue.message);
      }
      return { status: 422, body: { message: 'Some fields need correcting', fieldErrors } };
    }
    const today = new Date().toISOString().slice(0, 10);
    if (name === 'addSection11Action') {
      const reply = addSection11Action(
        data,
        params,
        parsed.data as AddSection11ActionRequest,
        today,
        DEMO_SESSION.user.name,
      );
      if (reply.status === 201) storage?.save(data);
      return reply;
    }
    const record = writeBoardRecord(data, name, params, parsed.data, today, DEMO_SESSION.user.name);
    if (record) {
      storage?.save(data);
      return record;
    }
    if (name === 'startReportingYear') {
      // As the data service does it: the year after the latest, shown first; nothing copied.
      const { year, version } = parsed.data as StartYearRequest;
      if (version !== data.board.version) return conflict('board’s settings', data.board);
      const next = nextReportingYear(data.board.reportingYears);
      if (year !== next) {
        return {
          status: 422,
          body: {
            message: 'Some fields need correcting',
            fieldErrors: { year: [`The next reporting year is ${next}: start that one`] },
          },
        };
      }
      data.board = {
        ...data.board,
        reportingYears: [...data.board.reportingYears, year],
        currentYear: year,
        version: data.board.version + 1,
      };
      storage?.save(data);
      return { status: 201, body: data.board };
    }
    if (name === 'updateAudit') {
      const audit = data.audits.find((a) => a.id === params.id);
      if (!audit) return notFound(`Audit "${params.id}"`);
      const { version, ...progress } = parsed.data as z.output<typeof auditUpdateRequestSchema>;
      if (version !== audit.version) return conflict('audit', audit);
      Object.assign(audit, progress, { version: audit.version + 1 });
      storage?.save(data);
      return { status: 200, body: audit };
    }
    if (name === 'updateAction') {
      const action = data.actionPlan.priorities.flatMap((p) => p.actions).find((a) => a.id === params.id);
      if (!action) return notFound(`Action "${params.id}"`);
      const update = parsed.data as z.output<typeof actionUpdateRequestSchema>;
      if (update.version !== action.version) return conflict('action', action);
      const today = new Date().toISOString().slice(0, 10);
      action.completedDate = completedDateAfter(action, update.status, today);
      action.status = update.status;
      action.progress = update.progress;
      action.version += 1;
      if (update.note) {
        action.updates.push({
          id: `update-${action.updates.length + 1}-${Date.now()}`,
          date: today,
          author: DEMO_SESSION.user.name,
          note: update.note,
        });
      }
      storage?.save(data);
      return { status: 200, body: action };
    }
    return notInDemo;
  }

  return {
    /** Answer a request whose path is relative to the API base URL, e.g. `/indicators?headline=true`. */
    handle(method: string, pathAndQuery: string, body?: unknown): Reply {
      const [path = '', search = ''] = pathAndQuery.split('?');
      for (const [name, endpoint] of Object.entries(endpoints) as [keyof typeof endpoints, Endpoint][]) {
        const params = matchPath(endpoint.path, path);
        if (!params || endpoint.method !== method.toUpperCase()) continue;
        return method.toUpperCase() === 'GET'
          ? read(name, params, new URLSearchParams(search))
          : write(name, params, body);
      }
      return { status: 404, body: { message: `No such endpoint: ${method} ${path}` } };
    },
    reset() {
      storage?.clear();
      data = structuredClone(initial);
      mail = { off: [] };
    },
  };
}

export type DemoApi = ReturnType<typeof createDemoApi>;
