import { readImport, transferables } from './read-file';

type Input = { name: string; buffer: ArrayBuffer };

/**
 * Reads a file off the main thread, so a large file keeps the page responsive. Progress goes
 * back as fractions; the result as a table of text cells.
 */
self.onmessage = async (event: MessageEvent<{ data: Input; meta: Input | null }>) => {
  const { data, meta } = event.data;
  const result = await readImport(data, meta, (fraction) => self.postMessage({ type: 'progress', fraction }));
  self.postMessage({ type: 'done', result }, { transfer: transferables(result) });
};
