// The dashboard's code starts here (see paintBeforeCode in vite.config.ts): this script's
// `data-app` names the entry, and each <meta name="app-chunks"> code to ask for with it (the
// chunks the entry imports, and the code of the page the data service drew).
//
// A page the data service drew is shown first, and its code asked for and evaluated after: on a
// phone, evaluating the code first kept the page blank until it had run (whenever the code came
// from the cache, or before the page had been read), and on a slow connection the code took the
// bandwidth the page needed. A page drawn in the browser (nothing drawn yet), or opened in a tab out
// of sight, starts at once.
const boot = document.querySelector('script[data-app]');
const drawn = document.getElementById('app-state') !== null;

// A button pressed before the code has taken the page over would do nothing, and the press would be
// lost. It is kept (once, however often it is pressed), the code is asked for at once if it has
// not been yet (the page has been seen: it was pressed), the pointer says the page is busy, and the
// button is pressed again once the page has been taken over (App sets data-ready; the page's code
// is loaded by then, so React takes over the part pressed at once, and the press reaches it).
const pressed = [];
function keepPress(event) {
  const button = event.target instanceof Element ? event.target.closest('button') : null;
  if (!button || button.disabled) return;
  event.preventDefault();
  event.stopPropagation();
  if (!pressed.includes(button)) pressed.push(button);
  document.documentElement.style.cursor = 'progress';
  start();
}
document.addEventListener('click', keepPress, true);
new MutationObserver((_, observer) => {
  if (document.documentElement.dataset.ready !== 'true') return;
  observer.disconnect();
  document.removeEventListener('click', keepPress, true);
  document.documentElement.style.removeProperty('cursor');
  for (const button of pressed.splice(0)) if (button.isConnected && !button.disabled) button.click();
}).observe(document.documentElement, { attributes: true, attributeFilter: ['data-ready'] });

function failed() {
  // Without its code the page can be read, but nothing on it answers: say so, and how to recover.
  const note = document.createElement('p');
  document.documentElement.style.removeProperty('cursor');
  note.className = 'code-failed';
  note.setAttribute('role', 'alert');
  note.textContent =
    'The dashboard’s code could not be loaded, so this page can be read but not used. Check the connection and reload the page.';
  document.body.prepend(note);
}

let started = false;
function start() {
  if (started) return;
  started = true;
  // The page's own code, asked for beside the entry, not after the entry has run.
  const named = document.querySelectorAll('meta[name="app-chunks"]');
  for (const href of new Set([...named].flatMap((meta) => meta.content.split(' ').filter(Boolean)))) {
    const link = document.createElement('link');
    link.rel = 'modulepreload';
    link.crossOrigin = '';
    link.href = href;
    document.head.append(link);
  }
  import(boot.dataset.app).catch(failed);
}

/**
 * Calls `then` once the browser has shown the page: its first contentful paint is in the page's
 * performance timeline, which it is once the frame has reached the screen (on a slow machine, a
 * tenth of a second after it was drawn). Looked for at each frame: an observer of paints is told
 * of it later still, when the browser is idle. At once if the tab is put out of sight (it will not
 * be painted until it is seen), and after the first frame in a browser that does not report paints.
 */
function afterFirstPaint(then) {
  const reported = PerformanceObserver.supportedEntryTypes?.includes('paint') ?? false;
  const shown = () => !reported || performance.getEntriesByName('first-contentful-paint').length > 0;
  const frame = () => {
    if (document.visibilityState !== 'visible' || shown()) setTimeout(then);
    else requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

if (drawn && document.visibilityState === 'visible') afterFirstPaint(start);
else start();
