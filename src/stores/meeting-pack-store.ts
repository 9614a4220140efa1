import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { useShallow } from 'zustand/react/shallow';
import { z } from '../api/zod';
import {
  packChartKey,
  packItemSchema,
  type PackChart,
  type PackItem,
  type SharedPackItem,
} from '../lib/meeting-pack';

interface MeetingPackState {
  items: PackItem[];
  /** Whether the printed handout includes each chart's speaker note. */
  printNotes: boolean;
  setPrintNotes: (printNotes: boolean) => void;
  toggle: (chart: PackChart) => void;
  remove: (id: string) => void;
  move: (id: string, by: -1 | 1) => void;
  setNote: (id: string, note: string) => void;
  add: (items: readonly SharedPackItem[]) => void;
  replace: (items: readonly SharedPackItem[]) => void;
}

export const MEETING_PACK_STORAGE_KEY = 'lscb-dashboard:meeting-pack';

let counter = 0;
function newId(): string {
  counter += 1;
  return `item-${Date.now().toString(36)}-${counter}`;
}

const withIds = (items: readonly SharedPackItem[]): PackItem[] =>
  items.map((item) => ({ ...item, id: newId() }));

export const useMeetingPackStore = create<MeetingPackState>()(
  persist(
    (set) => ({
      items: [],
      printNotes: false,
      setPrintNotes: (printNotes) => set({ printNotes }),
      toggle: (chart) =>
        set(({ items }) => {
          const key = packChartKey(chart);
          return items.some((i) => packChartKey(i) === key)
            ? { items: items.filter((i) => packChartKey(i) !== key) }
            : { items: [...items, { ...chart, id: newId(), note: '' }] };
        }),
      remove: (id) => set(({ items }) => ({ items: items.filter((i) => i.id !== id) })),
      move: (id, by) =>
        set(({ items }) => {
          const from = items.findIndex((i) => i.id === id);
          const to = from + by;
          if (from < 0 || to < 0 || to >= items.length) return {};
          const next = [...items];
          [next[from], next[to]] = [next[to]!, next[from]!];
          return { items: next };
        }),
      setNote: (id, note) =>
        set(({ items }) => ({ items: items.map((i) => (i.id === id ? { ...i, note } : i)) })),
      add: (incoming) => set(({ items }) => ({ items: [...items, ...withIds(incoming)] })),
      replace: (incoming) => set({ items: withIds(incoming) }),
    }),
    {
      name: MEETING_PACK_STORAGE_KEY,
      storage: createJSONStorage(() => localStorage),
      version: 1,
      partialize: ({ items, printNotes }) => ({ items, printNotes }),
      // Whatever is in storage was written by some version of this app, or by hand: keep only
      // the items that still make sense.
      merge: (persisted, current) => {
        const parsed = z.object({ items: z.array(z.unknown()) }).safeParse(persisted);
        const printNotes = z.object({ printNotes: z.boolean() }).safeParse(persisted);
        const items = parsed.success
          ? parsed.data.items.flatMap((raw) => {
              const item = packItemSchema.safeParse(raw);
              return item.success ? [item.data] : [];
            })
          : [];
        return { ...current, items, printNotes: printNotes.success ? printNotes.data.printNotes : false };
      },
    },
  ),
);

export const usePackItems = () => useMeetingPackStore((s) => s.items);
export const usePackCount = () => useMeetingPackStore((s) => s.items.length);
export const usePrintNotes = () => useMeetingPackStore((s) => s.printNotes);
export const useSetPrintNotes = () => useMeetingPackStore((s) => s.setPrintNotes);
export const useIsPinned = (chart: PackChart) =>
  useMeetingPackStore((s) => s.items.some((i) => packChartKey(i) === packChartKey(chart)));
export const useTogglePin = () => useMeetingPackStore((s) => s.toggle);
export const usePackActions = () =>
  useMeetingPackStore(
    useShallow(({ remove, move, setNote, add, replace }) => ({ remove, move, setNote, add, replace })),
  );

/** Empties the pack; for tests, which share one store between them. */
export function resetMeetingPack() {
  useMeetingPackStore.setState({ items: [], printNotes: false });
}
