import type { SqlRunner, SqlValue } from './engine.ts';

/**
 * Reading the findings' lifecycles a scan can touch, and only those: a store holds the
 * findings of every estate it ever scanned, and recording one scan must cost in proportion to
 * that scan, not to the whole store. Each read goes through an index (findings' primary key,
 * findings_account, findings_open) and takes only the columns the lifecycle needs, never the
 * names and requirements.
 */
export interface Lifecycle {
  finding_id: string;
  provider: string;
  account: string;
  check_id: string;
  state: 'open' | 'resolved';
  severity: string;
  evidence_hash: string;
  first_seen: string;
  opened_at: string;
  times_reopened: number;
  [column: string]: SqlValue;
}

export interface AccountRef {
  readonly provider: string;
  readonly account: string;
}

const LIFECYCLE_COLUMNS =
  'finding_id, provider, account, check_id, state, severity, evidence_hash, first_seen, opened_at, times_reopened';

/** Bound parameters per statement: well under both engines' limits. */
const CHUNK = 500;

/** The lifecycles of every finding (open or resolved) of these accounts: what a scan of them may see again. */
export async function lifecyclesOfAccounts(
  db: SqlRunner,
  accounts: Iterable<AccountRef>,
): Promise<Map<string, Lifecycle>> {
  return byAccount(db, accounts, '');
}

/** The lifecycles of the open findings of these accounts: those a scan reading them in full may find gone. */
export async function openLifecyclesOfAccounts(
  db: SqlRunner,
  accounts: Iterable<AccountRef>,
): Promise<Map<string, Lifecycle>> {
  return byAccount(db, accounts, "state = 'open' AND ");
}

/** The lifecycles of these findings, by id (those never recorded are absent). */
export async function lifecyclesById(db: SqlRunner, ids: readonly string[]): Promise<Map<string, Lifecycle>> {
  const found = new Map<string, Lifecycle>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    const rows = await db.all<Lifecycle>(
      `SELECT ${LIFECYCLE_COLUMNS} FROM findings WHERE finding_id IN (${chunk.map(() => '?').join(',')})`,
      chunk,
    );
    for (const row of rows) found.set(row.finding_id, row);
  }
  return found;
}

async function byAccount(
  db: SqlRunner,
  accounts: Iterable<AccountRef>,
  stateFilter: string,
): Promise<Map<string, Lifecycle>> {
  const byProvider = new Map<string, Set<string>>();
  for (const { provider, account } of accounts) {
    const set = byProvider.get(provider) ?? new Set<string>();
    set.add(account);
    byProvider.set(provider, set);
  }
  const found = new Map<string, Lifecycle>();
  for (const [provider, set] of byProvider) {
    const names = [...set];
    for (let i = 0; i < names.length; i += CHUNK) {
      const chunk = names.slice(i, i + CHUNK);
      const rows = await db.all<Lifecycle>(
        `SELECT ${LIFECYCLE_COLUMNS} FROM findings
         WHERE ${stateFilter}provider = ? AND account IN (${chunk.map(() => '?').join(',')})`,
        [provider, ...chunk],
      );
      for (const row of rows) found.set(row.finding_id, row);
    }
  }
  return found;
}
