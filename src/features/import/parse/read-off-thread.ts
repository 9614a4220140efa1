import { readFileBytes } from './read-file';
import type { ReadResult } from './types';

type Message = { type: 'progress'; fraction: number } | { type: 'done'; result: ReadResult };

/**
 * Reads a file in a module worker (allowed by the strict CSP's `worker-src 'self'`). Where there
 * are no workers (jsdom in unit tests), it reads on the main thread instead.
 */
export async function readOffThread(file: File, onProgress: (fraction: number) => void): Promise<ReadResult> {
  const buffer = await file.arrayBuffer();
  if (typeof Worker === 'undefined') return readFileBytes(file.name, buffer, onProgress);
  const worker = new Worker(new URL('./parse.worker.ts', import.meta.url), { type: 'module' });
  try {
    return await new Promise<ReadResult>((resolve, reject) => {
      worker.onmessage = (event: MessageEvent<Message>) => {
        if (event.data.type === 'progress') onProgress(event.data.fraction);
        else resolve(event.data.result);
      };
      worker.onerror = (event) => {
        event.preventDefault();
        reject(new Error('The file could not be read.'));
      };
      worker.postMessage({ name: file.name, buffer }, [buffer]);
    });
  } finally {
    worker.terminate();
  }
}
