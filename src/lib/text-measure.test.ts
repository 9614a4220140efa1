import { afterEach, describe, expect, it, vi } from 'vitest';

/** A canvas that measures 7 px a character (8 in bold) and counts what it is asked. */
function fakeCanvas() {
  const asked = { fonts: [] as string[], measured: [] as string[] };
  let font = '';
  const context = {
    get font() {
      return font;
    },
    set font(value: string) {
      asked.fonts.push(value);
      font = value;
    },
    measureText(text: string) {
      asked.measured.push(text);
      return { width: text.length * (font.startsWith('700') ? 8 : 7) };
    },
  };
  class OffscreenCanvas {
    getContext() {
      return context;
    }
  }
  return { asked, OffscreenCanvas };
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.resetModules();
});

const quarters = Array.from({ length: 80 }, (_, i) => `Q${(i % 4) + 1} ${2008 + Math.floor(i / 4)}`);

describe('measureText', () => {
  it('gives each label the width the browser measures, measuring it once however often it is asked', async () => {
    const { asked, OffscreenCanvas } = fakeCanvas();
    vi.stubGlobal('OffscreenCanvas', OffscreenCanvas);
    const { measureText } = await import('./text-measure');
    // Four charts of 80 quarters, each laid out twice.
    for (let pass = 0; pass < 8; pass++)
      for (const label of quarters) expect(measureText(label, 14)).toBe(Math.ceil(label.length * 7 * 1.04));
    expect(measureText('Target 22.0%', 14, true)).toBe(Math.ceil(12 * 8 * 1.04));
    expect(asked.measured).toHaveLength(81);
    // The canvas's font (parsed as CSS each time it is set) is set when the weight changes, not per label.
    expect(asked.fonts).toHaveLength(2);
    expect(asked.fonts[1]).toMatch(/^700 14px /);
  });

  it('still measures right after many more labels than it keeps', async () => {
    const { OffscreenCanvas } = fakeCanvas();
    vi.stubGlobal('OffscreenCanvas', OffscreenCanvas);
    const { measureText } = await import('./text-measure');
    const labels = Array.from({ length: 10_000 }, (_, i) => `label ${i}`);
    for (const label of [...labels, ...labels.slice(0, 100)])
      expect(measureText(label, 12)).toBe(Math.ceil(label.length * 7 * 1.04));
  });
});

describe('estimateText', () => {
  it('gives the same width for a label asked again, and after the labels it keeps are emptied', async () => {
    const { estimateText } = await import('./text-measure');
    const first = quarters.map((q) => estimateText(q, 14));
    for (let i = 0; i < 5000; i++) estimateText(`filler ${i}`, 14);
    expect(quarters.map((q) => estimateText(q, 14))).toEqual(first);
  });
});
