import { gzipSync } from 'node:zlib';

export interface CachedBody {
  json: Buffer;
  gzip: Buffer;
  etag: string;
}

/**
 * Answers to reads of published data, kept per process and keyed by the board's data version:
 * any write that readers can see moves the version on (in the same transaction), so an answer is
 * never served after the data behind it has changed, in this process or another one.
 */
export class ReadCache {
  private readonly entries = new Map<string, CachedBody>();

  constructor(private readonly maxEntries = 500) {}

  get(key: string, dataVersion: number): CachedBody | undefined {
    const entry = this.entries.get(`${dataVersion}\u0000${key}`);
    if (entry) {
      // Most recently used last.
      this.entries.delete(`${dataVersion}\u0000${key}`);
      this.entries.set(`${dataVersion}\u0000${key}`, entry);
    }
    return entry;
  }

  set(key: string, dataVersion: number, body: unknown): CachedBody {
    const json = Buffer.from(JSON.stringify(body));
    const entry = { json, gzip: gzipSync(json, { level: 6 }), etag: `W/"${dataVersion}"` };
    this.entries.set(`${dataVersion}\u0000${key}`, entry);
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    return entry;
  }

  clear(): void {
    this.entries.clear();
  }
}
