/**
 * Full screen is a nicety: it needs a user's gesture and is missing in some browsers (and in
 * jsdom), so asking for it must never fail the presentation.
 */
export function enterFullscreen() {
  const root = document.documentElement;
  if (typeof root.requestFullscreen !== 'function' || document.fullscreenElement) return;
  root.requestFullscreen().catch(() => {});
}

export function exitFullscreen() {
  if (document.fullscreenElement && typeof document.exitFullscreen === 'function') {
    document.exitFullscreen().catch(() => {});
  }
}
