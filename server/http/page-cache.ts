import { constants, crc32, deflateRawSync, gzipSync } from 'node:zlib';

/**
 * How hard a page drawn for someone is compressed: zlib's fastest level. A page is drawn for one
 * person and mostly sent once, so its compression is paid on the request. On the large board the
 * overview (55 kB after its head) took 0.5 ms of CPU at the default level 6 and 0.15 ms at level 1
 * for 1.6 kB more (11.0 kB against 9.4), the indicators list (580 kB) 11 ms against 2 ms for 18 kB
 * more (70 kB against 52). With the page compressed on the event loop and its head found without a
 * search, the service's CPU for an overview drawn anew fell by 13 to 16% (README, Performance).
 * nginx's default for what it compresses as it sends is the same level.
 */
export const PAGE_GZIP_LEVEL = 1;

/** A gzip member's header: deflate, no name or time, from an unknown system (RFC 1952). */
const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);

/** A deflate block of bytes stored uncompressed (at most 65,535), not the last (RFC 1951, 3.2.4). */
function storedBlock(bytes: Buffer): Buffer {
  const header = Buffer.alloc(5);
  // BFINAL 0, BTYPE 00, padded to the byte; then LEN and its complement NLEN.
  header.writeUInt16LE(bytes.length, 1);
  header.writeUInt16LE(~bytes.length & 0xffff, 3);
  return Buffer.concat([header, bytes]);
}

/**
 * Text every page carries (index.html's head, with its stylesheet), deflated once at start and
 * written into each page's gzip as it is: a page drawn anew compresses only its own parts.
 * Deflate blocks that end on a byte boundary (a sync flush) can be placed one after another, and a
 * block never needs to refer back to text before it, so the pieces make one stream (as pigz's do).
 */
export class FixedText {
  readonly text: Buffer;
  readonly deflated: Buffer;

  constructor(text: string) {
    this.text = Buffer.from(text);
    // Once, at start: as hard as zlib can.
    this.deflated = deflateRawSync(this.text, { level: 9, finishFlush: constants.Z_SYNC_FLUSH });
  }

  /** A page with this text between `before` and `after`, and where the text starts in it. */
  around(before: string, after: string): PageBytes {
    const start = Buffer.from(before);
    return { html: Buffer.concat([start, this.text, Buffer.from(after)]), headAt: start.length };
  }

  /**
   * The page gzipped, with this text in it compressed once; a page without it, as any other. Where
   * the text is, the page says (`around` knows): looking for 30 kB in a page costs more than zlib's
   * compressing it at level 1. It is checked to be there, byte for byte.
   */
  gzip({ html: page, headAt: at }: PageBytes): Buffer {
    const there =
      at >= 0 && this.text.length > 0 && this.text.equals(page.subarray(at, at + this.text.length));
    // What comes before the head (the doctype and <html>) is a few dozen bytes: stored as they are,
    // in a block of its own, since starting zlib for them costs more (half a millisecond) than it saves.
    if (!there || at > 0xffff) return gzipSync(page, { level: PAGE_GZIP_LEVEL });
    const before = storedBlock(page.subarray(0, at));
    const after = deflateRawSync(page.subarray(at + this.text.length), { level: PAGE_GZIP_LEVEL });
    const trailer = Buffer.alloc(8);
    trailer.writeUInt32LE(crc32(page), 0);
    trailer.writeUInt32LE(page.length % 2 ** 32, 4);
    return Buffer.concat([GZIP_HEADER, before, this.deflated, after, trailer]);
  }
}

/** A page's bytes, and where in them the text every page carries starts (-1: nowhere). */
export interface PageBytes {
  html: Buffer;
  headAt: number;
}

export interface CachedPage extends PageBytes {
  /** Compressed when first asked for. */
  gzip: Buffer | null;
  /** The status the page was drawn with (404 for a record that is not there). */
  status?: 200 | 404;
}

/**
 * Entries bounded by their size (`html.length`), not their count, the least recently used going
 * first. An entry bigger than the whole cache is not kept.
 */
class SizedCache<T extends { html: { length: number } }> {
  private readonly entries = new Map<string, T>();
  private bytes = 0;

  constructor(private readonly maxBytes: number) {}

  get(key: string): T | undefined {
    const entry = this.entries.get(key);
    if (entry) {
      this.entries.delete(key);
      this.entries.set(key, entry);
    }
    return entry;
  }

  protected keep(key: string, entry: T): T {
    this.remove(key);
    if (entry.html.length > this.maxBytes) return entry;
    this.entries.set(key, entry);
    this.bytes += entry.html.length;
    while (this.bytes > this.maxBytes) this.remove(this.entries.keys().next().value!);
    return entry;
  }

  private remove(key: string) {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.bytes -= entry.html.length;
  }
}

/**
 * Pages the data service has drawn, kept per process so that opening the same page again (a
 * reload, the back button, a second tab) is not drawn again. The caller's key says everything
 * the page was drawn from: its address, the person's session, the board's data version, and so on.
 * Bounded by the size of the pages (their gzipped copies add about a fifth), not their count: a
 * page of 200 indicators carries all their figures. The least recently used go first.
 */
export class PageCache extends SizedCache<CachedPage> {
  // 16 MB holds some two hundred overviews of a large board (about 85 kB each): a reload, the
  // back button or a second tab for everyone at a meeting. At 64 MB the service under 50 people's
  // load held 337 MB against 262 MB, and answered no faster (issue 22).
  constructor(
    maxBytes = 16 * 1024 * 1024,
    private readonly fixed = new FixedText(''),
  ) {
    super(maxBytes);
  }

  /** A page bigger than the whole cache is served, not kept. */
  set(key: string, page: PageBytes, status?: 200 | 404): CachedPage {
    return this.keep(key, { ...page, gzip: null, ...(status ? { status } : {}) });
  }

  /**
   * The page gzipped, compressed once. On the event loop: at zlib's fastest level that costs less
   * than handing the page to libuv's threads and back (a tenth of a millisecond for the overview).
   */
  compressed(entry: CachedPage): Buffer {
    entry.gzip ??= this.fixed.gzip(entry);
    return entry.gzip;
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
export class PartCache extends SizedCache<KeptPart> {
  constructor(maxBytes = 16 * 1024 * 1024) {
    super(maxBytes);
  }

  set(key: string, part: KeptPart): void {
    this.keep(key, part);
  }
}
