import type {
  EesSymbol,
  Indicator,
  Observation,
  Revision,
  UpdateIndicatorRequest,
} from '../../src/api/contract';
import { parsePeriod } from '../../src/lib/periods';
import type { Queryable } from '../db/database';
import { conflict, notFound, unprocessable } from '../http/problem';
import { bumpDataVersion, recordAudit, type Actor } from './audit-log';

export const BOARD_SERIES = 'board';

interface IndicatorRow extends Record<string, unknown> {
  id: string;
  title: string;
  short_title: string;
  theme: Indicator['theme'];
  definition: string;
  unit: Indicator['unit'];
  decimal_places: number;
  polarity: Indicator['polarity'];
  frequency: Indicator['frequency'];
  target: Indicator['target'];
  headline: boolean;
  illustrative: boolean;
  source: Indicator['source'];
  agency_id: string | null;
  version: number;
}

interface ObservationRow extends Record<string, unknown> {
  indicator_id: string;
  series: string;
  period: string;
  value: number | null;
  symbol: EesSymbol | null;
}

interface ComparatorRow extends Record<string, unknown> {
  indicator_id: string;
  id: Indicator['comparators'][number]['id'];
  label: string;
}

const toObservation = (row: ObservationRow): Observation =>
  row.symbol
    ? { period: row.period, value: row.value, symbol: row.symbol }
    : { period: row.period, value: row.value };

/** The place of a period on the time line, so series come back in time order. */
export function sortKey(period: string, frequency: Indicator['frequency'], fallback: number): number {
  return parsePeriod(period, frequency)?.endMonth ?? fallback;
}

/**
 * Indicators with their published figures and comparators, in the board's order. Without
 * comparators (lists and the overview, see indicatorSummarySchema), their figures are not read
 * and each indicator's `comparators` is empty.
 */
export async function readIndicators(
  db: Queryable,
  ids?: readonly string[],
  options: { headlineOnly?: boolean; withoutComparators?: boolean } = {},
): Promise<Indicator[]> {
  if (options.headlineOnly) {
    const headline = await db.query<{ id: string }>('select id from indicator where headline');
    return readIndicators(
      db,
      headline.map((r) => r.id),
      { withoutComparators: options.withoutComparators },
    );
  }
  const filter = ids ? 'indicator_id = any($1)' : 'true';
  const params = ids ? [ids] : [];
  const [rows, comparators, observations] = await Promise.all([
    db.query<IndicatorRow>(
      `select * from indicator ${ids ? 'where id = any($1)' : ''} order by position`,
      params,
    ),
    options.withoutComparators
      ? Promise.resolve([])
      : db.query<ComparatorRow>(
          `select indicator_id, id, label from comparator where ${filter} order by position`,
          params,
        ),
    db.query<ObservationRow>(
      `select indicator_id, series, period, value, symbol from observation
       where ${filter} ${options.withoutComparators ? `and series = '${BOARD_SERIES}'` : ''}
       order by sort_key, period`,
      params,
    ),
  ]);
  const seriesOf = new Map<string, Observation[]>();
  for (const row of observations) {
    const key = `${row.indicator_id}\u0000${row.series}`;
    let list = seriesOf.get(key);
    if (!list) seriesOf.set(key, (list = []));
    list.push(toObservation(row));
  }
  const comparatorsOf = new Map<string, ComparatorRow[]>();
  for (const row of comparators) {
    const list = comparatorsOf.get(row.indicator_id) ?? [];
    list.push(row);
    comparatorsOf.set(row.indicator_id, list);
  }
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    shortTitle: row.short_title,
    theme: row.theme,
    definition: row.definition,
    unit: row.unit,
    decimalPlaces: row.decimal_places,
    polarity: row.polarity,
    frequency: row.frequency,
    target: row.target,
    headline: row.headline,
    illustrative: row.illustrative,
    source: row.source,
    series: seriesOf.get(`${row.id}\u0000${BOARD_SERIES}`) ?? [],
    comparators: (comparatorsOf.get(row.id) ?? []).map((c) => ({
      id: c.id,
      label: c.label,
      series: seriesOf.get(`${row.id}\u0000${c.id}`) ?? [],
    })),
    agencyId: row.agency_id,
    version: row.version,
  }));
}

