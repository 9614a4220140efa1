import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';

export type Theme = 'light' | 'dark';

interface ThemeState {
  /** null until the user chooses; the system preference applies until then. */
  chosen: Theme | null;
  setTheme: (theme: Theme) => void;
}

export const THEME_STORAGE_KEY = 'lscb-dashboard:theme';

const useThemeStore = create<ThemeState>()(
  persist(
    (set) => ({
      chosen: null,
      setTheme: (theme) => set({ chosen: theme }),
    }),
    { name: THEME_STORAGE_KEY, storage: createJSONStorage(() => localStorage), version: 1 },
  ),
);

function systemTheme(): Theme {
  return typeof window !== 'undefined' && window.matchMedia('(prefers-color-scheme: dark)').matches
    ? 'dark'
    : 'light';
}

export const useTheme = (): Theme => useThemeStore((s) => s.chosen) ?? systemTheme();
export const useSetTheme = () => useThemeStore((s) => s.setTheme);

/** The theme to paint before React renders, to avoid a flash of the wrong theme. */
export function initialTheme(): Theme {
  return useThemeStore.getState().chosen ?? systemTheme();
}
