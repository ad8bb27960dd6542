import { execFile, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { findingsFromFile } from '../helpers/findings-file.ts';

/**
 * Builds the image from the project's Dockerfile with podman and scans the sample tenancy in
 * it, offline (--network none), as its non-root user, with the store and findings on a
 * mounted volume. It takes minutes, so `npm test` skips it: `.ci/run` runs it as its own step
 * (KANSA_CONTAINER_TEST=1) after setting podman up. Without a podman that can run containers
 * it is skipped with the reason.
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
const SAMPLE = path.join(ROOT, 'fixtures/sample-tenancy');
const IMAGE = 'localhost/kansa:test';
const run = promisify(execFile);

const work = mkdtempSync(path.join(tmpdir(), 'kansa-image-'));
// podman for this sandbox: no systemd cgroups, no default ulimits the runtime cannot set.
const conf = path.join(work, 'containers.conf');
writeFileSync(conf, '[containers]\ndefault_ulimits = []\n[engine]\ncgroup_manager = "cgroupfs"\n');
const env = { ...process.env, CONTAINERS_CONF: process.env.CONTAINERS_CONF ?? conf };

function podman(...args: string[]) {
  return run('podman', ['--runtime', 'runc', ...args], { env, maxBuffer: 64 << 20, timeout: 900_000 });
}

function whyNot(): string | undefined {
  if (process.env.KANSA_CONTAINER_TEST !== '1') {
    return 'the image test runs as its own step of .ci/run (KANSA_CONTAINER_TEST=1), not in npm test';
  }
  const version = spawnSync('podman', ['--version'], { encoding: 'utf8' });
  if (version.status !== 0) return 'podman is not installed (.ci/run sets it up with container-here.sh)';
  const base = spawnSync(
    'podman',
    ['--runtime', 'runc', 'image', 'exists', 'docker.io/library/node:24-slim'],
    {
      env,
    },
  );
  if (base.status !== 0) return 'no node:24-slim base image and no registry to pull it from';
  return undefined;
}

const skip = whyNot();
if (skip) console.warn(`container image test skipped: ${skip}`);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe.skipIf(skip !== undefined)('container image', () => {
  it('builds, runs as non-root offline, and writes the findings and the store to the volume', async () => {
    await podman('build', '-t', IMAGE, ROOT);

    const inspect = JSON.parse((await podman('image', 'inspect', IMAGE)).stdout) as {
      Config: {
        User: string;
        Entrypoint: string[];
        Labels: Record<string, string>;
        Volumes?: Record<string, unknown>;
      };
    }[];
    const config = inspect[0]!.Config;
    expect(config.User).toBe('node');
    expect(config.Entrypoint).toEqual(['node', '/opt/kansa/bin/kansa.js']);
    expect(config.Volumes).toHaveProperty('/data');
    expect(config.Labels).toMatchObject({
      'org.opencontainers.image.version': expect.any(String),
      'org.opencontainers.image.source': expect.stringMatching(/^https:\/\//),
      'org.opencontainers.image.licenses': 'Apache-2.0',
    });
    // No development dependency made it into the image.
    const modules = await podman(
      'run',
      '--rm',
      '--network',
      'none',
      '--entrypoint',
      'ls',
      IMAGE,
      '/opt/kansa/node_modules',
    );
    expect(modules.stdout.split('\n')).not.toContain('vitest');
    expect(modules.stdout.split('\n')).not.toContain('typescript');
    expect(modules.stdout.split('\n')).toContain('pg');
    // The image runs the built package (dist/), as npm publishes it: no TypeScript sources, no tests.
    const files = await podman('run', '--rm', '--network', 'none', '--entrypoint', 'ls', IMAGE, '/opt/kansa');
    expect(files.stdout.split('\n').filter(Boolean).sort()).toEqual(
      ['README.md', 'bin', 'dist', 'node_modules', 'package-lock.json', 'package.json', 'policies'].sort(),
    );

    const data = path.join(work, 'data');
    spawnSync('mkdir', ['-p', data]);
    chmodSync(data, 0o777);
    const id = await podman('run', '--rm', '--network', 'none', '--entrypoint', 'id', IMAGE, '-u');
    expect(id.stdout.trim()).not.toBe('0');

    const scan = async () =>
      podman(
        'run',
        '--rm',
        '--network',
        'none',
        '-v',
        `${SAMPLE}:/in:ro`,
        '-v',
        `${data}:/data`,
        IMAGE,
        'scan',
        '--input',
        '/in',
        '--output',
        '/data/findings.json',
        '--lang',
        'en',
      );
    await scan();
    const second = await scan();
    expect(second.stdout).toMatch(/Recorded in the history store: scan #2 \(\/data\/history\.sqlite\)/);
    const findings = await findingsFromFile(path.join(data, 'findings.json'));
    expect(findings.findings.length).toBeGreaterThan(100);
    expect(findings.history).toMatchObject({ store: '/data/history.sqlite', seq: 2 });
    expect(findings.findings.find((f) => f.status === 'FAIL')?.history?.state).toBe('open');
    const history = await podman(
      'run',
      '--rm',
      '--network',
      'none',
      '-v',
      `${data}:/data`,
      IMAGE,
      'history',
      '--format',
      'json',
    );
    expect((JSON.parse(history.stdout) as { scans: unknown[] }).scans).toHaveLength(2);
  }, 1_800_000);
});
