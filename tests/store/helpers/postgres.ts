import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';

/**
 * A throw-away PostgreSQL server for the store's tests: KANSA_TEST_PG_URL when CI started one,
 * else a cluster of Debian's postgresql (initdb + pg_ctl) in a temporary directory on a free
 * port, run as the `postgres` user when the tests run as root. Undefined, with the reason,
 * when neither is possible: the tests then skip with that message.
 */
export interface TestPostgres {
  /** A URL for a fresh, empty database. */
  newDatabase(): Promise<string>;
  stop(): void;
}

export async function startTestPostgres(): Promise<TestPostgres | string> {
  try {
    return await start();
  } catch (error) {
    return `cannot start PostgreSQL: ${(error as Error).message}`;
  }
}

async function start(): Promise<TestPostgres | string> {
  const external = process.env.KANSA_TEST_PG_URL;
  if (external) return databasesOn(external, () => {});
  const bin = postgresBin();
  if (!bin) return 'no PostgreSQL server binaries (apt-get install postgresql) and no KANSA_TEST_PG_URL';
  const dir = mkdtempSync(path.join(tmpdir(), 'kansa-pg-'));
  const asRoot = process.getuid?.() === 0;
  const run = (command: string, args: string[]) =>
    asRoot
      ? spawnSync('runuser', ['-u', 'postgres', '--', command, ...args], { encoding: 'utf8' })
      : spawnSync(command, args, { encoding: 'utf8' });
  if (asRoot) {
    const { uid, gid } = postgresUser();
    chownSync(dir, uid, gid);
    chmodSync(dir, 0o700);
  }
  const data = path.join(dir, 'data');
  const init = run(path.join(bin, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync']);
  if (init.status !== 0) return `initdb failed: ${init.stderr || init.error}`;
  const port = await freePort();
  const start = run(path.join(bin, 'pg_ctl'), [
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
    run(path.join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', 'stop']);
    rmSync(dir, { recursive: true, force: true });
  };
  return databasesOn(`postgres://postgres@127.0.0.1:${port}/postgres`, stop);
}

function databasesOn(adminUrl: string, stop: () => void): TestPostgres {
  let n = 0;
  const prefix = `kansa_test_${process.pid}`;
  return {
    async newDatabase() {
      const name = `${prefix}_${++n}`;
      const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 10_000 });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name}`);
        await client.query(`CREATE DATABASE ${name}`);
      } finally {
        await client.end();
      }
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      return url.toString();
    },
    stop,
  };
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
