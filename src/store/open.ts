import { homedir } from 'node:os';
import path from 'node:path';
import type { SqlEngine } from './engine.ts';
import { migrate } from './migrations.ts';
import { SqliteEngine } from './sqlite.ts';

/**
 * Where the history store is: `--store PATH|postgres://…`, else `KANSA_STORE_URL`, else a
 * SQLite file under the user's data directory. `--no-store` (or `KANSA_STORE_URL=none`, for a
 * pipeline that keeps no history) gives undefined: nothing is read or kept.
 */
export function storeLocation(
  option: string | boolean | undefined,
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string | undefined {
  if (option === false) return undefined;
  if (typeof option === 'string' && option !== '') return option;
  if (env.KANSA_STORE_URL === 'none') return undefined;
  if (env.KANSA_STORE_URL) return env.KANSA_STORE_URL;
  return defaultStorePath(env, platform);
}

/** The user's data directory, as each platform names it, then kansa/history.sqlite. */
export function defaultStorePath(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string {
  const home = env.HOME ?? env.USERPROFILE ?? homedir();
  const dataDir =
    platform === 'win32'
      ? (env.LOCALAPPDATA ?? path.join(home, 'AppData', 'Local'))
      : platform === 'darwin'
        ? path.join(home, 'Library', 'Application Support')
        : (env.XDG_DATA_HOME ?? path.join(home, '.local', 'share'));
  return path.join(dataDir, 'kansa', 'history.sqlite');
}

export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

/** Opens the store (a file, created with its directory if new, or a server) and migrates its schema. */
export async function openStore(location: string): Promise<SqlEngine> {
  // The pg client is loaded only for a shared store: the embedded one needs nothing beyond Node.
  const engine = isPostgresUrl(location)
    ? await (await import('./postgres.ts')).PostgresEngine.open(location)
    : new SqliteEngine(location);
  try {
    await migrate(engine);
  } catch (error) {
    await engine.close();
    throw error;
  }
  return engine;
}
