import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Framework } from '../../../src/frameworks/framework.ts';
import { loadFramework } from '../../../src/frameworks/load.ts';
import { evaluate } from '../../../src/scan/evaluate.ts';
import { type InventoryRead, readInventory } from '../../../src/scan/read-inventory.ts';
import { inShard, type Shard } from '../../../src/scan/shard.ts';
import { awsLiveSource } from '../../../src/sources/aws/live/index.ts';
import { generateScenario, type Scenario } from '../../fakes/aws/scenario.ts';
import { type FakeAws, startFakeAws } from '../../fakes/aws/server.ts';
import { FAST_RETRY, NOW } from '../../live/aws/helpers.ts';

/**
 * `--shard I/N` in the live AWS collector (issue 17). The shard key is the account: all of an
 * account's regions and its account-wide reads (IAM, S3 Block Public Access, the credential
 * report) are one shard's, so the account-wide checks weigh every region, as in a single scan.
 */
const ROLE = 'arn:aws:iam::{account}:role/KansaAudit';
let scenario: Scenario;
let framework: Framework;
let accounts: string[];
const fakes: FakeAws[] = [];

beforeAll(async () => {
  framework = await loadFramework('osaka');
  scenario = generateScenario({
    seed: 17,
    accounts: 6,
    resourcesPerRegion: 15,
    regions: ['ap-northeast-1', 'ap-northeast-3'],
  });
  accounts = scenario.accounts.map((a) => a.id);
});
afterAll(async () => {
  await Promise.all(fakes.map((fake) => fake.close()));
});

async function scan(shard?: Shard, aggregator?: string): Promise<{ read: InventoryRead; fake: FakeAws }> {
  const fake = await startFakeAws(scenario);
  fakes.push(fake);
  const source = awsLiveSource(
    aggregator ? { aggregator, roleArn: ROLE, accounts } : { roleArn: ROLE, accounts },
    {
      credentials: fake.credentials,
      endpoint: fake.endpoint,
      retry: FAST_RETRY,
      requestTimeoutMs: 5_000,
      reportPollMs: 5,
    },
  );
  const read = await readInventory(
    { inputs: [], live: [source], concurrency: 8, ...(shard ? { shard } : {}) },
    pino({ level: 'silent' }),
  );
  return { read, fake };
}

/** The account a coverage line is about (`111122223333 ap-northeast-1`, `… iam credential report`). */
const accountScopes = (read: InventoryRead) =>
  read.scopes.flatMap((s) => (/^\d{12} /.test(s.scope) ? [s.scope] : []));
const findingLines = (read: InventoryRead) =>
  [...evaluate(read.inventory, framework, NOW)].map((f) => `${f.id} ${f.status}`);

describe('live AWS collector, sharded by account', { timeout: 120_000 }, () => {
  it('reads only its accounts; the shards together are the whole scan, no scope twice', async () => {
    const whole = await scan();
    const all = accountScopes(whole.read).sort();
    expect(new Set(all.map((scope) => scope.slice(0, 12)))).toEqual(new Set(accounts));
    const wholeFindings = findingLines(whole.read).sort();
    expect(wholeFindings.length).toBeGreaterThan(200);

    for (const count of [2, 4]) {
      const shards = await Promise.all(Array.from({ length: count }, (_, index) => scan({ index, count })));
      const seen: string[] = [];
      for (const [index, { read, fake }] of shards.entries()) {
        const mine = accountScopes(read);
        for (const scope of mine) expect(inShard(scope.slice(0, 12), { index, count }), scope).toBe(true);
        // Requests are signed with the account's own (assumed) keys: only the shard's accounts
        // appear, but for the base account's own STS calls (GetCallerIdentity, AssumeRole).
        const base = accounts[0]!;
        for (const [where, n] of fake.stats.byScope) {
          const account = where.split(' ')[0]!;
          if (account === base && !inShard(base, { index, count })) continue;
          expect(inShard(account, { index, count }), `shard ${index}/${count}: ${n} calls in ${where}`).toBe(
            true,
          );
        }
        seen.push(...mine);
      }
      expect(seen.sort(), `N = ${count}`).toEqual(all);
      const union = shards.flatMap(({ read }) => findingLines(read));
      expect(new Set(union).size, `N = ${count}: a finding in two shards`).toBe(union.length);
      expect(union.sort(), `N = ${count}`).toEqual(wholeFindings);
    }
  });

  it('through an aggregator: each shard keeps its own accounts of it', async () => {
    const aggregator = scenario.aggregator;
    const whole = findingLines((await scan(undefined, aggregator)).read).sort();
    const shards = await Promise.all([0, 1].map((index) => scan({ index, count: 2 }, aggregator)));
    const union = shards.flatMap(({ read }) => findingLines(read));
    expect(new Set(union).size).toBe(union.length);
    expect(union.sort()).toEqual(whole);
    for (const [index, { read }] of shards.entries()) {
      for (const resource of read.inventory.all())
        expect(inShard(resource.account, { index, count: 2 }), resource.id).toBe(true);
    }
  });
});
