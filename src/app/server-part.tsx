import { createContext, use, useId, type ReactNode } from 'react';

/**
 * On the server only: the parts of pages already drawn (their HTML), and the parts this drawing
 * draws anew, for the data service to keep (see server/http/server-render.ts). Absent in the browser.
 */
export interface ServerParts {
  /**
   * What every part is drawn from besides its own `deps`: the board's data version, the width
   * guessed for charts, the person's rights and the day. A part's HTML is only used again where
   * all of these are the same.
   */
  context: string;
  /**
   * What to write for the part kept under a key, if any: its HTML, or a mark the data service puts
   * its HTML in place of (server/http/page-cache.ts, PageMarks).
   */
  find: (key: string) => string | undefined;
  /** The parts drawn anew in this drawing: their element's `data-part` and their key. */
  drawn: Map<string, string>;
}

export const ServerPartsContext = createContext<ServerParts | null>(null);

/**
 * A part of a page that depends only on the board's data (as of a data version), the width guess,
 * the person's rights and `deps` (what it is given from the address: the reporting year, say),
 * drawn once on the server and its HTML used again for every page drawn from the same. The browser
 * draws its children as usual and takes over the same HTML. Its element carries its place in the
 * tree (`useId`), which is part of its key: ids drawn inside it are those of that place.
 * Nothing in it may depend on anything else: not the person's name, not other parts of the address.
 */
export function ServerPart({
  name,
  deps,
  className,
  children,
}: {
  name: string;
  deps: readonly unknown[];
  className: string;
  children: ReactNode;
}) {
  const id = useId();
  const parts = use(ServerPartsContext);
  if (parts) {
    const key = JSON.stringify([name, id, parts.context, deps]);
    const html = parts.find(key);
    if (html !== undefined) {
      return <div className={className} data-part={id} dangerouslySetInnerHTML={{ __html: html }} />;
    }
    parts.drawn.set(id, key);
  }
  return (
    <div className={className} data-part={id}>
      {children}
    </div>
  );
}

/**
 * The inner HTML of the element whose `data-part` is `id` in a page React drew (a `<div>`: React
 * escapes `<` in text and attributes, so every `<div` and `</div>` in it is a tag). Null if absent.
 */
export function partHtml(html: string, id: string): string | null {
  const marker = ` data-part="${id.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`;
  const at = html.indexOf(marker);
  if (at < 0) return null;
  const start = html.indexOf('>', at) + 1;
  const tag = /<div[\s>]|<\/div>/g;
  tag.lastIndex = start;
  let depth = 1;
  for (let match = tag.exec(html); match; match = tag.exec(html)) {
    depth += match[0] === '</div>' ? -1 : 1;
    if (depth === 0) return html.slice(start, match.index);
  }
  return null;
}
