import { randomBytes } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { partHtml } from '../../src/app/server-part';
import { KeptText, PageCache, PageMarks, PartCache, gzipPage, wholePage } from './page-cache';
import { ReadCache } from './read-cache';

describe('the data read for pages, kept per data version', () => {
  it('is read once per version, and read again when the version moves on', async () => {
    const cache = new ReadCache();
    let reads = 0;
    const load = async () => ({ figures: [10, 50, (reads += 1) && 130] });
    expect(await cache.value('overview', 1, load)).toEqual({ figures: [10, 50, 130] });
    await cache.value('overview', 1, load);
    expect(reads).toBe(1);
    await cache.value('overview', 2, load);
    expect(reads).toBe(2);
  });

  it('is shared frozen, so no reader can change what the next one is drawn from', async () => {
    const cache = new ReadCache();
    const kept = await cache.value('overview', 1, async () => ({ figures: [10, 50, 130] }));
    expect(() => kept.figures.push(999)).toThrow(TypeError);
    expect((await cache.value('overview', 1, async () => ({ figures: [] as number[] }))).figures).toEqual([
      10, 50, 130,
    ]);
  });

  it('keeps no failed read: the next reader tries again', async () => {
    const cache = new ReadCache();
    await expect(
      cache.value('overview', 1, () => Promise.reject(new Error('connection lost'))),
    ).rejects.toThrow('connection lost');
    expect(await cache.value('overview', 1, async () => 'read')).toBe('read');
  });

  it('keeps API bodies and page data apart, under the same name', async () => {
    const cache = new ReadCache();
    cache.set('board', 1, { name: 'body' });
    expect(await cache.value('board', 1, async () => ({ name: 'value' }))).toEqual({ name: 'value' });
    expect(JSON.parse(cache.get('board', 1)!.json.toString())).toEqual({ name: 'body' });
  });
});

describe('the pages the data service keeps', () => {
  const page = (size: number, fill = 'a') => new PageMarks().page(fill.repeat(size));

  it('holds no more than its size, letting the least recently used go first', () => {
    const cache = new PageCache(1000);
    cache.set('a', page(400, 'a'));
    cache.set('b', page(400, 'b'));
    cache.get('a');
    cache.set('c', page(400, 'c'));
    expect(cache.get('b')).toBeUndefined();
    expect(wholePage(cache.get('a')!).toString()).toBe('a'.repeat(400));
    expect(wholePage(cache.get('c')!).toString()).toBe('c'.repeat(400));
  });

  it('serves a page bigger than itself without keeping it, and counts a replaced page once', () => {
    const cache = new PageCache(1000);
    expect(wholePage(cache.set('huge', page(2000))).length).toBe(2000);
    expect(cache.get('huge')).toBeUndefined();
    cache.set('a', page(600));
    cache.set('a', page(600));
    cache.set('b', page(300));
    expect(cache.get('a')).toBeDefined();
    expect(cache.get('b')).toBeDefined();
  });

  it('compresses a page once, to the same page', () => {
    const cache = new PageCache();
    const entry = cache.set('a', new PageMarks().page('<p>130 children identified</p>'));
    const zipped = cache.compressed(entry);
    expect(gunzipSync(zipped).toString()).toBe('<p>130 children identified</p>');
    expect(cache.compressed(entry)).toBe(zipped);
  });

  it('puts kept text in place of its marks, and each page unzips to itself', () => {
    const head = new KeptText(`<head><style>${'.tile{margin:0 0 1rem}'.repeat(500)}</style></head>`);
    // Text beyond ASCII, kept and drawn: each piece is placed by its bytes, not its characters.
    const part = new KeptText(`<div><p>Children’s services — £1,250</p>${'<p>50</p>'.repeat(300)}</div>`);
    const long = `<main>${'<p>130 children identified ‘at risk’</p>'.repeat(100)}</main>`;
    const pages: ((marks: PageMarks) => string)[] = [
      (m) =>
        `<!doctype html><html lang="en-GB" data-theme="dark">${m.mark(head)}<body>${m.mark(part)}</body></html>`,
      (m) => `${m.mark(head)}${m.mark(part)}${long}${m.mark(part)}`,
      (m) => `<html>${m.mark(head)}`,
      (m) => m.mark(head),
      () => `<p>A page with nothing kept — “${long}”</p>`,
      () => '<p>Short, and nothing kept</p>',
      // Runs each compressed with zlib's settings sized to them, from 1.5 to 60 kB, some hardly
      // compressible (their output longer than a run that compresses would need).
      ...[1500, 5000, 20_000, 60_000].map(
        (size) => (m: PageMarks) =>
          `<p>${randomBytes(size).toString('base64')}</p>${m.mark(part)}<p>${'figures '.repeat(size / 8)}</p>`,
      ),
    ];
    for (const draw of pages) {
      const marks = new PageMarks();
      const html = draw(marks);
      const whole = marks.resolve(html);
      expect(whole).not.toContain('<!--kept');
      const bytes = marks.page(html);
      expect(wholePage(bytes).toString('utf8')).toBe(whole);
      expect(bytes.length).toBe(Buffer.byteLength(whole));
      const zipped = gzipPage(bytes);
      expect(gunzipSync(zipped).toString('utf8')).toBe(whole);
      // The kept text's compressed bytes are written in as they are, not compressed again.
      for (const kept of [head, part]) {
        expect(zipped.includes(kept.deflated)).toBe(bytes.pieces.includes(kept));
      }
    }
  });

  it('compresses kept text once, for every page it is in', () => {
    const kept = new KeptText(`<div>${'<p>figures</p>'.repeat(200)}</div>`);
    const deflated = kept.deflated;
    const cache = new PageCache();
    for (const name of ['a', 'b']) {
      const marks = new PageMarks();
      const zipped = cache.compressed(cache.set(name, marks.page(`<p>${name}</p>${marks.mark(kept)}`)));
      expect(zipped.includes(deflated)).toBe(true);
    }
    expect(kept.deflated).toBe(deflated);
  });
});

