import { constants, crc32, deflateRawSync } from 'node:zlib';

/**
 * How hard what is drawn for one page is compressed: zlib's fastest level, on the event loop. A page
 * is drawn for one person and mostly sent once, so its compression is paid on the request; what
 * many pages carry is kept and compressed once (KeptText). On the large board the overview's 55 kB
 * after its head took 0.5 ms of CPU at zlib's default level and 0.15 ms at level 1, for 1.6 kB more;
 * the indicators list's 580 kB, 11 ms against 2 ms. nginx's default for what it compresses as it
 * sends is the same level.
 */
export const PAGE_GZIP_LEVEL = 1;

/**
 * How hard text kept for many pages is compressed (index.html's head, a part of a page drawn from
 * the board's data, the data a page hands over): zlib's default, once per version of the board's
 * data, whoever the page is for.
 */
export const KEPT_GZIP_LEVEL = 6;

/** A gzip member's header: deflate, no name or time, from an unknown system (RFC 1952). */
const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);

/** The last block of a deflate stream, empty: BFINAL 1, fixed codes, end of block (RFC 1951, 3.2.6). */
const LAST_BLOCK = Buffer.from([0x03, 0x00]);

/** Below this, text drawn for one page is stored in the gzip as it is: starting zlib costs more. */
const STORED_BELOW = 1024;

/** A deflate block of bytes stored uncompressed (at most 65,535), not the last (RFC 1951, 3.2.4). */
function storedBlock(bytes: Buffer): Buffer {
  const header = Buffer.alloc(5);
  // BFINAL 0, BTYPE 00, padded to the byte; then LEN and its complement NLEN.
  header.writeUInt16LE(bytes.length, 1);
  header.writeUInt16LE(~bytes.length & 0xffff, 3);
  return Buffer.concat([header, bytes]);
}

/**
 * Text written into many pages: index.html's head with its stylesheet, a part of a page drawn from
 * the board's data (src/app/server-part.tsx), the data a page hands over. It is encoded once, and
 * deflated once when first sent compressed, then written into each page's gzip as it is: a page
 * drawn anew compresses only what was drawn for it. Deflate blocks that end on a byte boundary (a
 * sync flush) can be placed one after another, and none refers back to text before its own start,
 * so the pieces make one stream (as pigz's do).
 */
export class KeptText {
  readonly bytes: Buffer;
  private compressed: Buffer | null = null;

  constructor(text: string) {
    this.bytes = Buffer.from(text);
  }

  get length(): number {
    return this.bytes.length;
  }

  get deflated(): Buffer {
    this.compressed ??= deflateRawSync(this.bytes, {
      level: KEPT_GZIP_LEVEL,
      finishFlush: constants.Z_SYNC_FLUSH,
    });
    return this.compressed;
  }
}

/**
 * A page's bytes as what they are made of, in order: kept text, and the runs of text drawn for this
 * page between them. They are not copied into one buffer: a page is sent gzipped, made from these
 * (`gzipPage`), and the overview of a large board is some 80 kB, most of it kept text, which a copy
 * for each page drawn anew would only add to the memory waiting for the next collection (issue 22:
 * with 50 people drawing pages at once on PostgreSQL, buffers freed and not yet collected were some
 * 48 MB with the copy, 24 without).
 */
export interface PageBytes {
  /** The page's length in bytes. */
  length: number;
  pieces: readonly (KeptText | Buffer)[];
}

/** The page as one buffer, for the rare client that does not take gzip. */
export const wholePage = ({ pieces, length }: PageBytes): Buffer =>
  Buffer.concat(
    pieces.map((piece) => (piece instanceof KeptText ? piece.bytes : piece)),
    length,
  );

/** Where kept text goes in a page being put together: a comment with its number. */
const MARK = /<!--kept (\d+)-->/g;

/**
 * The kept text a page is put together with, each in the page's HTML as a mark until the page is
 * turned into bytes. No text drawn from data can hold a mark: React escapes "<" in text and
 * attributes, and the data handed over is escaped likewise (scriptJson); React's own comments are
 * others (`<!-- -->`, `<!--$-->`); and what is written into a page as it is, is HTML React drew
 * (a part kept, src/app/server-part.tsx) or a mark.
 */
export class PageMarks {
  private readonly kept: KeptText[] = [];

