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
    const audits = result.lhr.audits;
    return {
      score: Math.round((result.lhr.categories.performance.score ?? 0) * 100),
      fcp: audits['first-contentful-paint'].numericValue,
      lcp: audits['largest-contentful-paint'].numericValue,
      tbt: audits['total-blocking-time'].numericValue,
      cls: audits['cumulative-layout-shift'].numericValue,
      unusedJsKiB: Math.round((audits['unused-javascript'].details?.overallSavingsBytes ?? 0) / 1024),
    };
  } finally {
    await chrome.kill();
  }
}
