// Checks the tools the stack needs (JDK 17+, Maven, PostgreSQL binaries) and installs what is missing
// from Debian's packages when it can (root with apt-get); otherwise says exactly what to install.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { inheritedEnv, javaBinary, stackConfig } from '../config.ts';
import { log } from '../log.ts';
import { runCommand, runOrThrow } from '../process/run-command.ts';

const isRoot = process.getuid?.() === 0;
let aptUpdated = false;

async function aptInstall(packages: string[], why: string): Promise<void> {
  const hasApt = (await runCommand('sh', ['-c', 'command -v apt-get'])).code === 0;
  if (!isRoot || !hasApt) {
    throw new Error(`${why}: install the Debian/Ubuntu package(s) ${packages.join(' ')} (or equivalent) and retry`);
  }
  const onLine = (line: string): void => {
    if (/^(Get|Setting up|Unpacking)/.test(line)) log.detail('apt', line);
  };
  if (!aptUpdated) {
    log.detail('apt', 'apt-get update');
    await runOrThrow('apt-get', ['update'], { onLine });
    aptUpdated = true;
  }
  log.detail('apt', `installing ${packages.join(' ')} (${why})`);
  await runOrThrow('apt-get', ['install', '-y', '--no-install-recommends', ...packages], {
    onLine,
    env: { ...inheritedEnv, DEBIAN_FRONTEND: 'noninteractive' },
  });
}

export async function javaMajorVersion(java = javaBinary()): Promise<number | undefined> {
  const result = await runCommand(java, ['-version']).catch(() => undefined);
  const match = result && /version "(\d+)(?:\.(\d+))?/.exec(result.output.join('\n'));
  if (!match) return undefined;
  const major = Number(match[1]);
  return major === 1 ? Number(match[2]) : major;
}

async function ensureJava(): Promise<void> {
  let major = await javaMajorVersion();
  if (major === undefined) {
    await aptInstall(['openjdk-17-jdk-headless'], 'Java 17 is needed by Kafka, Flink and the registry');
    major = await javaMajorVersion();
  }
  if (major === undefined || major < 17 || major >= 24) {
    throw new Error(
      `Java ${major ?? 'not found'} at "${javaBinary()}": Flink 2.2 needs Java 17 to 23. Point JAVA_HOME at a JDK 17.`,
    );
  }
}

async function ensureMaven(): Promise<void> {
  const found = (await runCommand(stackConfig.mavenCommand, ['-v']).catch(() => undefined))?.code === 0;
  if (!found) await aptInstall(['maven'], 'Maven fetches the JVM servers from Maven Central');
}

/** The directory holding postgres, initdb and pg_ctl: the newest Debian PostgreSQL major installed. */
export function postgresBinDir(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const majors = readdirSync(root)
    .filter((name) => /^\d+$/.test(name) && Number(name) >= 15)
    .sort((a, b) => Number(b) - Number(a));
  for (const major of majors) {
    const bin = path.join(root, major, 'bin');
    if (existsSync(path.join(bin, 'postgres')) && existsSync(path.join(bin, 'initdb'))) return bin;
  }
  return undefined;
}

async function ensurePostgres(): Promise<void> {
  if (stackConfig.externalDatabaseUrl || postgresBinDir()) return;
  await aptInstall(['postgresql'], 'PostgreSQL 15+ server binaries');
  if (!postgresBinDir()) throw new Error('PostgreSQL was installed but no server binaries were found under /usr/lib/postgresql');
}

let registryJava: string | undefined;

/** A JDK 21 or newer for the schema registry: SPREADWATCH_REGISTRY_JAVA_HOME, else the newest in /usr/lib/jvm. */
export async function findRegistryJava(): Promise<string> {
  if (registryJava) return registryJava;
  const jvmRoot = '/usr/lib/jvm';
  const candidates = stackConfig.registryJavaHome
    ? [stackConfig.registryJavaHome]
    : existsSync(jvmRoot)
      ? readdirSync(jvmRoot).map((name) => path.join(jvmRoot, name))
      : [];
  let best: { java: string; major: number } | undefined;
  for (const home of candidates) {
    const java = path.join(home, 'bin/java');
    if (!existsSync(java)) continue;
    const major = await javaMajorVersion(java);
    if (major !== undefined && major >= 21 && (!best || major > best.major)) best = { java, major };
  }
  if (!best) {
    throw new Error(
      'Apicurio Registry 3.3 needs Java 21 or newer: install one (e.g. a Temurin 21/25 JDK) and set SPREADWATCH_REGISTRY_JAVA_HOME',
    );
  }
  registryJava = best.java;
  return registryJava;
}

/** Debian's Chromium, driven by playwright-core in the dashboard's browser tests. */
export async function ensureBrowser(): Promise<void> {
  if (existsSync(stackConfig.chromiumPath)) return;
  await aptInstall(['chromium'], `the browser tests drive Chromium at ${stackConfig.chromiumPath}`);
}

export async function ensurePrerequisites(): Promise<void> {
  await ensureJava();
  await findRegistryJava();
  await ensureMaven();
  await ensurePostgres();
}
