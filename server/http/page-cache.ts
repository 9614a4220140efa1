import { gzip as gzipCallback } from 'node:zlib';
import { promisify } from 'node:util';

const gzip = promisify(gzipCallback);

export interface CachedPage {
  html: Buffer;
  /** Compressed when first asked for, off the event loop. */
  gzip: Promise<Buffer> | null;
  /** The status the page was drawn with (404 for a record that is not there). */
  status?: 200 | 404;
}

/**
 * Pages the data service has drawn, kept per process so that opening the same page again (a
 * reload, the back button, a second tab) is not drawn again. The caller's key says everything
 * the page was drawn from: its address, the person's session, the board's data version, and so on.
 * Bounded by the size of the pages (their gzipped copies add about a fifth), not their count: a
 * page of 200 indicators carries all their figures. The least recently used go first.
 */
export class PageCache {
  private readonly entries = new Map<string, CachedPage>();
  private bytes = 0;

  constructor(private readonly maxBytes = 64 * 1024 * 1024) {}

  get(key: string): CachedPage | undefined {
    const entry = this.entries.get(key);
    if (entry) {
      this.entries.delete(key);
      this.entries.set(key, entry);
    }
    return entry;
  }

  set(key: string, html: Buffer, status?: 200 | 404): CachedPage {
    this.remove(key);
    const entry: CachedPage = { html, gzip: null, ...(status ? { status } : {}) };
    // A page bigger than the whole cache is served, not kept.
    if (html.length > this.maxBytes) return entry;
    this.entries.set(key, entry);
    this.bytes += html.length;
    while (this.bytes > this.maxBytes) this.remove(this.entries.keys().next().value!);
    return entry;
  }

  /** The page gzipped, compressed once (in libuv's thread pool, so other requests go on). */
  compressed(entry: CachedPage): Promise<Buffer> {
    if (!entry.gzip) {
      entry.gzip = gzip(entry.html);
      // A failed compression is tried again next time rather than kept.
      entry.gzip.catch(() => (entry.gzip = null));
    }
    return entry.gzip;
  }

  private remove(key: string) {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.bytes -= entry.html.length;
  }
}

/** A part of a page drawn on the server (src/app/server-part.tsx): its HTML, and the lazy pages drawn with it. */
export interface KeptPart {
  html: string;
  modules: readonly string[];
}

/**
 * The parts of pages that depend only on the board's data (and the width guess, the person's
 * rights, the day and what the part is given from the address), drawn once and used again for
 * every page drawn from the same, whoever it is for. Each part's key holds the data version, so a
 * write anyone can see (it moves the version on, in this process or another) means the next page
 * draws the part anew. Per instance, bounded by size, the least recently used going first.
 */
export class PartCache {
  private readonly entries = new Map<string, KeptPart>();
  private bytes = 0;

  constructor(private readonly maxBytes = 16 * 1024 * 1024) {}

  get(key: string): KeptPart | undefined {
    const entry = this.entries.get(key);
    if (entry) {
      this.entries.delete(key);
      this.entries.set(key, entry);
    }
    return entry;
  }

  set(key: string, part: KeptPart): void {
    this.remove(key);
    if (part.html.length > this.maxBytes) return;
    this.entries.set(key, part);
    this.bytes += part.html.length;
    while (this.bytes > this.maxBytes) this.remove(this.entries.keys().next().value!);
  }

  private remove(key: string) {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.bytes -= entry.html.length;
  }
}
