import { readImport, type ReadImport } from './read-file';

type Message = { type: 'progress'; fraction: number } | { type: 'done'; result: ReadImport };

const load = async (file: File) => ({ name: file.name, buffer: await file.arrayBuffer() });

/**
 * Reads a file (and an EES file's .meta.csv) in a module worker, allowed by the strict CSP's
 * `worker-src 'self'`. Where there are no workers (jsdom in unit tests), it reads on the main
 * thread instead.
 */
export async function readOffThread(
  file: File,
  metaFile: File | null,
  onProgress: (fraction: number) => void,
): Promise<ReadImport> {
  const data = await load(file);
  const meta = metaFile ? await load(metaFile) : null;
  if (typeof Worker === 'undefined') return readImport(data, meta, onProgress);
  const worker = new Worker(new URL('./parse.worker.ts', import.meta.url), { type: 'module' });
  try {
    return await new Promise<ReadImport>((resolve, reject) => {
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
