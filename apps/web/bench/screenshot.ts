// Screenshot of a running dashboard for the README, once every panel has data.
// Run: npx tsx apps/web/bench/screenshot.ts [url, default http://127.0.0.1:3000] [output, default apps/web/docs/dashboard.png]
import path from 'node:path';
import { launchChromium } from '../integration/support/browser.ts';
import { webRoot } from '../integration/support/web-build.ts';

const url = process.argv[2] ?? 'http://127.0.0.1:3000';
const output = path.resolve(process.argv[3] ?? path.join(webRoot, 'docs/dashboard.png'));

const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1600, height: 1300 } });
  await page.goto(url);
  await Promise.all(
    [
      '[data-testid="metrics-table"] table',
      '[data-testid="heatmap"] canvas',
      '[data-testid="timeline"] .recharts-line path.recharts-curve',
      '[data-testid="stress"] .recharts-line path.recharts-curve',
      '[data-testid="jobs"] table',
      '[data-testid="freshness"][data-connection="open"]',
    ].map((selector) => page.waitForSelector(selector, { timeout: 120_000 })),
  );
  await page.screenshot({ path: output, fullPage: true });
  console.log(`wrote ${output}`);
} finally {
  await browser.close();
}
