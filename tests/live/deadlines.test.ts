import { spawn } from 'node:child_process';
import path from 'node:path';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import type { ScopeCoverage } from '../../src/model/coverage.ts';
import { awsLiveSource } from '../../src/sources/aws/live/index.ts';
import { createAzureLiveSource } from '../../src/sources/azure/live/index.ts';
import type { LiveSource } from '../../src/sources/live.ts';
import { type SilentEndpoint, startSilentEndpoint } from '../fakes/silent.ts';
import { testCredential } from './azure/helpers.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const silents: SilentEndpoint[] = [];
afterEach(async () => {
  await Promise.all(silents.splice(0).map((s) => s.close()));
});

async function silent(): Promise<SilentEndpoint> {
  const endpoint = await startSilentEndpoint();
  silents.push(endpoint);
  return endpoint;
}

/** Short deadlines: each call 200 ms, each scope 1 s (real time: the listener never answers). */
const TIMEOUTS = { callMs: 200, scopeMs: 1_000 };

async function collect(source: LiveSource): Promise<{ scopes: ScopeCoverage[]; ms: number }> {
  const started = performance.now();
  const scopes = await source.collect({
    log: pino({ level: 'silent' }),
    emit: () => undefined,
    progress: () => undefined,
    concurrency: 4,
    timeouts: TIMEOUTS,
  });
  return { scopes, ms: performance.now() - started };
}

/** Runs the real CLI in a child process; resolves with its exit code, output and time. */
function kansa(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; stderr: string; ms: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, [path.join(ROOT, 'bin/kansa.js'), ...args], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: '/nonexistent',
      // No credentials from the environment, but the compiled sources (vitest.config.ts) are welcome.
      ...(process.env.NODE_COMPILE_CACHE ? { NODE_COMPILE_CACHE: process.env.NODE_COMPILE_CACHE } : {}),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  child.stdout.resume();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('exit', (code) => {
      clearTimeout(kill);
      resolve({ code, stderr, ms: performance.now() - started });
    });
  });
}

describe('live scans against an endpoint that accepts and never answers', () => {
  it('kansa scan --aws --timeout finishes within its deadlines and says what it waited on', async () => {
    const endpoint = await silent();
    // The scope's deadline leaves a loaded machine time to load the SDK and connect at all.
    const run = await kansa(['scan', '--aws', '--regions', 'ap-northeast-1', '--timeout', '0.3,4'], {
      AWS_ENDPOINT_URL: `http://127.0.0.1:${endpoint.port}`,
      AWS_ACCESS_KEY_ID: 'AKIASILENT0000000001',
      AWS_SECRET_ACCESS_KEY: 'silent-secret',
      AWS_REGION: 'ap-northeast-1',
      AWS_CONFIG_FILE: '/dev/null',
      AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
      AWS_EC2_METADATA_DISABLED: 'true',
    });
    expect(endpoint.connections()).toBeGreaterThan(0);
    expect(run.ms).toBeLessThan(20_000);
    // Nothing could be read: a usage/input error, with the scope and what it waited on.
    expect(run.code).toBe(2);
    // Which ends the call first is a race of real time: the scope's deadline, or the SDK's 8
    // attempts of 0.3 s with their jittered backoff (about 3 to 9 s). Either way the scan names
    // the call and why it stopped waiting. The deadline's own wording is asserted in the next
    // test, whose 1 s deadline comes before any retry could end.
    expect(run.stderr).toMatch(
      /caller \(sts:GetCallerIdentity\): (?:the scope's deadline \(4 s\) passed|no answer within the request timeout \(TimeoutError\), after the SDK's retries)/,
    );
  });

  it('AWS: every call times out (throwOnRequestTimeout), each scope ends at its deadline, the scan finishes', async () => {
    const endpoint = await silent();
    const { scopes, ms } = await collect(
      awsLiveSource(
        { regions: ['ap-northeast-1'] },
        {
          credentials: { accessKeyId: 'AKIASILENT0000000001', secretAccessKey: 'silent-secret' },
          endpoint: `http://127.0.0.1:${endpoint.port}`,
          reportPollMs: 5,
        },
      ),
    );
    expect(endpoint.connections()).toBeGreaterThan(0);
    expect(ms).toBeLessThan(10_000);
    const caller = scopes.find((s) => s.scope.startsWith('caller'))!;
    expect(caller.error).toMatch(/deadline \(1 s\) passed/);
  });

  it('Azure: Resource Graph is abandoned at its deadline and named as the gap', async () => {
    const endpoint = await silent();
    const { scopes, ms } = await collect(
      createAzureLiveSource({
        credential: testCredential,
        endpoint: `https://127.0.0.1:${endpoint.port}`,
        retry: { baseDelayMs: 10, maxDelayMs: 50 },
      }),
    );
    expect(ms).toBeLessThan(10_000);
    const graph = scopes.find((s) => s.scope === 'resource graph')!;
    expect(graph.error).toMatch(
      /deadline passed while waiting on Resource Graph query of resourcecontainers/,
    );
  });

  it('Google Cloud: the listing is cancelled, the scope is a gap, and the process exits by itself', async () => {
    const endpoint = await silent();
    const started = performance.now();
    const child = spawn(
      process.execPath,
      [path.join(ROOT, 'tests/live/fixtures/gcp-silent-scan.ts'), String(endpoint.port)],
      {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const code = await new Promise<number | null>((resolve) => {
      const kill = setTimeout(() => child.kill('SIGKILL'), 20_000);
      child.on('exit', (exitCode) => {
        clearTimeout(kill);
        resolve(exitCode);
      });
    });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(performance.now() - started).toBeLessThan(15_000);
    const scopes = JSON.parse(stdout) as ScopeCoverage[];
    expect(scopes).toHaveLength(1);
    expect(scopes[0]!.error).toMatch(
      /deadline passed while waiting on ListAssets (RESOURCE|IAM_POLICY) page 1/,
    );
  });
});
