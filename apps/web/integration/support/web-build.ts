// The production build the API serves: rebuilt when any source is newer than dist/index.html.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

export const webRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const distDir = path.join(webRoot, 'dist');

function newestMtime(entry: string): number {
  const stats = statSync(entry);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return Math.max(0, ...readdirSync(entry).map((name) => newestMtime(path.join(entry, name))));
}

export async function ensureWebBuild(): Promise<void> {
  const sources = ['src', 'index.html', 'vite.config.ts', 'package.json'].map((entry) =>
    newestMtime(path.join(webRoot, entry)),
  );
  let built = 0;
  try {
    built = statSync(path.join(distDir, 'index.html')).mtimeMs;
  } catch {
    // not built yet
  }
  if (built >= Math.max(...sources)) return;
  await build({ root: webRoot, configFile: path.join(webRoot, 'vite.config.ts'), logLevel: 'warn' });
}
