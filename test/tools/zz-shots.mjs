// Usage: node /work/tools/shots.mjs <baseUrl> <email> <password> <path1> [path2...]
import { chromium } from '@playwright/test';
const [base, email, password, ...paths] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu','--disable-background-networking','--disable-component-update','--disable-sync'] });
const context = await browser.newContext({ viewport: { width: Number(process.env.W ?? 1280), height: 900 } });
const page = await context.newPage();
const problems = [];
page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text()); });
page.on('pageerror', (e) => problems.push('pageerror ' + e.message));
if (email) {
  await page.goto(`${base}/sign-in`);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/sign-in'));
}
for (const p of paths) {
  await page.goto(`${base}${p}`);
  await page.waitForTimeout(1500);
  const name = p.replace(/[^a-z0-9]+/gi, '_').slice(0, 60) || 'root';
  await page.screenshot({ path: `/work/shots/${name}.png`, fullPage: true });
  console.log('shot', p, '->', name);
}
console.log('problems:', problems);
await browser.close();
