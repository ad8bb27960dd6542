import { describe, expect, it } from 'vitest';
import { parseTimeouts } from '../../src/cli/live-sources.ts';
import { progressReporter } from '../../src/cli/progress.ts';

function stream(isTTY: boolean) {
  const written: string[] = [];
  return { isTTY, written, write: (text: string) => written.push(text) > 0 };
}

describe('live scan progress', () => {
  it('on a terminal shows the scope n of N, the calls and the throttled answers', () => {
    const tty = stream(true);
    const progress = progressReporter(tty as unknown as NodeJS.WriteStream, 'en');
    progress.update({
      unit: 'subscriptions',
      done: 3,
      total: 50,
      resources: 1234,
      requests: 560,
      throttled: 12,
    });
    progress.done();
    expect(tty.written[0]).toBe(
      '\r\x1b[2Kreading inventory: 3/50 subscriptions, 1234 resources, 560 calls, 12 throttled',
    );
    expect(tty.written.at(-1)).toBe('\r\x1b[2K');
  });

  it('is silent when stderr is not a terminal', () => {
    const pipe = stream(false);
    const progress = progressReporter(pipe as unknown as NodeJS.WriteStream, 'en');
    progress.update({ unit: 'scopes', done: 1, total: 2, resources: 5, requests: 9, throttled: 1 });
    progress.done();
    expect(pipe.written).toEqual([]);
  });
});

describe('--timeout CALL[,SCOPE]', () => {
  it('sets the call timeout, and the scope deadline when given, in seconds', () => {
    expect(parseTimeouts('30')).toEqual({ callMs: 30_000 });
    expect(parseTimeouts('0.5,90')).toEqual({ callMs: 500, scopeMs: 90_000 });
  });

  it('rejects what is not seconds', () => {
    for (const bad of ['', '0', '-1', 'soon', '1,2,3', '1,'])
      expect(() => parseTimeouts(bad)).toThrow(/expected seconds/);
  });
});
