import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

// Starting a cluster, apart from the test files' helper (postgres.ts): the global setup
// (tests/setup/postgres.ts) runs it in Vitest's main process, where test APIs are not available,
// while the tests run: initdb and pg_ctl run without blocking that process's event loop.

/** Starts a cluster: its admin URL and how to stop (and delete) it, or why it cannot start. */
export async function startPostgresServer(): Promise<{ url: string; stop: () => void } | string> {
  try {
    return await start();
  } catch (error) {
    return `cannot start PostgreSQL: ${(error as Error).message}`;
  }
}

async function start(): Promise<{ url: string; stop: () => void } | string> {
  const bin = postgresBin();
  if (!bin) return 'no PostgreSQL server binaries (apt-get install postgresql) and no KANSA_TEST_PG_URL';
  const dir = mkdtempSync(path.join(tmpdir(), 'kansa-pg-'));
  const asRoot = process.getuid?.() === 0;
  const run = (command: string, args: string[]) =>
    runAs(asRoot ? ['runuser', '-u', 'postgres', '--', command, ...args] : [command, ...args]);
  if (asRoot) {
    const { uid, gid } = postgresUser();
    chownSync(dir, uid, gid);
    chmodSync(dir, 0o700);
  }
  const data = path.join(dir, 'data');
  const init = await run(path.join(bin, 'initdb'), [
    '-D',
    data,
    '-A',
    'trust',
    '-U',
    'postgres',
    '--no-sync',
  ]);
  if (init.status !== 0) return `initdb failed: ${init.stderr || init.error}`;
  const port = await freePort();
  const start = await run(path.join(bin, 'pg_ctl'), [
    '-D',
    data,
    '-l',
    path.join(dir, 'log'),
    '-w',
    '-t',
    '30',
    '-o',
    `-p ${port} -c listen_addresses=127.0.0.1 -k ${dir} -c fsync=off`,
    'start',
  ]);
  if (start.status !== 0) return `pg_ctl start failed: ${start.stderr || start.error}`;
  const stop = () => {
    const command = [path.join(bin, 'pg_ctl'), '-D', data, '-m', 'immediate', 'stop'];
    if (asRoot) spawnSync('runuser', ['-u', 'postgres', '--', ...command]);
    else spawnSync(command[0]!, command.slice(1));
    rmSync(dir, { recursive: true, force: true });
  };
  return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, stop };
}

/** Runs a command to its end: its exit status and what it wrote on stderr, or the error that kept it from running. */
function runAs([command, ...args]: string[]): Promise<{
  status: number | null;
  stderr: string;
  error?: Error;
}> {
  return new Promise((resolve) => {
    execFile(command!, args, { encoding: 'utf8' }, (error, _stdout, stderr) => {
      const status = error ? (typeof error.code === 'number' ? error.code : null) : 0;
      resolve({ status, stderr, ...(error && status === null ? { error } : {}) });
    });
  });
}

function postgresBin(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => existsSync(path.join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? path.join(root, versions[0], 'bin') : undefined;
}

function postgresUser(): { uid: number; gid: number } {
  const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
  return { uid, gid };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
