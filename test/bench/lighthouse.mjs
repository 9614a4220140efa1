// Lighthouse on the overview through the data service (signed in), mobile and desktop, when the
// lighthouse dev dependency is installed. Debian's Chromium, never a downloaded browser.
export async function lighthouseAvailable() {
  try {
    await import('lighthouse');
    await import('chrome-launcher');
    return true;
  } catch {
    return false;
  }
}

/**
 * Why a run gave no performance score, or null when it gave one. Lighthouse scores a run that
 * failed as null, not 0 (its own error, such as a page whose paint it did not see, or an audit the
 * score needs that could not run): counted as a score of 0, such a run once stood in a page's
 * median as if the page had scored 0.
 */
function failureOf(lhr) {
  if (lhr.runtimeError) return `${lhr.runtimeError.code}: ${lhr.runtimeError.message}`;
  if (lhr.categories.performance.score !== null) return null;
  const broken = Object.values(lhr.audits)
    .filter((audit) => audit.scoreDisplayMode === 'error')
    .map((audit) => `${audit.id}: ${audit.errorMessage}`);
  return broken.join('; ') || 'no performance score';
}

/** One run: its figures, or `{ failed }` with the reason when it gave no score. */
export async function runLighthouse(url, cookie, form) {
  const { default: lighthouse, desktopConfig } = await import('lighthouse');
  const { launch } = await import('chrome-launcher');
  const chrome = await launch({
    chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    chromeFlags: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  try {
    const result = await lighthouse(
      url,
      {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance'],
        extraHeaders: { Cookie: cookie },
      },
      form === 'desktop' ? desktopConfig : undefined,
    );
    if (!result) return { failed: 'Lighthouse gave no report' };
    const failed = failureOf(result.lhr);
    if (failed) return { failed };
    const audits = result.lhr.audits;
    return {
      score: Math.round(result.lhr.categories.performance.score * 100),
      fcp: audits['first-contentful-paint'].numericValue,
      lcp: audits['largest-contentful-paint'].numericValue,
      tbt: audits['total-blocking-time'].numericValue,
      cls: audits['cumulative-layout-shift'].numericValue,
      unusedJsKiB: Math.round((audits['unused-javascript'].details?.overallSavingsBytes ?? 0) / 1024),
    };
  } catch (error) {
    return { failed: error instanceof Error ? error.message : String(error) };
  } finally {
    await chrome.kill();
  }
}

/**
 * A run that gave a score, trying again after a run that gave none, at most `attempts` runs in
 * all; each failed run's reason is added to `failures`. Null when none of them gave a score.
 */
export async function measuredLighthouse(url, cookie, form, failures, attempts = 3) {
  for (let attempt = 0; attempt < attempts; attempt++) {
    const run = await runLighthouse(url, cookie, form);
    if (!run.failed) return run;
    failures.push(run.failed);
  }
  return null;
}
