import { del, get, set } from 'idb-keyval';
import type { Indicator, IndicatorSummaryItem } from './contract/indicators';
import type { ImportedFrom, LocalDataset, LocalIndicator } from './local-indicator-schemas';

export type { ImportedFrom, LocalDataset, LocalIndicator } from './local-indicator-schemas';

/**
 * Indicators a user imported from their own files. They live only in this browser (IndexedDB),
 * never on a server, and carry the file they came from. Ids start `local-` so they can never
 * clash with the API's. Their schemas are in local-indicator-schemas, loaded when there is
 * something stored to check.
 */
export const LOCAL_PREFIX = 'local-';

/** An indicator as the dashboard lists it: from the API, or imported and marked with its file. */
export type ListedIndicator = Indicator & { importedFrom?: ImportedFrom };
/** An indicator as lists show it: the API's summary, or one imported into this browser. */
export type ListedSummary = IndicatorSummaryItem & { importedFrom?: ImportedFrom };

const KEY = 'local-indicators-v1';

export const isLocalId = (id: string) => id.startsWith(LOCAL_PREFIX);

/**
 * The year a list row or tile shows an indicator as at: the board's reporting year for the
 * board's own indicators; none for an imported one, which shows its own latest figure whatever
 * years its file covers (the board's years would hide a series that starts or ends outside them).
 */
export function asAtYearFor<Year>(indicator: ListedSummary, year: Year | null): Year | null {
  return indicator.importedFrom ? null : year;
}

/**
 * What is stored, split into the indicators that still match the schema and the entries that do
 * not. Unreadable entries are kept in storage untouched by every write, so a schema change or a
 * damaged entry never costs the user the rest of their data. Storage that cannot be opened at all
 * (a private window) counts as empty.
 */
async function readStored(): Promise<{ valid: LocalIndicator[]; unreadable: unknown[] }> {
  let stored: unknown;
  try {
    stored = await get(KEY);
  } catch {
    return { valid: [], unreadable: [] };
  }
  const entries: unknown[] = Array.isArray(stored) ? stored : stored == null ? [] : [stored];
  if (entries.length === 0) return { valid: [], unreadable: [] };
  const { localIndicatorSchema } = await import('./local-indicator-schemas');
  const valid: LocalIndicator[] = [];
  const unreadable: unknown[] = [];
  for (const entry of entries) {
    const parsed = localIndicatorSchema.safeParse(entry);
    if (parsed.success) valid.push(parsed.data);
    else unreadable.push(entry);
  }
  return { valid, unreadable };
}

/** Every imported indicator that can be read. */
export async function loadLocalIndicators(): Promise<LocalIndicator[]> {
  return (await readStored()).valid;
}

/**
 * Adds indicators, replacing any with the same id (a re-import of the same thing) and any listed
 * in `replacing` (the same indicators saved under an older form of id).
 */
export async function saveLocalIndicators(
  added: readonly LocalIndicator[],
  replacing: readonly string[] = [],
): Promise<void> {
  const ids = new Set([...added.map((i) => i.id), ...replacing]);
  const { valid, unreadable } = await readStored();
  await set(KEY, [...unreadable, ...valid.filter((i) => !ids.has(i.id)), ...added]);
}

export async function removeLocalIndicator(id: string): Promise<void> {
  const { valid, unreadable } = await readStored();
  const kept = [...unreadable, ...valid.filter((i) => i.id !== id)];
  if (kept.length === 0) await del(KEY);
  else await set(KEY, kept);
}

export async function exportLocalDataset(now = new Date()): Promise<LocalDataset> {
  return {
    format: 'safeguarding-dashboard-local-data',
    version: 1,
    exportedAt: now.toISOString(),
    indicators: await loadLocalIndicators(),
  };
}
