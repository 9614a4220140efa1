import type { Point } from '../lib/series';

interface Props {
  points: readonly Point[];
  /** A text alternative describing the trend. */
  label: string;
  width?: number;
  height?: number;
}

/** A small trend line; suppressed values break the line instead of dropping to zero. */
export function Sparkline({ points, label, width = 120, height = 32 }: Props) {
  const values = points.flatMap((p) => (p.value === null ? [] : [p.value]));
  if (values.length < 2) return null;
  const min = Math.min(...values);
  const max = Math.max(...values);
  const pad = 3;
  const x = (i: number) => pad + (i * (width - 2 * pad)) / (points.length - 1);
  const y = (v: number) => (max === min ? height / 2 : pad + ((max - v) * (height - 2 * pad)) / (max - min));

  const segments: string[] = [];
  let current = '';
  points.forEach((p, i) => {
    if (p.value === null) {
      if (current) segments.push(current);
      current = '';
      return;
    }
    current += `${current ? 'L' : 'M'}${x(i).toFixed(1)},${y(p.value).toFixed(1)}`;
  });
  if (current) segments.push(current);
  const lastIndex = points.findLastIndex((p) => p.value !== null);
  const last = points[lastIndex];

  return (
    <svg
      className="sparkline"
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
      role="img"
      aria-label={label}
    >
      {segments.map((d) => (
        <path key={d} d={d} className="sparkline__line" />
      ))}
      {last?.value != null ? (
        <circle cx={x(lastIndex)} cy={y(last.value)} r="2.5" className="sparkline__dot" />
      ) : null}
    </svg>
  );
}
