import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { useShallow } from 'zustand/react/shallow';
import type { PackChart, PackItem, SharedPackItem } from '../lib/meeting-pack';
import { packChartKey } from '../lib/pack-chart-key';

/**
 * The pack kept in this browser: not read yet, read (and checked against the pack's schema), or
 * not readable because the code that checks it could not be loaded.
 */
export type KeptPack = 'unread' | 'read' | 'unreadable';

interface MeetingPackState {
  items: PackItem[];
  kept: KeptPack;
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

/** Checks what storage holds (./kept-pack, loaded with the pack's schemas when there is a pack to read). */
let check: ((persisted: unknown) => Pick<MeetingPackState, 'items' | 'printNotes'>) | null = null;
/**
 * Whether this tab may write the pack to storage: once it has read the pack kept there, or found
 * none. Until then a pin is kept in memory only, so that it never writes over a pack not yet read.
 */
let owned = false;
const storage = createJSONStorage<Pick<MeetingPackState, 'items' | 'printNotes'>>(() => localStorage);

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
      kept: 'unread',
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
      storage: {
        getItem: (name) => storage?.getItem(name) ?? null,
        setItem: (name, value) => {
          if (!owned) {
            if (storedPack() !== null) return;
            owned = true;
          }
          return storage?.setItem(name, value);
        },
        removeItem: (name) => storage?.removeItem(name),
      },
      version: 1,
      partialize: ({ items, printNotes }) => ({ items, printNotes }),
      // Read by readKeptPack, not as the code starts: checking it needs the pack's schemas.
      skipHydration: true,
      // What was pinned before the kept pack was read is kept too, after it.
      merge: (persisted, current) => {
        const kept = check!(persisted);
        const keys = new Set(kept.items.map(packChartKey));
        return {
          ...current,
          items: [...kept.items, ...current.items.filter((i) => !keys.has(packChartKey(i)))],
          printNotes: kept.printNotes,
        };
      },
    },
  ),
);

let reading: Promise<void> | null = null;

function storedPack(): string | null {
  try {
    return localStorage.getItem(MEETING_PACK_STORAGE_KEY);
  } catch {
    // Storage switched off: there is no pack to read, and none will be kept.
    return null;
  }
}

/**
 * Reads the pack this browser kept, once: at once when there is none, or with the pack's schemas
 * (loaded now) when there is. Never fails: a pack that cannot be read is said so (kept:
 * 'unreadable', see KeptPackBanner) and can be tried again.
 */
export function readKeptPack(): Promise<void> {
  if (useMeetingPackStore.getState().kept === 'read') return Promise.resolve();
  if (storedPack() === null) {
    owned = true;
    useMeetingPackStore.setState({ kept: 'read' });
    return Promise.resolve();
  }
  return (reading ??= import('../lib/kept-pack').then(
    async ({ keptPack }) => {
      check = keptPack;
      await useMeetingPackStore.persist.rehydrate();
      owned = true;
      // Written back at once: what was pinned before it was read joins it in storage too.
      useMeetingPackStore.setState({ kept: 'read' });
    },
    () => {
      reading = null;
      useMeetingPackStore.setState({ kept: 'unreadable' });
    },
  ));
}

export const useKeptPack = () => useMeetingPackStore((s) => s.kept);
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
  useMeetingPackStore.setState({ items: [], printNotes: false, kept: 'unread' });
  localStorage.removeItem(MEETING_PACK_STORAGE_KEY);
  owned = false;
  reading = null;
}
