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

// What is done on the page before the code has taken it over would be lost: a button pressed does
// nothing, and a value typed or chosen is shown but unknown to the code, which would save what the
// page was drawn with. Both are kept, and the code is asked for at once if it has not been yet (the
// page has been seen: it is being used). The pointer says the page is busy. Once the page has been
// taken over (data-ready: every part of it answers), each value is handed to the code, then each
// button pressed again, in that order: a form filled in and sent is sent with what was typed.
const typed = new Map();
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
const checkable = (control) =>
  control instanceof HTMLInputElement && (control.type === 'checkbox' || control.type === 'radio');
function keepValue(event) {
  const control = event.target;
  const isControl = [HTMLInputElement, HTMLTextAreaElement, HTMLSelectElement].some(
    (kind) => control instanceof kind,
  );
  if (!isControl) return;
  // The last value, in the order first changed (a map keeps its keys' first place).
  typed.set(control, checkable(control) ? control.checked : control.value);
  start();
}

/**
 * Hands a value set before the page was taken over to the code, as if set now. React, which the
 * code is drawn with, hears of a change only where the value differs from the one it last saw, and
 * it last saw the value on the page when it took the page over: what was typed. So the value it
 * has seen is set to another (through the element's own property, which React watches), the value
 * typed put back without its knowing (through the browser's own setter), and the change announced.
 */
function handOver(control, value) {
  if (!control.isConnected || control.disabled) return;
  if (control instanceof HTMLInputElement && control.type === 'file') {
    // Its files cannot be set again; React reads them when told of the change.
    control.dispatchEvent(new Event('change', { bubbles: true }));
    return;
  }
  if (checkable(control)) {
    if (!value && control.type === 'radio') return;
    control.checked = !value;
    control.click();
    return;
  }
  const own = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(control), 'value');
  control.value = value === '' ? '\u0000' : '';
  own.set.call(control, value);
  control.dispatchEvent(
    new Event(control instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }),
  );
}

document.addEventListener('click', keepPress, true);
document.addEventListener('input', keepValue, true);
document.addEventListener('change', keepValue, true);
new MutationObserver((_, observer) => {
  if (document.documentElement.dataset.ready !== 'true') return;
  observer.disconnect();
  document.removeEventListener('click', keepPress, true);
  document.removeEventListener('input', keepValue, true);
  document.removeEventListener('change', keepValue, true);
  document.documentElement.style.removeProperty('cursor');
  for (const [control, value] of typed) handOver(control, value);
  typed.clear();
  // In a task of their own: whatever the values changed is drawn first (React draws what an event
  // changed at the latest in the microtasks after it), so that a form is sent with them.
  setTimeout(() => {
    for (const button of pressed.splice(0)) if (button.isConnected && !button.disabled) button.click();
  });
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
  // The entry loads the rest of the code it starts with (React's renderer, run in a task of its
  // own) and says when that cannot be loaded (src/main.tsx).
  addEventListener('dashboard:code-failed', failed, { once: true });
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
