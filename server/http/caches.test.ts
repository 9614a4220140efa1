import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { partHtml } from '../../src/app/server-part';
import { FixedText, PageCache, PartCache } from './page-cache';
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
  const page = (size: number, fill = 'a') => ({ html: Buffer.from(fill.repeat(size)), headAt: -1 });

  it('holds no more than its size, letting the least recently used go first', () => {
    const cache = new PageCache(1000);
    cache.set('a', page(400, 'a'));
    cache.set('b', page(400, 'b'));
    cache.get('a');
    cache.set('c', page(400, 'c'));
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')?.html.toString()).toBe('a'.repeat(400));
    expect(cache.get('c')?.html.toString()).toBe('c'.repeat(400));
  });

  it('serves a page bigger than itself without keeping it, and counts a replaced page once', () => {
    const cache = new PageCache(1000);
    expect(cache.set('huge', page(2000)).html.length).toBe(2000);
    expect(cache.get('huge')).toBeUndefined();
    cache.set('a', page(600));
    cache.set('a', page(600));
    cache.set('b', page(300));
    expect(cache.get('a')).toBeDefined();
    expect(cache.get('b')).toBeDefined();
  });

  it('compresses a page once, to the same page', () => {
    const cache = new PageCache();
    const entry = cache.set('a', { html: Buffer.from('<p>130 children identified</p>'), headAt: -1 });
    const zipped = cache.compressed(entry);
    expect(gunzipSync(zipped).toString()).toBe('<p>130 children identified</p>');
    expect(cache.compressed(entry)).toBe(zipped);
  });

  it('compresses the head every page carries once, and each page still unzips to itself', () => {
    const head = `<head><style>${'.tile{margin:0 0 1rem}'.repeat(500)}</style></head>`;
    const fixed = new FixedText(head);
    const cache = new PageCache(1024 * 1024, fixed);
    const pages: [before: string, after: string][] = [
      [
        '<!doctype html><html lang="en-GB" data-theme="dark">',
        '<body><p>130 children identified</p></body></html>',
      ],
      ['', `<body>${'<p>50</p>'.repeat(2000)}</body>`],
      ['<html>', ''],
      ['', ''],
    ];
    for (const [before, after] of pages) {
      const zipped = cache.compressed(cache.set(before + after, fixed.around(before, after)));
      expect(gunzipSync(zipped).toString()).toBe(before + head + after);
      // The head's compressed bytes are written in as they are, not compressed again.
      expect(zipped.includes(fixed.deflated)).toBe(true);
    }
    // A page without the head, or with it elsewhere than the page says: compressed as any other.
    const without = { html: Buffer.from('<p>A page without the head</p>'), headAt: 3 };
    const misplaced = { ...fixed.around('<html>', '</html>'), headAt: 0 };
    for (const entry of [without, misplaced]) {
      const zipped = cache.compressed(cache.set(entry.html.toString(), entry));
      expect(gunzipSync(zipped).toString()).toBe(entry.html.toString());
      expect(zipped.includes(fixed.deflated)).toBe(false);
    }
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
    cache.set('a', { html: 'a'.repeat(400), modules: [] });
    cache.set('b', { html: 'b'.repeat(400), modules: [] });
    cache.get('a');
    cache.set('c', { html: 'c'.repeat(400), modules: ['src/features/indicators/indicators-page.tsx'] });
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')?.html).toBe('a'.repeat(400));
    expect(cache.get('c')?.modules).toEqual(['src/features/indicators/indicators-page.tsx']);
    cache.set('huge', { html: 'h'.repeat(2000), modules: [] });
    expect(cache.get('huge')).toBeUndefined();
  });

  it('takes a part’s HTML out of the page drawn, nested elements and all', () => {
    const page =
      '<header><div>Board</div></header><div class="overview-grid" data-part="«R1»"><div><p>130</p><div></div></div><section>Chart</section></div><div>after</div>';
    expect(partHtml(page, '«R1»')).toBe('<div><p>130</p><div></div></div><section>Chart</section>');
    expect(partHtml(page, '«R2»')).toBeNull();
  });
});
