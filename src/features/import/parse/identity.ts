import { LOCAL_PREFIX } from '../../../api/local-indicators';
import { slugify } from '../../../lib/csv';

/**
 * A 53-bit hash of a string (cyrb53), written in base 36. Not for security: it turns the full
 * identity of an imported indicator into a short, stable suffix, so two indicators whose readable
 * names agree for their first 60 characters still get different ids.
 */
export function hash(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/**
 * A file's name as the same file has whatever the browser saved it as: without its extension,
 * without the " (1)" a second download adds, in lower case.
 */
export function fileKey(fileName: string): string {
  return fileName
    .trim()
    .toLowerCase()
    .replace(/\.(?:csv|txt|xlsx)$/, '')
    .replace(/\s*\(\d+\)$/, '')
    .trim();
}

/**
 * An id for an imported indicator: a readable slug, then a hash of everything that makes the
 * indicator what it is (the file, the area's code, the column, the filter values chosen). The same
 * choices from the same file always give the same id; any other choice gives another.
 */
export function importedId(readable: string, identity: readonly string[]): string {
  return `${LOCAL_PREFIX}${slugify(readable, 60, 'indicator')}-${hash(JSON.stringify(identity))}`;
}

/**
 * The id the template gives an indicator_id. Short ids stay as they are (so re-importing a file
 * replaces what it imported before); one too long for a readable id keeps its first words and a
 * hash of the whole, so two long ids that start alike stay apart.
 */
export function templateId(indicatorId: string): string {
  const full = slugify(indicatorId, Infinity, 'indicator');
  if (full.length <= 60) return `${LOCAL_PREFIX}${full}`;
  return `${LOCAL_PREFIX}${slugify(full, 48, 'indicator')}-${hash(indicatorId.trim())}`;
}

/** The id the first version of the Import page gave an EES indicator: area and column, cut short. */
export function legacyEesId(areaName: string, column: string): string {
  return `${LOCAL_PREFIX}${slugify(areaName, 60, 'indicator')}-${slugify(column, 60, 'indicator')}`;
}
