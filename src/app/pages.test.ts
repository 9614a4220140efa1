import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as pages from './pages';

const root = resolve(import.meta.dirname, '../..');

describe('the lazily loaded pages', () => {
  it('each name the module they load, for the server to ask for its code with the page', () => {
    const text = readFileSync(resolve(import.meta.dirname, 'pages.ts'), 'utf8');
    const declared = [...text.matchAll(/import\('([^']+)'\),\s*'(\w+)',\s*'([^']+)'/g)];
    expect(declared).toHaveLength(Object.keys(pages).length);
    for (const [, imported, name, source] of declared) {
      const file = resolve(import.meta.dirname, `${imported}.tsx`);
      expect(resolve(root, source!), name).toBe(file);
      expect(existsSync(file), source).toBe(true);
      expect(readFileSync(file, 'utf8'), source).toMatch(new RegExp(`export function ${name}\\b`));
    }
    expect(new Set(Object.values(pages).map((page) => page.source)).size).toBeGreaterThan(15);
  });
});
