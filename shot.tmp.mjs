import { chromium } from '@playwright/test';
const [, , url, out, w = '1280', h = '900', theme = 'light'] = process.argv;
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
const ctx = await browser.newContext({ viewport: { width: +w, height: +h }, colorScheme: theme });
const page = await ctx.newPage();
page.on('console', (m) => console.log('console', m.type(), m.text()));
await page.goto(url);
await page.waitForTimeout(1500);
await page.screenshot({ path: out, fullPage: true });
await browser.close();