export async function readIndicator(db: Queryable, id: string): Promise<Indicator> {
  const [indicator] = await readIndicators(db, [id]);
  if (!indicator) throw notFound(`The indicator "${id}"`);
  return indicator;
}

async function lockIndicator(tx: Queryable, id: string): Promise<IndicatorRow | null> {
  const [row] = await tx.query<IndicatorRow>('select * from indicator where id = $1 for update', [id]);
  return row ?? null;
}

async function insertSeries(
  tx: Queryable,
  indicatorId: string,
  series: string,
  frequency: Indicator['frequency'],
  observations: readonly Observation[],
): Promise<void> {
  // One statement per series, whatever its length.
  if (observations.length === 0) return;
  await tx.query(
    `insert into observation (indicator_id, series, period, sort_key, value, symbol)
     select $1, $2, o.period, o.sort_key, o.value, o.symbol
     from jsonb_to_recordset($3::jsonb) as o(period text, sort_key integer, value double precision, symbol text)`,
    [
      indicatorId,
      series,
      JSON.stringify(
        observations.map((o, i) => ({
          period: o.period,
          sort_key: sortKey(o.period, frequency, i),
          value: o.value,
          symbol: o.symbol ?? null,
        })),
      ),
    ],
  );
}

/** Writes a whole indicator (definition, comparators, figures) that is not in the database yet. */
export async function insertIndicator(tx: Queryable, indicator: Indicator, position?: number): Promise<void> {
  await tx.query(
    `insert into indicator (id, position, title, short_title, theme, definition, unit, decimal_places, polarity,
       frequency, target, headline, illustrative, source, agency_id)
     values ($1, coalesce($2, (select coalesce(max(position), 0) + 1 from indicator)), $3, $4, $5, $6, $7, $8, $9,
       $10, $11, $12, $13, $14, $15)`,
    [
      indicator.id,
      position ?? null,
      indicator.title,
      indicator.shortTitle,
      indicator.theme,
      indicator.definition,
      indicator.unit,
      indicator.decimalPlaces,
      indicator.polarity,
      indicator.frequency,
      indicator.target === null ? null : JSON.stringify(indicator.target),
      indicator.headline,
      indicator.illustrative,
      JSON.stringify(indicator.source),
      indicator.agencyId ?? null,
    ],
  );
  await insertSeries(tx, indicator.id, BOARD_SERIES, indicator.frequency, indicator.series);
  for (const [i, comparator] of indicator.comparators.entries()) {
    await tx.query('insert into comparator (indicator_id, id, label, position) values ($1, $2, $3, $4)', [
      indicator.id,
      comparator.id,
      comparator.label,
      i,
    ]);
    await insertSeries(tx, indicator.id, comparator.id, indicator.frequency, comparator.series);
  }
}

export async function updateIndicatorSettings(
  tx: Queryable,
  actor: Actor,
  id: string,
  change: UpdateIndicatorRequest,
): Promise<Indicator> {
  const row = await lockIndicator(tx, id);
  if (!row) throw notFound(`The indicator "${id}"`);
  const before = await readIndicator(tx, id);
  if (row.version !== change.version) throw conflict('indicator', before);
  if (change.agencyId !== null) {
    const [agency] = await tx.query('select 1 from agency where id = $1', [change.agencyId]);
    if (!agency) throw unprocessable('agencyId', 'Choose one of the board’s agencies');
  }
  await tx.query(
    'update indicator set agency_id = $2, headline = $3, target = $4, version = version + 1 where id = $1',
    [id, change.agencyId, change.headline, change.target === null ? null : JSON.stringify(change.target)],
  );
  const after = await readIndicator(tx, id);
  const settings = (i: Indicator) => ({
    agencyId: i.agencyId ?? null,
    headline: i.headline,
    target: i.target,
  });
  await recordAudit(tx, actor, {
    action: 'indicator.update',
    entityType: 'indicator',
    entityId: id,
    summary: `Changed the settings of “${after.title}”`,
    before: settings(before),
    after: settings(after),
  });
  await bumpDataVersion(tx);
  return after;
}

interface Figure {
  value: number | null;
  symbol: EesSymbol | null;
}

const sameFigure = (a: Figure, b: Figure) => a.value === b.value && (a.symbol ?? null) === (b.symbol ?? null);

/**
 * Publishes one figure. A figure that replaces a different published one is a correction: the
 * earlier value is kept with who changed it, when and why. Returns whether anything changed.
 */
