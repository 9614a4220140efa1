import {
  constants,
  crc32,
  deflateRaw as deflateRawCallback,
  deflateRawSync,
  gzip as gzipCallback,
} from 'node:zlib';
import { promisify } from 'node:util';

const gzip = promisify(gzipCallback);
const deflateRaw = promisify(deflateRawCallback);

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
    this.deflated = deflateRawSync(this.text, { finishFlush: constants.Z_SYNC_FLUSH });
  }

  /** The page gzipped, with this text in it compressed once; a page without it, as any other. */
  async gzip(page: Buffer): Promise<Buffer> {
    const at = this.text.length > 0 ? page.indexOf(this.text) : -1;
    // What comes before the head (the doctype and <html>) is a few dozen bytes: stored as they are,
    // in a block of its own, since starting zlib for them costs more (half a millisecond) than it saves.
    if (at < 0 || at > 0xffff) return gzip(page);
    const before = storedBlock(page.subarray(0, at));
    const after = await deflateRaw(page.subarray(at + this.text.length));
    const trailer = Buffer.alloc(8);
    trailer.writeUInt32LE(crc32(page), 0);
    trailer.writeUInt32LE(page.length % 2 ** 32, 4);
    return Buffer.concat([GZIP_HEADER, before, this.deflated, after, trailer]);
  }
}

export interface CachedPage {
  html: Buffer;
  /** Compressed when first asked for, off the event loop. */
  gzip: Promise<Buffer> | null;
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
  set(key: string, html: Buffer, status?: 200 | 404): CachedPage {
    return this.keep(key, { html, gzip: null, ...(status ? { status } : {}) });
  }

  /** The page gzipped, compressed once (in libuv's thread pool, so other requests go on). */
  compressed(entry: CachedPage): Promise<Buffer> {
    if (!entry.gzip) {
      entry.gzip = this.fixed.gzip(entry.html);
      // A failed compression is tried again next time rather than kept.
      entry.gzip.catch(() => (entry.gzip = null));
    }
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
