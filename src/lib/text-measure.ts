/** Measuring and wrapping text before it is drawn, for chart labels and exported images. */
export type Measure = (text: string, fontSize: number, bold?: boolean) => number;

let canvas: OffscreenCanvasRenderingContext2D | null | undefined;
let family = '';
/** The font the canvas is set to: setting it is parsed as CSS each time, so only when it changes. */
let canvasFont = '';

/**
 * Widths already measured, by size, weight and text. A chart measures the same labels many times
 * (every period on its axis, on each of a page's charts, and again when it is laid out for its
 * measured size). Emptied when full, so it never grows past a few thousand labels.
 */
const MEMO_LIMIT = 4000;
function memo(measure: Measure): Measure {
  const widths = new Map<string, number>();
  return (text, fontSize, bold = false) => {
    const key = `${fontSize}${bold ? 'b' : 'r'}${text}`;
    let width = widths.get(key);
    if (width === undefined) {
      width = measure(text, fontSize, bold);
      if (widths.size >= MEMO_LIMIT) widths.clear();
      widths.set(key, width);
    }
    return width;
  };
}

/**
 * The width a line of chart text takes, to lay labels out before they are drawn. Uses the
 * browser's own text metrics where it has them (OffscreenCanvas), and otherwise a generous
 * estimate, so a label is never given less room than it needs.
 */
export const measureText: Measure = memo((text, fontSize, bold = false) => {
  if (canvas === undefined) {
    canvas = typeof OffscreenCanvas === 'function' ? new OffscreenCanvas(1, 1).getContext('2d') : null;
    family = typeof document !== 'undefined' ? getComputedStyle(document.documentElement).fontFamily : '';
  }
  if (canvas && family) {
    const font = `${bold ? 700 : 400} ${fontSize}px ${family}`;
    if (font !== canvasFont) canvas.font = canvasFont = font;
    // A little slack for hinting differences between canvas and SVG text.
    return Math.ceil(canvas.measureText(text).width * 1.04);
  }
  return estimateText(text, fontSize, bold);
});

/** Average advance widths of a sans-serif font, rounded up. */
export const estimateText: Measure = memo((text, fontSize, bold = false) => {
  let units = 0;
  for (const ch of text) {
    if (/[ilI.,:;'’|!]/.test(ch)) units += 0.3;
    else if (/[ \-‑()[\]ftrj1]/.test(ch)) units += 0.38;
    else if (/[mwMW%£@]/.test(ch)) units += 0.9;
    else if (/[A-Z0-9]/.test(ch)) units += 0.68;
    else units += 0.58;
  }
  return Math.ceil(units * fontSize * (bold ? 1.08 : 1));
});

/**
 * Breaks text into lines no wider than `width`, at spaces only (a financial year such as 2016-17
 * is one word and never breaks). A single word wider than the line keeps a line to itself.
 */
export function wrapText(
  text: string,
  width: number,
  fontSize: number,
  measure: Measure,
  bold = false,
): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && measure(candidate, fontSize, bold) > width) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * Wraps text into at most `maxLines` lines, widening the line as needed up to `maxWidth`; the
 * narrowest width that fits, so a long category label takes two lines, not four.
 */
export function fitText(
  text: string,
  preferredWidth: number,
  maxWidth: number,
  maxLines: number,
  fontSize: number,
  measure: Measure,
  bold = false,
): { lines: string[]; width: number; fits: boolean } {
  const full = measure(text, fontSize, bold);
  let width = Math.min(preferredWidth, maxWidth);
  for (;;) {
    const lines = wrapText(text, width, fontSize, measure, bold);
    const widest = Math.max(0, ...lines.map((l) => measure(l, fontSize, bold)));
    if (lines.length <= maxLines) return { lines, width: Math.max(widest, 0), fits: true };
    if (width >= maxWidth || width >= full) return { lines, width: widest, fits: false };
    width = Math.min(maxWidth, width + fontSize * 2);
  }
}
