// Builds the Flink SQL functions of flink-sql/functions (a Maven module of the project's own) into the jar
// the jobs ship with them. Built again only when its sources, pom or the Avro schema change.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot, stackConfig } from '../config.ts';
import { log } from '../log.ts';
import { runOrThrow } from '../process/run-command.ts';

const moduleDir = path.join(repoRoot, 'flink-sql/functions');
const jarPath = path.join(moduleDir, 'target/spreadwatch-flink-functions.jar');
const stampPath = path.join(moduleDir, 'target/.built-from-sources');

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

function sourcesHash(): string {
  const hash = createHash('sha256');
  for (const file of [
    path.join(moduleDir, 'pom.xml'),
    path.join(repoRoot, 'schemas/market_event.avsc'),
    ...filesUnder(path.join(moduleDir, 'src')),
  ]) {
    hash.update(path.relative(repoRoot, file)).update(readFileSync(file));
  }
  return hash.digest('hex');
}

export async function buildFlinkFunctions(): Promise<void> {
  const hash = sourcesHash();
  if (existsSync(jarPath) && existsSync(stampPath) && readFileSync(stampPath, 'utf8') === hash) return;
  log.detail(
    'flink-functions',
    'building flink-sql/functions (decoding and validation of market events) with its unit tests',
  );
  await runOrThrow(stackConfig.mavenCommand, ['-B', '-q', '-f', path.join(moduleDir, 'pom.xml'), 'clean', 'package'], {
    onLine: (line) => {
      if (line.includes('[ERROR]') || line.includes('FAIL')) log.detail('flink-functions', line);
    },
  });
  writeFileSync(stampPath, hash);
  log.detail('flink-functions', `ready: ${path.relative(repoRoot, jarPath)}`);
}