export async function publishFigure(
  tx: Queryable,
  actor: Actor,
  target: { indicatorId: string; series: string; period: string; frequency: Indicator['frequency'] },
  figure: Figure,
  reason: string,
): Promise<{ changed: boolean; previous: Figure | null }> {
  const [existing] = await tx.query<ObservationRow>(
    'select * from observation where indicator_id = $1 and series = $2 and period = $3 for update',
    [target.indicatorId, target.series, target.period],
  );
  const previous = existing ? { value: existing.value, symbol: existing.symbol } : null;
  if (previous && sameFigure(previous, figure)) return { changed: false, previous };
  await tx.query(
    `insert into observation (indicator_id, series, period, sort_key, value, symbol)
     values ($1, $2, $3, $4, $5, $6)
     on conflict (indicator_id, series, period) do update set value = excluded.value, symbol = excluded.symbol`,
    [
      target.indicatorId,
      target.series,
      target.period,
      sortKey(target.period, target.frequency, 0),
      figure.value,
      figure.symbol,
    ],
  );
  if (previous) {
    await tx.query(
      `insert into observation_revision (indicator_id, series, period, previous_value, previous_symbol,
         previous_existed, value, symbol, changed_by, changed_by_name, reason)
       values ($1, $2, $3, $4, $5, true, $6, $7, $8, $9, $10)`,
      [
        target.indicatorId,
        target.series,
        target.period,
        previous.value,
        previous.symbol,
        figure.value,
        figure.symbol,
        actor.id,
        actor.name,
        reason,
      ],
    );
  }
  return { changed: true, previous };
}

export async function correctFigure(
  tx: Queryable,
  actor: Actor,
  id: string,
  change: { period: string; value: number | null; symbol: EesSymbol | null; reason: string; version: number },
): Promise<Indicator> {
  const row = await lockIndicator(tx, id);
  if (!row) throw notFound(`The indicator "${id}"`);
  if (row.version !== change.version) throw conflict('indicator', await readIndicator(tx, id));
  if (!parsePeriod(change.period, row.frequency)) {
    throw unprocessable('period', `“${change.period}” is not a ${row.frequency} period`);
  }
  const result = await publishFigure(
    tx,
    actor,
    { indicatorId: id, series: BOARD_SERIES, period: change.period, frequency: row.frequency },
    { value: change.value, symbol: change.symbol },
    change.reason,
  );
  if (!result.changed) {
    throw unprocessable('value', 'That is the figure already published for this period');
  }
  await tx.query('update indicator set version = version + 1 where id = $1', [id]);
  await recordAudit(tx, actor, {
    action: result.previous ? 'figure.correct' : 'figure.add',
    entityType: 'indicator',
    entityId: id,
    summary: `${result.previous ? 'Corrected' : 'Added'} ${row.title}, ${change.period}: ${change.reason}`,
    before: result.previous ? { period: change.period, ...result.previous } : null,
    after: { period: change.period, value: change.value, symbol: change.symbol },
  });
  await bumpDataVersion(tx);
  return readIndicator(tx, id);
}

/**
 * Publishes a whole indicator (from the Import page): creates it, or replaces the definition and
 * figures of the version named. Figures that change keep their earlier value as a revision.
 */
