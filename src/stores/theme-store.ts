import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { useMediaQuery } from '../lib/use-media-query';

export type Theme = 'light' | 'dark';

interface ThemeState {
  /** null until the user chooses; the system preference applies until then. */
  chosen: Theme | null;
  setTheme: (theme: Theme) => void;
}

export const THEME_STORAGE_KEY = 'lscb-dashboard:theme';
/** The chosen theme, also as a cookie, so the data service can paint it before any script runs. */
export const THEME_COOKIE = 'theme';

function writeCookie(theme: Theme) {
  if (typeof document === 'undefined') return;
  document.cookie = `${THEME_COOKIE}=${theme}; path=/; max-age=31536000; samesite=lax`;
}

const useThemeStore = create<ThemeState>()(
  persist(
    (set) => ({
      chosen: null,
      setTheme: (theme) => {
        writeCookie(theme);
        set({ chosen: theme });
      },
    }),
    { name: THEME_STORAGE_KEY, storage: createJSONStorage(() => localStorage), version: 1 },
  ),
);

function systemTheme(): Theme {
  return typeof window !== 'undefined' && window.matchMedia('(prefers-color-scheme: dark)').matches
    ? 'dark'
    : 'light';
}

/**
 * The theme showing. Safe to hydrate a server-rendered page with: while hydrating, it is what the
 * server assumed (no choice, no system preference), then the person's own.
 */
export function useTheme(): Theme {
  const chosen = useThemeStore((s) => s.chosen);
  const systemDark = useMediaQuery('(prefers-color-scheme: dark)');
  return chosen ?? (systemDark ? 'dark' : 'light');
}
export const useSetTheme = () => useThemeStore((s) => s.setTheme);

/** The theme to paint before React renders, to avoid a flash of the wrong theme. */
export function initialTheme(): Theme {
  const chosen = useThemeStore.getState().chosen;
  // A choice made before the cookie existed: copy it, so the data service knows it too.
  if (chosen) writeCookie(chosen);
  return chosen ?? systemTheme();
}
