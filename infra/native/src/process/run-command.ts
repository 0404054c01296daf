// Runs a short-lived command to completion, streaming each output line to a callback.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { inheritedEnv } from '../config.ts';

export interface CommandResult {
  code: number;
  output: string[];
}

export function runCommand(
  command: string,
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; uid?: number; gid?: number; onLine?: (line: string) => void } = {},
): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? inheritedEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
      uid: options.uid,
      gid: options.gid,
    });
    const output: string[] = [];
    const collect = (line: string): void => {
      output.push(line);
      options.onLine?.(line);
    };
    createInterface({ input: child.stdout }).on('line', collect);
    createInterface({ input: child.stderr }).on('line', collect);
    child.on('error', (error) => reject(new Error(`could not run ${command}: ${error.message}`)));
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

/** Runs a command and fails with its last output lines when it exits non-zero. */
export async function runOrThrow(
  command: string,
  args: string[],
  options: Parameters<typeof runCommand>[2] = {},
): Promise<string[]> {
  const result = await runCommand(command, args, options);
  if (result.code !== 0) {
    const tail = result.output.slice(-15).join('\n');
    throw new Error(`${command} ${args.slice(0, 3).join(' ')} exited with ${result.code}:\n${tail}`);
  }
  return result.output;
}
