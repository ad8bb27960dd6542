import type { SqlRunner, SqlValue } from './engine.ts';

/**
 * Reading the findings' lifecycles a scan can touch, and only those: a store holds the
 * findings of every estate it ever scanned, and recording one scan must cost in proportion to
 * that scan, not to the whole store. The read goes through an index (findings_account) and
 * takes only the columns the lifecycle needs, never the names and requirements.
 */
export interface Lifecycle {
  finding_id: string;
  provider: string;
  account: string;
  check_id: string;
  resource_id: string;
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
  'finding_id, provider, account, check_id, resource_id, state, severity, evidence_hash, first_seen, opened_at, times_reopened';

/** Bound parameters per statement: well under both engines' limits. */
const CHUNK = 500;

/**
 * The lifecycles of every finding (open or resolved) of these accounts, by finding id: what a
 * scan of them may see again, and the open findings it resolves when they are gone.
 */
export async function lifecyclesOfAccounts(
  db: SqlRunner,
  accounts: Iterable<AccountRef>,
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
        `SELECT ${LIFECYCLE_COLUMNS} FROM findings WHERE provider = ? AND account IN (${chunk.map(() => '?').join(',')})`,
        [provider, ...chunk],
      );
      for (const row of rows) found.set(row.finding_id, row);
    }
  }
  return found;
}
