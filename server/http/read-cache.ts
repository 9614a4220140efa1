import { gzipSync } from 'node:zlib';

export interface CachedBody {
  json: Buffer;
  gzip: Buffer;
  etag: string;
}

/** Freezes a value read from the database and everything in it: a cached answer is shared. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/**
 * Answers to reads of published data, kept per process and keyed by the board's data version:
 * any write that readers can see moves the version on (in the same transaction), so an answer is
 * never served after the data behind it has changed, in this process or another one.
 * It keeps the API's response bodies (JSON and gzip) and the data a page is drawn with on the
 * server, each under its own kind of key, the least recently used going first.
 */
export class ReadCache {
  private readonly entries = new Map<string, CachedBody | { value: unknown }>();
  private readonly reading = new Map<string, Promise<unknown>>();

  constructor(private readonly maxEntries = 500) {}

  private take(key: string): CachedBody | { value: unknown } | undefined {
    const entry = this.entries.get(key);
    if (entry) {
      // Most recently used last.
      this.entries.delete(key);
      this.entries.set(key, entry);
    }
    return entry;
  }

  private put<T extends CachedBody | { value: unknown }>(key: string, entry: T): T {
    this.entries.set(key, entry);
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    return entry;
  }

  get(key: string, dataVersion: number): CachedBody | undefined {
    return this.take(`body\u0000${dataVersion}\u0000${key}`) as CachedBody | undefined;
  }

  set(key: string, dataVersion: number, body: unknown): CachedBody {
    const json = Buffer.from(JSON.stringify(body));
    return this.put(`body\u0000${dataVersion}\u0000${key}`, {
      json,
      gzip: gzipSync(json, { level: 6 }),
      etag: `W/"${dataVersion}"`,
    });
  }

  /**
   * The value `load` gives for `key` at this data version, read once and then shared (frozen, so
   * no reader can change it for the next). A load that fails is not kept.
   */
  async value<T>(key: string, dataVersion: number, load: () => Promise<T>): Promise<T> {
    const cacheKey = `value\u0000${dataVersion}\u0000${key}`;
    const entry = this.take(cacheKey) as { value: T } | undefined;
    if (entry) return entry.value;
    // Fifty people opening the page at once after a change wait for one read, not fifty.
    let reading = this.reading.get(cacheKey) as Promise<T> | undefined;
    if (!reading) {
      reading = load().then(deepFreeze);
      this.reading.set(cacheKey, reading);
      void reading.then(
        (value) => {
          this.reading.delete(cacheKey);
          this.put(cacheKey, { value });
        },
        () => this.reading.delete(cacheKey),
      );
    }
    return reading;
  }

  clear(): void {
    this.entries.clear();
  }
}
