import { describe, expect, it } from 'vitest';
import {
  CallError,
  type CallFailure,
  parseRetryAfter,
  transportFailure,
} from '../../src/base/calls/failure.ts';
import { callWithRetry, type RetryPolicy } from '../../src/base/calls/retry.ts';
import { localizeProblem } from '../../src/report/problem-text.ts';
import { describeAzureFailure } from '../../src/sources/azure/live/errors.ts';
import { describeGcpFailure } from '../../src/sources/gcp/live/errors.ts';
import { ListAssetsWindow } from '../../src/sources/gcp/live/pacer.ts';
import { VirtualClock } from '../fakes/clock.ts';

const POLICY: RetryPolicy = { attempts: 4, baseDelayMs: 100, maxDelayMs: 1_000, timeoutMs: 500 };
const throttled = (retryAfterMs?: number): CallFailure => ({
  kind: 'throttled',
  transient: true,
  message: 'HTTP 429',
  ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
});

describe('the live-call toolkit', () => {
  it('waits the server’s Retry-After (plus a little jitter) before the next attempt', async () => {
    const clock = new VirtualClock();
    const at: number[] = [];
    const result = await callWithRetry(
      async () => {
        at.push(clock.now());
        if (at.length < 3) throw new Error('throttled');
        return 'ok';
      },
      { policy: POLICY, clock, describe: () => throttled(2_000), what: 'a call', random: () => 0.5 },
    );
    expect(result).toBe('ok');
    expect(at).toEqual([0, 2_050, 4_100]);
  });

  it('backs off with full jitter, doubling up to the ceiling, and names the attempts when it gives up', async () => {
    const clock = new VirtualClock();
    const at: number[] = [];
    const error = await callWithRetry(
      async () => {
        at.push(clock.now());
        throw new Error('503');
      },
      {
        policy: POLICY,
        clock,
        describe: () => ({ kind: 'server', transient: true, message: 'HTTP 503' }),
        what: 'a call',
        random: () => 1,
      },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CallError);
    expect((error as CallError).message).toBe('HTTP 503 (gave up after 4 attempts)');
    expect(at).toEqual([0, 100, 300, 700]);
  });

  it('does not wait a Retry-After longer than five minutes: the call fails at once and says so', async () => {
    const clock = new VirtualClock();
    let calls = 0;
    const error = await callWithRetry(
      async () => {
        calls++;
        throw new Error('throttled');
      },
      { policy: POLICY, clock, describe: () => throttled(3_600_000), what: 'a call' },
    ).catch((e: unknown) => e);
    expect(calls).toBe(1);
    expect(clock.now()).toBe(0);
    expect((error as CallError).message).toBe(
      'HTTP 429 (the service asked to wait 3600 s, longer than the 300 s kansa waits: try again later)',
    );
    expect(localizeProblem((error as CallError).message, 'ja')).toBe(
      'HTTP 429（サービスが 3600 s の待機を求めました。kansa が待つ上限 300 s を超えるため中止しました。時間をおいて再実行してください）',
    );
  });

  it('does not retry what cannot succeed (a denial)', async () => {
    const clock = new VirtualClock();
    let calls = 0;
    await expect(
      callWithRetry(
        async () => {
          calls++;
          throw new Error('403');
        },
        {
          policy: POLICY,
          clock,
          describe: () => ({ kind: 'denied', transient: false, message: 'HTTP 403' }),
          what: 'a call',
        },
      ),
    ).rejects.toThrow('HTTP 403');
    expect(calls).toBe(1);
  });

  it('abandons an attempt that never answers at its timeout, and gives up at the deadline naming the call', async () => {
    const clock = new VirtualClock();
    const signals: AbortSignal[] = [];
    const deadline = clock.timeout(1_200);
    // Something else waits on the clock, so that time moves (as a pacer or a fake's latency would).
    const ticker = clock.sleep(10_000);
    const error = await callWithRetry(
      (signal) => {
        signals.push(signal);
        return new Promise<never>(() => undefined);
      },
      {
        policy: POLICY,
        clock,
        deadline,
        describe: () => throttled(),
        what: 'ListAssets RESOURCE page 2',
        random: () => 0,
      },
    ).catch((e: unknown) => e);
    expect((error as CallError).failure.kind).toBe('deadline');
    expect((error as CallError).message).toBe(
      "the scope's deadline passed while waiting on ListAssets RESOURCE page 2",
    );
    expect(signals.length).toBeGreaterThanOrEqual(2);
    expect(signals.every((signal) => signal.aborted)).toBe(true);
    expect(clock.now()).toBe(1_200);
    void ticker;
  });

  it('does not count the wait for a pacer’s slot against the attempt’s timeout', async () => {
    const clock = new VirtualClock();
    const window = new ListAssetsWindow(1, 5_000, clock);
    const first = await window.acquire();
    first.release();
    const started = clock.now();
    const result = await callWithRetry(async () => clock.now(), {
      policy: POLICY,
      clock,
      pacer: window,
      describe: () => throttled(),
      what: 'a call',
    });
    // The slot came free 5 s later (ten times the timeout), and the call was made then, once.
    expect(result - started).toBeGreaterThanOrEqual(5_000);
  });

  it('reads Retry-After as seconds, as an HTTP date, and the millisecond headers', () => {
    const headers = (values: Record<string, string>) => (name: string) => values[name];
    expect(parseRetryAfter(headers({ 'retry-after': '3' }))).toBe(3_000);
    expect(parseRetryAfter(headers({ 'retry-after-ms': '250', 'retry-after': '3' }))).toBe(250);
    expect(
      parseRetryAfter(
        headers({ 'retry-after': 'Wed, 02 Dec 2026 00:00:10 GMT' }),
        Date.parse('2026-12-02T00:00:00Z'),
      ),
    ).toBe(10_000);
    expect(parseRetryAfter(headers({ 'retry-after': 'soon' }))).toBeUndefined();
  });
});