export async function publishIndicator(
  tx: Queryable,
  actor: Actor,
  indicator: Indicator,
  version: number | null,
  reason: string,
): Promise<{ indicator: Indicator; created: boolean }> {
  const row = await lockIndicator(tx, indicator.id);
  if (row === null && version !== null) throw notFound(`The indicator "${indicator.id}"`);
  if (row !== null && version !== row.version) {
    throw conflict('indicator', await readIndicator(tx, indicator.id));
  }
  if (row === null) {
    await insertIndicator(tx, { ...indicator, agencyId: indicator.agencyId ?? null });
    const created = await readIndicator(tx, indicator.id);
    await recordAudit(tx, actor, {
      action: 'indicator.publish',
      entityType: 'indicator',
      entityId: indicator.id,
      summary: `Published “${indicator.title}” to the board (${indicator.series.length} figures): ${reason}`,
      before: null,
      after: {
        title: created.title,
        figures: created.series.length,
        comparators: created.comparators.length,
      },
    });
    await bumpDataVersion(tx);
    return { indicator: created, created: true };
  }
  const before = await readIndicator(tx, indicator.id);
  await tx.query(
    `update indicator set title = $2, short_title = $3, theme = $4, definition = $5, unit = $6, decimal_places = $7,
       polarity = $8, frequency = $9, target = $10, headline = $11, illustrative = $12, source = $13,
       version = version + 1
     where id = $1`,
    [
      indicator.id,
      indicator.title,
      indicator.shortTitle,
      indicator.theme,
      indicator.definition,
      indicator.unit,
      indicator.decimalPlaces,
      indicator.polarity,
      indicator.frequency,
      indicator.target === null ? null : JSON.stringify(indicator.target),
      indicator.headline,
      indicator.illustrative,
      JSON.stringify(indicator.source),
    ],
  );
  let changedFigures = 0;
  const series = [
    { id: BOARD_SERIES, observations: indicator.series },
    ...indicator.comparators.map((c) => ({ id: c.id, observations: c.series })),
  ];
  await tx.query('delete from comparator where indicator_id = $1', [indicator.id]);
  for (const [i, comparator] of indicator.comparators.entries()) {
    await tx.query('insert into comparator (indicator_id, id, label, position) values ($1, $2, $3, $4)', [
      indicator.id,
      comparator.id,
      comparator.label,
      i,
    ]);
  }
  const keep = new Set(series.flatMap((s) => s.observations.map((o) => `${s.id}\u0000${o.period}`)));
  // Figures the new version no longer has are removed, and kept as revisions like any change.
  const existing = await tx.query<ObservationRow>('select * from observation where indicator_id = $1', [
    indicator.id,
  ]);
  for (const old of existing) {
    if (keep.has(`${old.series}\u0000${old.period}`)) continue;
    await tx.query('delete from observation where indicator_id = $1 and series = $2 and period = $3', [
      indicator.id,
      old.series,
      old.period,
    ]);
    await tx.query(
      `insert into observation_revision (indicator_id, series, period, previous_value, previous_symbol,
         previous_existed, value, symbol, changed_by, changed_by_name, reason)
       values ($1, $2, $3, $4, $5, true, null, 'x', $6, $7, $8)`,
      [
        indicator.id,
        old.series,
        old.period,
        old.value,
        old.symbol,
        actor.id,
        actor.name,
        `${reason} (figure removed)`,
      ],
    );
    changedFigures += 1;
  }
  for (const s of series) {
    for (const o of s.observations) {
      const result = await publishFigure(
        tx,
        actor,
        { indicatorId: indicator.id, series: s.id, period: o.period, frequency: indicator.frequency },
        { value: o.value, symbol: o.symbol ?? null },
        reason,
      );
      if (result.changed) changedFigures += 1;
    }
  }
  const after = await readIndicator(tx, indicator.id);
  await recordAudit(tx, actor, {
    action: 'indicator.publish',
    entityType: 'indicator',
    entityId: indicator.id,
    summary: `Replaced “${after.title}” (${changedFigures} figures changed): ${reason}`,
    before: { title: before.title, version: before.version, figures: before.series.length },
    after: { title: after.title, version: after.version, figures: after.series.length },
  });
  await bumpDataVersion(tx);
  return { indicator: after, created: false };
}

interface RevisionRow extends Record<string, unknown> {
  id: number;
  series: string;
  period: string;
  previous_value: number | null;
  previous_symbol: EesSymbol | null;
  previous_existed: boolean;
  value: number | null;
  symbol: EesSymbol | null;
  changed_by_name: string;
  changed_at: string;
  reason: string;
}

export async function readRevisions(db: Queryable, id: string): Promise<Revision[]> {
  const [exists] = await db.query('select 1 from indicator where id = $1', [id]);
  if (!exists) throw notFound(`The indicator "${id}"`);
  const rows = await db.query<RevisionRow>(
    'select * from observation_revision where indicator_id = $1 order by changed_at desc, id desc',
    [id],
  );
  return rows.map((row) => ({
    id: String(row.id),
    series: row.series,
    period: row.period,
    previous: row.previous_existed ? { value: row.previous_value, symbol: row.previous_symbol } : null,
    current: { value: row.value, symbol: row.symbol },
    changedBy: row.changed_by_name,
    changedAt: row.changed_at,
    reason: row.reason,
  }));
}
