/**
 * Thins the rows of a long chart so it draws quickly, keeping its shape: the rows are cut into
 * buckets and each bucket keeps its first and last row, the rows holding each series' minimum and
 * maximum, and any row where a series has no value (so gaps stay gaps). Peaks and troughs survive;
 * only points that would share a pixel with their neighbours go. The data table and the CSV
 * always have every row.
 */
export function downsampleRows<Row extends { x: number; [key: string]: number | null }>(
  rows: readonly Row[],
  seriesIds: readonly string[],
  buckets: number,
): Row[] {
  if (rows.length <= buckets * 2) return [...rows];
  const keep = new Set<number>();
  const size = rows.length / buckets;
  for (let b = 0; b < buckets; b++) {
    const start = Math.floor(b * size);
    const end = Math.min(rows.length, Math.floor((b + 1) * size));
    keep.add(start);
    keep.add(end - 1);
    for (const id of seriesIds) {
      let min = -1;
      let max = -1;
      for (let i = start; i < end; i++) {
        const value = rows[i]![id];
        if (value === null || value === undefined) {
          keep.add(i);
          continue;
        }
        if (min < 0 || value < (rows[min]![id] as number)) min = i;
        if (max < 0 || value > (rows[max]![id] as number)) max = i;
      }
      if (min >= 0) keep.add(min);
      if (max >= 0) keep.add(max);
    }
  }
  return [...keep].sort((a, b) => a - b).map((i) => rows[i]!);
}
