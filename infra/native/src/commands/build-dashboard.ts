// Builds the dashboard (apps/web) for the API to serve, when its build is missing or older than its sources.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../config.ts';
import { log } from '../log.ts';
import { runOrThrow } from '../process/run-command.ts';

const webDir = path.join(repoRoot, 'apps/web');
const builtIndex = path.join(webDir, 'dist/index.html');

function newestSourceTime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSourceTime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

export async function buildDashboardIfStale(): Promise<void> {
  const sources = [path.join(webDir, 'src'), path.join(webDir, 'index.html'), path.join(webDir, 'vite.config.ts')];
  const newest = Math.max(...sources.filter(existsSync).map((source) =>
    statSync(source).isDirectory() ? newestSourceTime(source) : statSync(source).mtimeMs));
  if (existsSync(builtIndex) && statSync(builtIndex).mtimeMs >= newest) return;
  log.detail('web', 'building the dashboard (vite build)');
  await runOrThrow(path.join(repoRoot, 'node_modules/.bin/vite'), ['build'], { cwd: webDir });
  log.detail('web', `built into ${path.dirname(builtIndex)}`);
}
