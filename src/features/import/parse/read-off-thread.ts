import { readImport, type ReadImport } from './read-file';

type Message = { type: 'progress'; fraction: number } | { type: 'done'; result: ReadImport };

const load = async (file: File) => ({ name: file.name, buffer: await file.arrayBuffer() });

/** Thrown when a read is stopped because the user chose another file. */
export class ReadCancelled extends Error {
  constructor() {
    super('The read was cancelled: another file was chosen.');
    this.name = 'ReadCancelled';
  }
}

function check(signal: AbortSignal | undefined) {
  if (signal?.aborted) throw new ReadCancelled();
}

/**
 * Reads a file (and an EES file's .meta.csv) in a module worker, allowed by the strict CSP's
 * `worker-src 'self'`. Aborting the signal stops the worker at once, so a large file chosen by
 * mistake costs nothing once another is chosen. Where there are no workers (jsdom in unit tests),
 * it reads on the main thread instead, and a cancelled read's result is dropped.
 */
export async function readOffThread(
  file: File,
  metaFile: File | null,
  onProgress: (fraction: number) => void,
  signal?: AbortSignal,
): Promise<ReadImport> {
  const data = await load(file);
  check(signal);
  const meta = metaFile ? await load(metaFile) : null;
  check(signal);
  if (typeof Worker === 'undefined') {
    const result = await readImport(data, meta, onProgress);
    check(signal);
    return result;
  }
  const worker = new Worker(new URL('./parse.worker.ts', import.meta.url), { type: 'module' });
  try {
    return await new Promise<ReadImport>((resolve, reject) => {
      signal?.addEventListener('abort', () => reject(new ReadCancelled()), { once: true });
      worker.onmessage = (event: MessageEvent<Message>) => {
        if (event.data.type === 'progress') onProgress(event.data.fraction);
        else resolve(event.data.result);
      };
      worker.onerror = (event) => {
        event.preventDefault();
        reject(new Error('The file could not be read.'));
      };
      const transfer = [data.buffer, ...(meta ? [meta.buffer] : [])];
      worker.postMessage({ data, meta }, transfer);
    });
  } finally {
    worker.terminate();
  }
}
