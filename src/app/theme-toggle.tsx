import { useEffect } from 'react';
import { useSetTheme, useTheme } from '../stores/theme-store';

export function ThemeToggle() {
  const theme = useTheme();
  const setTheme = useSetTheme();
  // The DOM is the one place outside React that must follow the theme.
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
  return (
    <button
      type="button"
      className="button button--secondary theme-toggle"
      aria-pressed={theme === 'dark'}
      onClick={() => setTheme(theme === 'dark' ? 'light' : 'dark')}
    >
      <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <path d="M21 12.8A9 9 0 1 1 11.2 3a7 7 0 0 0 9.8 9.8Z" />
      </svg>
      Dark theme
    </button>
  );
}