  /** The mark for `text`, to write where it goes. */
  mark(text: KeptText): string {
    return `<!--kept ${this.kept.push(text) - 1}-->`;
  }

  /** `html` with the kept text in place of its marks: for HTML kept apart from this page. */
  resolve(html: string): string {
    return html.includes('<!--kept ')
      ? html.replace(MARK, (_, at: string) => this.kept[Number(at)]!.bytes.toString('utf8'))
      : html;
  }

  /** The page as bytes: each run drawn for it encoded, and the kept text in place of its marks. */
  page(html: string): PageBytes {
    const pieces: (KeptText | Buffer)[] = [];
    let from = 0;
    let length = 0;
    const add = (piece: KeptText | Buffer) => {
      pieces.push(piece);
      length += piece.length;
    };
    for (const match of html.matchAll(MARK)) {
      if (match.index > from) add(Buffer.from(html.slice(from, match.index)));
      add(this.kept[Number(match[1])]!);
      from = match.index + match[0].length;
    }
    if (html.length > from) add(Buffer.from(html.slice(from)));
    return { length, pieces };
  }
}

/**
 * zlib's settings for a run drawn for one page, sized to it: a run of a few kilobytes needs neither
 * a 32 kB window nor zlib's 16 kB buffer for its output (the most a run can refer back to is its own
 * length; the output of a run that compresses fits in its own length). Each is memory taken and
 * freed for every page drawn: about 260 kB of zlib's state and 16 kB of buffer, against 35 kB and the
 * run's length for a run of 4 kB.
 */
function runOptions(length: number) {
  // 2^windowBits at least the run's length, from zlib's least (9) to its most (15).
  const windowBits = Math.min(15, Math.max(9, Math.ceil(Math.log2(length))));
  return {
    level: PAGE_GZIP_LEVEL,
    finishFlush: constants.Z_SYNC_FLUSH,
    windowBits,
    memLevel: Math.max(1, windowBits - 7),
    chunkSize: Math.min(16 * 1024, length + 64),
  };
}

/**
 * The page gzipped: each run of text drawn for it compressed at zlib's fastest level (or stored, if
 * short), and each kept text's deflated bytes written in as they are.
 */
export function gzipPage({ length, pieces }: PageBytes): Buffer {
  const out: Buffer[] = [GZIP_HEADER];
  let crc = 0;
  for (const piece of pieces) {
    if (piece instanceof KeptText) {
      out.push(piece.deflated);
      crc = crc32(piece.bytes, crc);
      continue;
    }
    out.push(
      piece.length < STORED_BELOW ? storedBlock(piece) : deflateRawSync(piece, runOptions(piece.length)),
    );
    crc = crc32(piece, crc);
  }
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc, 0);
  trailer.writeUInt32LE(length % 2 ** 32, 4);
  out.push(LAST_BLOCK, trailer);
  return Buffer.concat(out);
}

export interface CachedPage extends PageBytes {
  /** Compressed when first asked for. */
  gzip: Buffer | null;
  /** The status the page was drawn with (404 for a record that is not there). */
  status?: 200 | 404;
}

/**
 * Entries bounded by their size in bytes (`sizeOf`), not their count, the least recently used going
 * first. An entry bigger than the whole cache is not kept.
 */
class SizedCache<T> {
  private readonly entries = new Map<string, T>();
  private bytes = 0;

  constructor(
    private readonly maxBytes: number,
    private readonly sizeOf: (entry: T) => number,
  ) {}

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
    if (this.sizeOf(entry) > this.maxBytes) return entry;
    this.entries.set(key, entry);
    this.bytes += this.sizeOf(entry);
    while (this.bytes > this.maxBytes) this.remove(this.entries.keys().next().value!);
    return entry;
  }

  private remove(key: string) {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.bytes -= this.sizeOf(entry);
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
  constructor(maxBytes = 16 * 1024 * 1024) {
    super(maxBytes, (page) => page.length);
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
    entry.gzip ??= gzipPage(entry);
    return entry.gzip;
  }
}

/** A part of a page drawn on the server (src/app/server-part.tsx): its HTML, and the lazy pages drawn with it. */
export interface KeptPart {
  html: KeptText;
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
    super(maxBytes, (part) => part.html.length);
  }

  set(key: string, part: KeptPart): void {
    this.keep(key, part);
  }
}
