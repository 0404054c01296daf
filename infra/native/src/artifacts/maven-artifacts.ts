// Fetches the JVM servers (Kafka, Flink, Apicurio) from Maven Central through the project's pom files.
// A component is fetched again only when its pom changes (a stamp holds the pom's hash).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { nativeDir, paths, stackConfig } from '../config.ts';
import { log } from '../log.ts';
import { runOrThrow } from '../process/run-command.ts';
import { buildFlinkFunctions } from './flink-functions.ts';

export type Component = 'kafka' | 'flink' | 'apicurio';
export const components: readonly Component[] = ['kafka', 'flink', 'apicurio'];

export function componentDir(component: Component): string {
  return path.join(paths.lib, component);
}

function pomPath(component: Component): string {
  return path.join(nativeDir, component, 'pom.xml');
}

function pomHash(component: Component): string {
  return createHash('sha256').update(readFileSync(pomPath(component))).digest('hex');
}

function stampPath(component: Component): string {
  return path.join(componentDir(component), '.fetched-from-pom');
}

export function isFetched(component: Component): boolean {
  const stamp = stampPath(component);
  return existsSync(stamp) && readFileSync(stamp, 'utf8') === pomHash(component);
}

function mavenGoal(component: Component, outputDir: string): string[] {
  return component === 'apicurio'
    ? ['dependency:unpack', `-Dunpack.dir=${outputDir}`]
    : ['dependency:copy-dependencies', `-DoutputDirectory=${outputDir}`, '-DincludeScope=runtime'];
}

/** Maven prints "Downloaded from <repo>: <url> (<size> at <speed>)"; show the file and size only. */
function describeDownload(line: string): string | undefined {
  const match = /Downloaded from [^:]+: \S+\/([^/\s]+) \(([^)]*?) at/.exec(line);
  return match && !match[1]?.endsWith('.pom') && !match[1]?.endsWith('.sha1') ? `${match[1]} (${match[2]})` : undefined;
}

export async function fetchComponent(component: Component): Promise<void> {
  if (isFetched(component)) return;
  const outputDir = componentDir(component);
  rmSync(outputDir, { recursive: true, force: true });
  mkdirSync(outputDir, { recursive: true });
  log.detail(component, `fetching from Maven Central via ${path.relative(process.cwd(), pomPath(component))}`);
  let downloads = 0;
  await runOrThrow(stackConfig.mavenCommand, ['-B', '-f', pomPath(component), ...mavenGoal(component, outputDir)], {
    onLine: (line) => {
      const described = describeDownload(line);
      if (described) {
        downloads += 1;
        log.detail(component, `downloaded ${described}`);
      }
      if (line.includes('[ERROR]')) log.detail(component, line);
    },
  });
  writeFileSync(stampPath(component), pomHash(component));
  log.detail(component, downloads > 0 ? `ready (${downloads} files downloaded)` : 'ready (from the local Maven cache)');
}

export async function fetchAll(): Promise<void> {
  // Sequential: parallel Maven runs race on the shared local repository.
  for (const component of components) await fetchComponent(component);
  await buildFlinkFunctions();
}
