import { useSetTheme, useTheme, type Theme } from '../stores/theme-store';

/**
 * Switches between the light and dark themes. It names the theme it switches to ("Switch to dark
 * theme"), so what it does is plain whichever theme is showing.
 */
export function ThemeToggle() {
  const theme = useTheme();
  const setTheme = useSetTheme();
  const next: Theme = theme === 'dark' ? 'light' : 'dark';
  const choose = () => {
    setTheme(next);
    // The page itself (outside React) takes the theme at once; main.tsx set it before the first paint.
    document.documentElement.dataset.theme = next;
  };
  return (
    <button type="button" className="button button--secondary theme-toggle" onClick={choose}>
      <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        {next === 'dark' ? (
          <path d="M21 12.8A9 9 0 1 1 11.2 3a7 7 0 0 0 9.8 9.8Z" />
        ) : (
          <path d="M12 7a5 5 0 1 0 0 10 5 5 0 0 0 0-10Zm0-5v2m0 16v2M4.9 4.9l1.4 1.4m11.4 11.4 1.4 1.4M2 12h2m16 0h2M4.9 19.1l1.4-1.4M17.7 6.3l1.4-1.4" />
        )}
      </svg>
      Switch to {next} theme
    </button>
  );
}
