import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { kansa, SAMPLE } from './run-kansa.ts';

/** Node preloads that make kansa fail where no input can: a bug in the scan, an error outside any await. */
const BUG_IN_SCAN =
  'data:text/javascript,Date.prototype.toISOString=()=>{throw new TypeError("boom in the scan")}';
const STRAY_ERROR = 'data:text/javascript,setTimeout(()=>{throw new Error("stray boom")},0)';
const input = path.join(SAMPLE, 'azure');

describe('internal errors never fail open', { timeout: 120_000 }, () => {
  it('a bug in the scan: exit 4, one line, the hint to --debug', async () => {
    const result = await kansa(['scan', '--input', input, '--format', 'json'], {}, ['--import', BUG_IN_SCAN]);
    expect(result.code).toBe(4);
    expect(result.stderr).toBe('kansa: internal error: boom in the scan (run with --debug for the stack)\n');
  });

  it('--debug prints the stack', async () => {
    const result = await kansa(['--debug', 'scan', '--input', input, '--format', 'json'], {}, [
      '--import',
      BUG_IN_SCAN,
    ]);
    expect(result.code).toBe(4);
    expect(result.stderr).toMatch(
      /^kansa: internal error: boom in the scan\nTypeError: boom in the scan\n {4}at /,
    );
  });

  it('an error thrown outside the awaited chain: exit 4, not a raw stack', async () => {
    const result = await kansa(['scan', '--input', input], {}, ['--import', STRAY_ERROR]);
    expect(result.code).toBe(4);
    expect(result.stderr).toBe('kansa: internal error: stray boom (run with --debug for the stack)\n');
  });
});
