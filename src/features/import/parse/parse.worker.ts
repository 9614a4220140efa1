import { readFileBytes } from './read-file';

/**
 * Reads a file off the main thread, so a large file keeps the page responsive. Progress goes
 * back as fractions; the result as a table of text cells.
 */
self.onmessage = async (event: MessageEvent<{ name: string; buffer: ArrayBuffer }>) => {
  const { name, buffer } = event.data;
  const result = await readFileBytes(name, buffer, (fraction) =>
    self.postMessage({ type: 'progress', fraction }),
  );
  self.postMessage({ type: 'done', result });
};
