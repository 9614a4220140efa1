import { z } from '../api/zod';
import { packItemSchema, type PackItem } from './meeting-pack';

/**
 * The meeting pack as this browser kept it, checked: whatever is in storage was written by some
 * version of this app, or by hand, so only the items that still make sense are kept. Loaded (with
 * the pack's schemas) only when the browser has a pack to read.
 */
export function keptPack(persisted: unknown): { items: PackItem[]; printNotes: boolean } {
  const parsed = z.object({ items: z.array(z.unknown()) }).safeParse(persisted);
  const printNotes = z.object({ printNotes: z.boolean() }).safeParse(persisted);
  const items = parsed.success
    ? parsed.data.items.flatMap((raw) => {
        const item = packItemSchema.safeParse(raw);
        return item.success ? [item.data] : [];
      })
    : [];
  return { items, printNotes: printNotes.success ? printNotes.data.printNotes : false };
}