describe('failure messages name the real cause', () => {
  it('a refused connection says refused, and where', () => {
    const error = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), {
      code: 'ECONNREFUSED',
      address: '127.0.0.1',
      port: 9,
    });
    const failure = transportFailure(new TypeError('fetch failed', { cause: error }))!;
    expect(failure.kind).toBe('network');
    expect(failure.message).toBe(
      'ECONNREFUSED (127.0.0.1:9): connection refused: is the endpoint right, or is a proxy needed?',
    );
  });

  it('Azure with no network: the token endpoint could not be reached, not an HTTP 400', () => {
    const error = Object.assign(
      new Error('EnvironmentCredential: Status code: 400 ... network_error: Network request failed'),
      {
        name: 'AggregateAuthenticationError',
      },
    );
    const failure = describeAzureFailure(error);
    expect(failure.kind).toBe('network');
    expect(failure.message).toMatch(/could not reach the Microsoft Entra token endpoint/);
    expect(failure.message).not.toMatch(/400/);
  });

  it('Google Cloud: a corrupt key file is named, not an OpenSSL decoder error alone', () => {
    const previous = process.env.GOOGLE_APPLICATION_CREDENTIALS;
    process.env.GOOGLE_APPLICATION_CREDENTIALS = '/etc/kansa/sa-key.json';
    try {
      const error = Object.assign(new Error('error:1E08010C:DECODER routines::unsupported'), {
        code: 'ERR_OSSL_UNSUPPORTED',
      });
      const failure = describeGcpFailure(error);
      expect(failure.kind).toBe('credentials');
      expect(failure.transient).toBe(false);
      expect(failure.message).toMatch(
        /^the private key in the credentials file \/etc\/kansa\/sa-key.json \(GOOGLE_APPLICATION_CREDENTIALS\) cannot be read/,
      );
    } finally {
      if (previous === undefined) delete process.env.GOOGLE_APPLICATION_CREDENTIALS;
      else process.env.GOOGLE_APPLICATION_CREDENTIALS = previous;
    }
  });

  it('a denied listing names the role that grants it', () => {
    const error = Object.assign(
      new Error(
        JSON.stringify({
          error: { code: 403, status: 'PERMISSION_DENIED', message: 'The caller does not have permission' },
        }),
      ),
      { status: 403 },
    );
    expect(describeGcpFailure(error).message).toBe(
      'PERMISSION_DENIED (HTTP 403): The caller does not have permission (grant roles/cloudasset.viewer on the scope to the identity)',
    );
  });
});
