// Shared pieces for the JVM servers: the classpath of a fetched component and the common JVM flags.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { paths } from '../config.ts';
import { homeMarker } from '../process/find-stack-processes.ts';
import { componentDir, type Component } from '../artifacts/maven-artifacts.ts';

export function classpath(component: Component): string {
  return path.join(componentDir(component), '*');
}

/** Flags every JVM gets: the markers that identify our process, a private temp dir, G1. */
export function baseJvmFlags(service: string): string[] {
  // The JVM does not create its temp dir; a missing one breaks whatever needs a scratch file.
  mkdirSync(path.join(paths.tmp, service), { recursive: true });
  return [`-Dspreadwatch.service=${service}`, homeMarker, `-Djava.io.tmpdir=${path.join(paths.tmp, service)}`, '-XX:+UseG1GC'];
}

export function serviceMarker(service: string): string {
  return `-Dspreadwatch.service=${service}`;
}
