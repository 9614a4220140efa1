/**
 * What a person typed into a form, kept in this tab when a save fails because their session has
 * ended, so that after signing in again (which reloads the page) the form opens with it. A draft
 * is dropped when the form is saved or cancelled, and all drafts when the person signs out.
 */
const PREFIX = 'form-draft:';

export function keepDraft(key: string, values: unknown): void {
  try {
    sessionStorage.setItem(PREFIX + key, JSON.stringify(values));
  } catch {
    // Storage full or switched off: the form still has the values in memory.
  }
}

export function readDraft<T>(key: string, isValid: (value: unknown) => value is T): T | null {
  try {
    const text = sessionStorage.getItem(PREFIX + key);
    if (text === null) return null;
    const value: unknown = JSON.parse(text);
    return isValid(value) ? value : null;
  } catch {
    return null;
  }
}

export function dropDraft(key: string): void {
  try {
    sessionStorage.removeItem(PREFIX + key);
  } catch {
    // Nothing to drop.
  }
}

/** The keys of the drafts kept under a prefix, e.g. every `audit:` draft. */
export function draftKeys(prefix: string): string[] {
  try {
    return Object.keys(sessionStorage)
      .filter((k) => k.startsWith(PREFIX + prefix))
      .map((k) => k.slice(PREFIX.length));
  } catch {
    return [];
  }
}

export function dropAllDrafts(): void {
  for (const key of draftKeys('')) dropDraft(key);
}
