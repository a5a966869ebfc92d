import { describe, expect, it } from 'vitest';
import { installCrashHandler } from './crash-handler.js';

function fakeProcess(env: Record<string, string> = {}) {
  const listeners = new Map<string, (e: unknown) => void>();
  const state = { stderr: '', code: -1 };
  const proc = {
    on: (event: string, listener: (e: unknown) => void) => listeners.set(event, listener),
    exit: ((code: number) => {
      state.code = code;
    }) as (code: number) => never,
    stderr: { write: (t: string) => (state.stderr += t) },
    env,
  };
  installCrashHandler(proc);
  return { listeners, state };
}

describe('installCrashHandler', () => {
  it('reports an escaped exception as an internal error (exit 1) without a stack trace', () => {
    const { listeners, state } = fakeProcess();
    const error = new RangeError('Invalid string length');
    listeners.get('uncaughtException')?.(error);
    expect(state.code).toBe(1);
    expect(state.stderr).toBe('narrascope: internal error: Invalid string length\n  This is a bug in Narrascope; please report it with the command you ran.\n  Set NARRASCOPE_DEBUG=1 for a stack trace.\n');
  });

  it('keeps terminal escape sequences of the message (quoted input) off the terminal', () => {
    const { listeners, state } = fakeProcess();
    listeners.get('uncaughtException')?.(new Error('bad record \u001b]0;PWNED\u0007 \u001b[2J'));
    expect(state.stderr).not.toContain('\u001b');
    expect(state.stderr).toContain('bad record');
  });

  it('prints the stack with NARRASCOPE_DEBUG, and handles rejected promises too', () => {
    const { listeners, state } = fakeProcess({ NARRASCOPE_DEBUG: '1' });
    listeners.get('unhandledRejection')?.(new Error('lost'));
    expect(state.code).toBe(1);
    expect(state.stderr).toContain('at ');
  });
});
