import { describe, expect, it } from 'vitest';
import { parseCommand } from './cli-args.ts';

describe('parseCommand', () => {
  it('submits by default, in the live namespace', () => {
    expect(parseCommand([])).toEqual({ command: 'submit' });
  });

  it('reads each command with its options', () => {
    expect(parseCommand(['--namespace', 'x', 'submit', '--from-savepoint', 'file:///s/1'])).toEqual({
      command: 'submit',
      namespace: 'x',
      fromSavepoint: 'file:///s/1',
    });
    expect(parseCommand(['submit', 'spread-metrics'])).toEqual({ command: 'submit', job: 'spread-metrics' });
    expect(parseCommand(['list', '--namespace=bt'])).toEqual({ command: 'list', namespace: 'bt' });
    expect(parseCommand(['cancel', 'spread-metrics'])).toEqual({ command: 'cancel', job: 'spread-metrics' });
    expect(parseCommand(['stop', 'spread-bars-1s'])).toEqual({ command: 'stop', job: 'spread-bars-1s' });
  });

  it('refuses what it does not understand', () => {
    for (const argv of [
      ['launch'],
      ['cancel'],
      ['stop', 'a', 'b'],
      ['list', 'x'],
      ['--bogus'],
      ['list', '--from-savepoint', 'p'],
    ]) {
      expect(() => parseCommand(argv)).toThrow();
    }
  });
});
