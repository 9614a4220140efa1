import { measureText, wrapText, type Measure } from './text-measure';

/**
 * Presentation properties that charts take from CSS (theme variables) and must be copied onto the
 * clone. They are set as SVG presentation attributes, not a style attribute, so the copy is not an
 * inline style that a strict Content-Security-Policy would report.
 */
const PRESENTATION_PROPERTIES = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'visibility',
] as const;

const SVG_NS = 'http://www.w3.org/2000/svg';

/** What an exported chart says about itself, so the image stands alone in a report or an email. */
export interface ExportMeta {
  title: string;
  board: string | null;
  period: string | null;
  source: string | null;
}

export interface ExportColours {
  background: string;
  text: string;
  muted: string;
  fontFamily: string;
}

/**
 * A copy of a drawn chart that keeps its look outside the page: each element's computed style is
 * written onto it (a standalone SVG image cannot see the page's CSS custom properties), and its
 * view box is widened to take in anything drawn past its edges, so nothing is cut off.
 */
export function cloneChart(svg: SVGSVGElement): { clone: SVGSVGElement; width: number; height: number } {
  const { width, height } = svg.getBoundingClientRect();
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const source = [svg, ...svg.querySelectorAll('*')];
  const target = [clone, ...clone.querySelectorAll('*')];
  source.forEach((element, i) => {
    const computed = getComputedStyle(element);
    const copy = target[i];
    if (!copy) return;
    for (const property of PRESENTATION_PROPERTIES) {
      const value = computed.getPropertyValue(property);
      if (value) copy.setAttribute(property, value);
    }
    copy.removeAttribute('style');
    copy.removeAttribute('class');
  });
  // Whatever is drawn outside the chart's box (a long last tick label) is brought inside it.
  let box = { x: 0, y: 0, width, height };
  try {
    const drawn = svg.getBBox();
    const x0 = Math.min(0, Math.floor(drawn.x));
    const y0 = Math.min(0, Math.floor(drawn.y));
    const x1 = Math.max(width, Math.ceil(drawn.x + drawn.width));
    const y1 = Math.max(height, Math.ceil(drawn.y + drawn.height));
    box = { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
  } catch {
    // No layout (tests): the chart's own box.
  }
  clone.setAttribute('viewBox', `${box.x} ${box.y} ${box.width} ${box.height}`);
  clone.setAttribute('width', String(box.width));
  clone.setAttribute('height', String(box.height));
  clone.setAttribute('overflow', 'visible');
  return { clone, width: box.width, height: box.height };
}

/**
 * The exported picture as one SVG: the title (wrapped), the board and the period, the chart, then
 * the source line (wrapped), all inside the image's margins.
 */
export function composeExportSvg(
  chart: { clone: SVGSVGElement; width: number; height: number },
  meta: ExportMeta,
  colours: ExportColours,
  measure: Measure = measureText,
): SVGSVGElement {
  const pad = 16;
  const width = Math.ceil(Math.max(chart.width, 480) + pad * 2);
  const inner = width - pad * 2;
  const doc = chart.clone.ownerDocument;
  const root = doc.createElementNS(SVG_NS, 'svg');
  root.setAttribute('xmlns', SVG_NS);
  root.setAttribute('font-family', colours.fontFamily);
  const add = (text: string, x: number, y: number, size: number, weight: number, fill: string) => {
    const node = doc.createElementNS(SVG_NS, 'text');
    node.setAttribute('x', String(x));
    node.setAttribute('y', String(y));
    node.setAttribute('font-size', String(size));
    node.setAttribute('font-weight', String(weight));
    node.setAttribute('fill', fill);
    node.textContent = text;
    root.append(node);
  };

  const background = doc.createElementNS(SVG_NS, 'rect');
  root.append(background);
  let y = pad;
  for (const line of wrapText(meta.title, inner, 20, measure, true)) {
    y += 24;
    add(line, pad, y, 20, 700, colours.text);
  }
  // The period once: not again when the title already says it ("Audits ..., 2017-18").
  const period = meta.period && !meta.title.includes(meta.period) ? meta.period : null;
  const subtitle = [meta.board, period].filter(Boolean).join(' · ');
  for (const line of subtitle ? wrapText(subtitle, inner, 15, measure) : []) {
    y += 20;
    add(line, pad, y, 15, 400, colours.muted);
  }
  y += 12;
  chart.clone.setAttribute('x', String(pad));
  chart.clone.setAttribute('y', String(y));
  root.append(chart.clone);
  y += chart.height + 8;
  for (const line of meta.source ? wrapText(`Source: ${meta.source}`, inner, 14, measure) : []) {
    y += 18;
    add(line, pad, y, 14, 400, colours.muted);
  }
  const height = Math.ceil(y + pad);
  background.setAttribute('width', String(width));
  background.setAttribute('height', String(height));
  background.setAttribute('fill', colours.background);
  root.setAttribute('width', String(width));
  root.setAttribute('height', String(height));
  root.setAttribute('viewBox', `0 0 ${width} ${height}`);
  return root;
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = crcTable[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/**
 * Adds text chunks (`tEXt`, Latin-1) to a PNG, before its end: the standard keywords Title, Author,
 * Description and Source, so the file says what it shows wherever it is saved.
 */
export function addPngText(png: Uint8Array, entries: Record<string, string>): Uint8Array<ArrayBuffer> {
  const chunks: Uint8Array[] = [];
  for (const [keyword, value] of Object.entries(entries)) {
    // tEXt is Latin-1: write typographic quotes and dashes plainly, and drop anything else outside it.
    const text = value
      .replace(/[‘’]/g, "'")
      .replace(/[“”]/g, '"')
      .replace(/[–—‑]/g, '-')
      .replace(/[^\u0020-\u00ff]/g, '');
    const data = new Uint8Array(keyword.length + 1 + text.length);
    for (let i = 0; i < keyword.length; i++) data[i] = keyword.charCodeAt(i);
    for (let i = 0; i < text.length; i++) data[keyword.length + 1 + i] = text.charCodeAt(i);
    const chunk = new Uint8Array(12 + data.length);
    const view = new DataView(chunk.buffer);
    view.setUint32(0, data.length);
    chunk.set([0x74, 0x45, 0x58, 0x74], 4); // "tEXt"
    chunk.set(data, 8);
    view.setUint32(8 + data.length, crc32(chunk.subarray(4, 8 + data.length)));
    chunks.push(chunk);
  }
  const iend = png.length - 12;
  const size = chunks.reduce((n, c) => n + c.length, 0);
  const out = new Uint8Array(png.length + size);
  out.set(png.subarray(0, iend), 0);
  let at = iend;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  out.set(png.subarray(iend), at);
  return out;
}

/** Reads a PNG's text chunks back (for tests and for anyone checking a file). */
export function readPngText(png: Uint8Array): Record<string, string> {
  const out: Record<string, string> = {};
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  let at = 8;
  while (at + 12 <= png.length) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...png.subarray(at + 4, at + 8));
    if (type === 'tEXt') {
      const data = png.subarray(at + 8, at + 8 + length);
      const zero = data.indexOf(0);
      out[String.fromCharCode(...data.subarray(0, zero))] = String.fromCharCode(...data.subarray(zero + 1));
    }
    at += 12 + length;
  }
  return out;
}

/**
 * Renders a chart to a PNG at twice its size on screen, with its title, board, period and source
 * drawn around it and written into the file's text chunks.
 */
export async function chartToPng(svg: SVGSVGElement, meta: ExportMeta, scale = 2): Promise<Blob> {
  const page = getComputedStyle(svg.ownerDocument.documentElement);
  const colours: ExportColours = {
    background: page.getPropertyValue('--surface').trim() || '#ffffff',
    text: page.getPropertyValue('--text').trim() || '#000000',
    muted: page.getPropertyValue('--text-muted').trim() || '#333333',
    fontFamily: page.fontFamily,
  };
  const composed = composeExportSvg(cloneChart(svg), meta, colours);
  const width = Number(composed.getAttribute('width'));
  const height = Number(composed.getAttribute('height'));

  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(new XMLSerializer().serializeToString(composed))}`;
  await image.decode();

  const canvas = document.createElement('canvas');
  canvas.width = Math.ceil(width * scale);
  canvas.height = Math.ceil(height * scale);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('This browser cannot draw the chart as an image.');
  context.scale(scale, scale);
  context.drawImage(image, 0, 0, width, height);

  const blob = await new Promise<Blob>((resolve, reject) =>
    canvas.toBlob(
      (b) => (b ? resolve(b) : reject(new Error('The chart image could not be made.'))),
      'image/png',
    ),
  );
  const bytes = addPngText(new Uint8Array(await blob.arrayBuffer()), {
    Title: meta.title,
    ...(meta.board ? { Author: meta.board } : {}),
    ...(meta.period
      ? {
          Description: meta.title.includes(meta.period) ? meta.title : `${meta.title}, ${meta.period}`,
        }
      : {}),
    ...(meta.source ? { Source: meta.source } : {}),
  });
  return new Blob([bytes], { type: 'image/png' });
}