describe('the data read for pages, asked for by many at once', () => {
  it('is read once for all who ask while it is being read', async () => {
    const cache = new ReadCache();
    let reads = 0;
    let finish: (value: string) => void = () => {};
    const load = () => {
      reads += 1;
      return new Promise<string>((resolve) => (finish = resolve));
    };
    const asked = Array.from({ length: 50 }, () => cache.value('overview', 1, load));
    finish('figures');
    expect(await Promise.all(asked)).toEqual(Array(50).fill('figures'));
    expect(reads).toBe(1);
    expect(await cache.value('overview', 1, load)).toBe('figures');
    expect(reads).toBe(1);
  });

  it('after a failed read shared by many, tries again for the next', async () => {
    const cache = new ReadCache();
    let fail: (error: Error) => void = () => {};
    const failing = () => new Promise<string>((_, reject) => (fail = reject));
    const asked = [cache.value('overview', 1, failing), cache.value('overview', 1, failing)];
    fail(new Error('connection lost'));
    for (const one of asked) await expect(one).rejects.toThrow('connection lost');
    expect(await cache.value('overview', 1, async () => 'read')).toBe('read');
  });
});

describe('the parts of pages the data service keeps', () => {
  it('holds no more than its size, letting the least recently used go first', () => {
    const cache = new PartCache(1000);
    const part = (fill: string, size = 400) => new KeptText(fill.repeat(size));
    cache.set('a', { html: part('a'), modules: [] });
    cache.set('b', { html: part('b'), modules: [] });
    cache.get('a');
    cache.set('c', { html: part('c'), modules: ['src/features/indicators/indicators-page.tsx'] });
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')?.html.bytes.toString()).toBe('a'.repeat(400));
    expect(cache.get('c')?.modules).toEqual(['src/features/indicators/indicators-page.tsx']);
    cache.set('huge', { html: part('h', 2000), modules: [] });
    expect(cache.get('huge')).toBeUndefined();
  });

  it('takes a part’s HTML out of the page drawn, nested elements and all', () => {
    const page =
      '<header><div>Board</div></header><div class="overview-grid" data-part="«R1»"><div><p>130</p><div></div></div><section>Chart</section></div><div>after</div>';
    expect(partHtml(page, '«R1»')).toBe('<div><p>130</p><div></div></div><section>Chart</section>');
    expect(partHtml(page, '«R2»')).toBeNull();
  });
});
