// Port holders, against real listening processes.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { assertPortsFree, parseListeners, portHolder, PortInUseError } from './port-holder.ts';

const procNetTcp = [
  '  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode',
  '   0: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 4242 1 0000000000000000 100 0 0 10 0',
  '   1: 0100007F:A3F2 0100007F:1F90 01 00000000:00000000 00:00000000 00000000     0        0 4343 1 0000000000000000 20 4 30 10 -1',
].join('\n');

describe('parseListeners', () => {
  it('keeps the listening sockets with their port and inode', () => {
    expect(parseListeners(procNetTcp)).toEqual([{ port: 8080, inode: 4242 }]);
  });
});

/** A separate process listening on a free port of 127.0.0.1: a stand-in for a foreign server. */
async function foreignListener(): Promise<{ child: ChildProcess; port: number }> {
  // The marker comes first: the error message shortens a long command line (a long node path, say).
  const script =
    "/* spreadwatch-foreign-listener */ const s = require('node:net').createServer().listen(0, '127.0.0.1', () => console.log(s.address().port));";
  const child = spawn(process.execPath, ['-e', script], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [line] = (await once(createInterface({ input: child.stdout! }), 'line')) as [string];
  return { child, port: Number(line) };
}

describe('assertPortsFree', () => {
  let child: ChildProcess | undefined;
  afterEach(() => {
    child?.kill('SIGKILL');
    child = undefined;
  });

  it('names the pid and command of a process holding a needed port', async () => {
    const listener = await foreignListener();
    child = listener.child;
    expect(portHolder(listener.port)).toEqual({
      pid: child.pid,
      command: expect.stringContaining('spreadwatch-foreign-listener'),
    });
    expect(() => assertPortsFree('kafka', [listener.port])).toThrow(PortInUseError);
    expect(() => assertPortsFree('kafka', [listener.port])).toThrow(
      new RegExp(
        `kafka needs port ${listener.port}, but it is held by pid ${child.pid} \\(.*spreadwatch-foreign-listener`,
      ),
    );
  });

  it('passes once the holder is gone', async () => {
    const listener = await foreignListener();
    listener.child.kill('SIGKILL');
    await new Promise((resolve) => listener.child.once('exit', resolve));
    expect(portHolder(listener.port)).toBeUndefined();
    expect(() => assertPortsFree('kafka', [listener.port])).not.toThrow();
  });
});
