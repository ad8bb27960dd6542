import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Framework } from '../../../src/frameworks/framework.ts';
import { loadFramework } from '../../../src/frameworks/load.ts';
import type { ScopeCoverage } from '../../../src/model/coverage.ts';
import { evaluate } from '../../../src/scan/evaluate.ts';
import type { Inventory } from '../../../src/scan/inventory.ts';
import { exportScenario } from '../../fakes/azure/export.ts';
import { generateScenario, type Scenario, type ScenarioSize } from '../../fakes/azure/scenario.ts';
import { FakeAzure, type FakeAzureOptions, type Fault } from '../../fakes/azure/server.ts';
import { VirtualClock } from '../../fakes/clock.ts';
import { findings, readOffline, runLive, statusesByCheck, statusesOf, TOKEN } from './helpers.ts';

let framework: Framework;
let work: string;
const fakes: FakeAzure[] = [];

/** A generated tenancy with the findings of its offline scan (exported, then read as files). */
interface Tenancy {
  readonly scenario: Scenario;
  readonly offline: string[];
  /** The offline scan's inventory, read once (reading it again per test only feeds the GC). */
  readonly inventory: Inventory;
}
/** Size is what the first test is about: 50 subscriptions, 5,000 resources, full Resource Graph pages. */
let large: Tenancy;
/**
 * Faults, denials, pacing and scopes behave the same in a smaller tenancy (9 subscriptions, 500
 * resources), at a tenth of the cost: each ARM GET (one per resource's diagnostic settings) is a
 * TLS exchange on a shared core. The Resource Graph pacing tests ask for small pages, so that
 * the quota, not the tenancy's size, bounds the scan.
 */
let small: Tenancy;

async function tenancy(name: string, size: ScenarioSize): Promise<Tenancy> {
  const scenario = generateScenario(size);
  await exportScenario(scenario, path.join(work, name));
  const read = await readOffline(path.join(work, name));
  expect(read.formats).toEqual(new Set(['azure-graph-cli', 'azure-arm']));
  return { scenario, offline: findings(read.inventory, framework), inventory: read.inventory };
}

/** A fake of `tenancy` on a virtual clock of its own, shared with the collectors run against it. */
async function fake({ scenario }: Tenancy, options: Partial<FakeAzureOptions> = {}): Promise<FakeAzure> {
  const started = await new FakeAzure({ scenario, clock: new VirtualClock(), ...options }).start();
  fakes.push(started);
  return started;
}

beforeAll(async () => {
  framework = await loadFramework('osaka');
  work = await mkdtemp(path.join(tmpdir(), 'kansa-live-azure-'));
  large = await tenancy('large', { seed: 20261101, subscriptions: 50, resources: 5_000 });
  small = await tenancy('small', { seed: 20261101, subscriptions: 9, resources: 500 });
});

afterAll(async () => {
  await Promise.all(fakes.map((f) => f.stop()));
  await rm(work, { recursive: true, force: true });
});

/** The items of the ARM list bodies --save-inventory wrote under `prefix`, all subscriptions together. */
async function savedItems(dir: string, prefix: string): Promise<{ name: string }[]> {
  const files = (await readdir(path.join(dir, 'azure'))).filter((file) => file.startsWith(prefix));
  const bodies = await Promise.all(
    files.map(async (file) => JSON.parse(await readFile(path.join(dir, 'azure', file), 'utf8'))),
  );
  return bodies.flatMap((body: { value: { name: string }[] }) => body.value);
}

const subscriptionScopes = (scopes: ScopeCoverage[]) =>
  scopes.filter((scope) => scope.scope.startsWith('subscription '));

/** Checks decided on what only the ARM reads (not Resource Graph) hold. */
const ARM_CHECKS = [
  'azure.sql.auditing',
  // Flexible servers' TLS is in their server parameters (ARM `configurations`).
  'azure.database.minimum-tls',
  'azure.appservice.tls-only',
  'azure.keyvault.key-expiry',
  'azure.keyvault.key-rotation',
  'azure.cost.budget',
];

// Real time goes to TLS and JSON on a shared machine; quota windows and backoffs run on the virtual clock.
describe('live Azure scan against the fake', { timeout: 120_000 }, () => {
  it('gives the findings of the offline scan of the same tenancy, within the quota', async () => {
    const { scenario, offline } = large;
    expect(scenario.subscriptions.length).toBeGreaterThanOrEqual(50);
    expect(scenario.tables.resources!.length).toBeGreaterThanOrEqual(5_000);
    // Two items a page, so that vaults with more keys and subscriptions with two budgets page.
    const azure = await fake(large, { armPageSize: 2 });
    const save = path.join(work, 'saved');
    const run = await runLive(azure, {}, { saveInventoryDir: save });

    expect(run.scopes.filter((scope) => scope.error)).toEqual([]);
    expect(subscriptionScopes(run.scopes)).toHaveLength(50);
    const live = findings(run.inventory, framework);
    expect(live.length).toBeGreaterThan(5_000);
    expect(live).toEqual(offline);
    // SQL auditing, site config, keys and budgets are read live: their checks decide.
    const byCheck = statusesByCheck(run.inventory, framework);
    for (const check of ARM_CHECKS) {
      const statuses = [...(byCheck.get(check)?.values() ?? [])];
      expect(statuses, check).toContain('PASS');
      expect(statuses, check).toContain('FAIL');
      // An empty listing (no budget) is evidence of none: FAIL, not UNKNOWN, live and offline alike.
      expect(statuses, check).not.toContain('UNKNOWN');
    }
    // A SQL server's key holder is its TDE protector's: classified servers pass or fail on it.
    const sqlServers = [...(byCheck.get('common.classification.cmk-at-rest') ?? [])]
      .filter(([id]) => id.includes('/providers/microsoft.sql/servers/'))
      .map(([, status]) => status);
    expect(sqlServers).toContain('PASS');
    expect(sqlServers).toContain('FAIL');
    expect(sqlServers).not.toContain('UNKNOWN');
    expect(azure.accounting.nextLinks).toBeGreaterThan(0);

    expect(azure.accounting.quotaExceeded).toBe(0);
    expect(azure.accounting.maxInWindow).toBeLessThanOrEqual(15);
    expect(azure.accounting.unauthenticated).toBe(0);
    // Pages are full but for each query's last one.
    expect(azure.accounting.pageRows.filter((rows) => rows === 1000).length).toBeGreaterThanOrEqual(4);
    const graphScope = run.scopes.find((scope) => scope.scope === 'resource graph')!;
    expect(graphScope.requests).toBe(azure.accounting.graph);
    const armRequests = subscriptionScopes(run.scopes).reduce((sum, scope) => sum + scope.requests, 0);
    expect(armRequests).toBe(azure.accounting.arm);

    const last = run.progress.at(-1)!;
    expect(last).toMatchObject({ unit: 'subscriptions', done: 50, total: 50 });
    expect(run.logs.join('')).not.toContain(TOKEN);

    // --save-inventory writes what the offline path reads back, with the same findings; of a
    // flexible server's parameters (a real one has hundreds), only those the adapters read.
    const parameters = await savedItems(save, 'flexible-server-parameters-');
    expect(new Set(parameters.map((item) => item.name))).toEqual(
      new Set(['require_secure_transport', 'ssl_min_protocol_version', 'tls_version']),
    );
    expect((await savedItems(save, 'sql-encryption-protectors-')).length).toBeGreaterThan(0);
    const saved = await readOffline(save);
    expect(saved.formats).toEqual(new Set(['azure-graph-cli', 'azure-arm']));
    expect(findings(saved.inventory, framework)).toEqual(offline);
  });

  it('retries throttling, 5xx, resets and slow answers, and still reads everything', async () => {
    const fault = ({ kind, n }: { kind: string; n: number }): Fault | undefined => {
      if (kind === 'graph' && n === 2) return { status: 429, code: 'RateLimiting', retryAfterSeconds: 1 };
      if (kind === 'graph' && n === 4) return { status: 503, code: 'ServiceUnavailable' };
      if (kind === 'graph' && n === 6) return { delayMs: 1_500 };
      if (kind === 'arm' && n % 40 === 0) return { status: 500, code: 'InternalServerError' };
      if (kind === 'arm' && n % 97 === 0) return { reset: true };
      if (kind === 'arm' && n % 61 === 0)
        return { status: 429, code: 'TooManyRequests', retryAfterSeconds: 0 };
      if (kind === 'arm' && n === 150) return { delayMs: 1_500 };
      return undefined;
    };
    const azure = await fake(small, { fault });
    const run = await runLive(azure, {
      retry: { attempts: 5, baseDelayMs: 10, maxDelayMs: 100, timeoutMs: 800 },
    });
    expect(run.scopes.filter((scope) => scope.error)).toEqual([]);
    expect(findings(run.inventory, framework)).toEqual(small.offline);
    expect(azure.accounting.byStatus[500]).toBeGreaterThan(0);
    expect(azure.accounting.byStatus[429]).toBeGreaterThan(0);
    expect(azure.accounting.byStatus[503]).toBe(1);
    expect(azure.accounting.quotaExceeded).toBe(0);
    expect(run.logs.join('')).toContain('retrying');
    expect(run.logs.join('')).not.toContain(TOKEN);
  });

  it('lists a subscription the identity may not read, with the error, and scans the rest', async () => {
    const { scenario } = small;
    const denied = scenario.subscriptions[7]!.id;
    const azure = await fake(small, { forbidden: [denied] });
    const run = await runLive(azure, { subscriptions: scenario.subscriptions.map((sub) => sub.id) });
    const failed = run.scopes.filter((scope) => scope.error);
    expect(failed.map((scope) => scope.scope)).toEqual([expect.stringContaining(denied)]);
    expect(failed[0]!.error).toContain('HTTP 403 AuthorizationFailed');
    const read = subscriptionScopes(run.scopes).filter((scope) => !scope.error);
    expect(read).toHaveLength(scenario.subscriptions.length - 1);
    for (const scope of read) expect(scope.resources).toBeGreaterThan(0);
    // The others' findings are the offline ones without the denied subscription's.
    const others = (account: string) => account !== denied;
    const expected = findings(small.inventory, framework, others);
    expect(findings(run.inventory, framework, others)).toEqual(expected);
    expect(azure.accounting.quotaExceeded).toBe(0);
  });

  it('lists what still fails after the retries, and keeps the rest', async () => {
    const broken = small.scenario.subscriptions[3]!.id.toLowerCase();
    const azure = await fake(small, {
      fault: ({ kind, path: requestPath }) =>
        kind === 'arm' &&
        requestPath.toLowerCase() ===
          `/subscriptions/${broken}/providers/microsoft.insights/diagnosticsettings`
          ? { status: 500, code: 'InternalServerError' }
          : undefined,
    });
    const run = await runLive(azure, {
      retry: { attempts: 3, baseDelayMs: 5, maxDelayMs: 20, timeoutMs: 2_000 },
    });
    const failed = run.scopes.filter((scope) => scope.error);
    expect(failed).toHaveLength(1);
    expect(failed[0]!.scope).toContain(broken);
    expect(failed[0]!.error).toMatch(
      /diagnostic settings of \/subscriptions\/.*: HTTP 500 InternalServerError/,
    );
    expect(failed[0]!.resources).toBeGreaterThan(0);
    // The check says the listing failed (the evidence names the call), not "add the output of az …".
    const activityLog = [...run.inventory.all()].find((r) => r.id === `/subscriptions/${broken}`)!;
    expect(
      statusesOf(run.inventory, framework, 'azure.monitor.activity-log-exported').get(activityLog.id),
    ).toBe('UNKNOWN');
    const listed = (
      activityLog.facts as { activityLogSettingsListed?: { source: string; note?: { en: string } } }
    ).activityLogSettingsListed;
    expect(listed?.source).toBe('unknown');
    expect(listed?.note?.en).toMatch(/GET \/subscriptions\/.*\/diagnosticSettings failed: HTTP 500/);
  });

  it('lists an ARM read that fails, or fails part way through a list, and keeps the rest', async () => {
    const { scenario } = small;
    const paths = [...scenario.armBodies.keys()];
    const server = paths.find((p) => p.endsWith('/auditingsettings/default'))!;
    const vault = paths.find(
      (p) => p.endsWith('/keys') && (scenario.armBodies.get(p) as unknown[]).length >= 3,
    )!;
    const azure = await fake(small, {
      armPageSize: 2,
      fault: ({ kind, path: requestPath, search = '' }) => {
        if (kind !== 'arm') return undefined;
        const lower = requestPath.toLowerCase();
        if (lower === server) return { status: 403, code: 'AuthorizationFailed' };
        if (lower === vault && search.includes('skiptoken'))
          return { status: 500, code: 'InternalServerError' };
        return undefined;
      },
    });
    const run = await runLive(azure, {
      retry: { attempts: 2, baseDelayMs: 5, maxDelayMs: 20, timeoutMs: 2_000 },
    });
    const errors = run.scopes.flatMap((scope) => (scope.error ? [scope.error] : []));
    const serverId = server.slice(0, -'/auditingsettings/default'.length);
    const vaultId = vault.slice(0, -'/keys'.length);
    expect(errors.join('; ')).toContain(
      `SQL auditing settings of ${serverId}/auditingSettings/default: HTTP 403`,
    );
    expect(errors.join('; ')).toContain(
      `Key Vault keys of ${vaultId}/keys: incomplete, page 2 failed after 1 page(s) read: HTTP 500 InternalServerError`,
    );
    // The server is UNKNOWN, not FAIL; the vault's first page of keys is read.
    expect(statusesOf(run.inventory, framework, 'azure.sql.auditing').get(serverId)).toBe('UNKNOWN');
    // Its message names the denied call and the role, not an export to add (that is offline advice).
    const message = [...evaluate(run.inventory, framework, new Date())].find(
      (f) => f.checkId === 'azure.sql.auditing' && f.resource.id === serverId,
    )?.message;
    expect(message?.en).toMatch(/^The live scan did not get .*auditingSettings\/default.*Reader role/);
    expect(message?.ja).toMatch(/^ライブ スキャンの GET .*閲覧者（Reader）ロール/);
    expect(`${message?.en} ${message?.ja}`).not.toMatch(/add the output|出力を追加/);
    const keys = statusesOf(run.inventory, framework, 'azure.keyvault.key-expiry');
    expect([...keys.keys()].filter((id) => id.startsWith(`${vaultId}/keys/`))).toHaveLength(2);
    // The vault itself is UNKNOWN on the key checks: the keys of its first page are not all it has,
    // and none of them says its vault's keys were listed.
    expect(keys.get(vaultId)).toBe('UNKNOWN');
    const cut = run.inventory.all().filter((r) => r.id.toLowerCase().startsWith(`${vaultId}/keys/`));
    expect(cut).toHaveLength(2);
    expect(cut.map((key) => 'vaultKeysListed' in key.facts)).toEqual([false, false]);
    // Every other subscription reads whole, with the offline findings.
    const affected = new Set([server, vault].map((p) => p.split('/')[2]!));
    expect(run.scopes.filter((scope) => scope.error)).toHaveLength(affected.size);
    const others = (account: string) => !affected.has(account);
    const expected = findings(small.inventory, framework, others);
    expect(findings(run.inventory, framework, others)).toEqual(expected);
  });

  it('leaves a database UNKNOWN, never PASS, when its TDE protector or server parameters fail to read', async () => {
    const { scenario } = small;
    const paths = [...scenario.armBodies.keys()];
    const offlineCmk = statusesOf(small.inventory, framework, 'common.classification.cmk-at-rest');
    const offlineTls = statusesOf(small.inventory, framework, 'azure.database.minimum-tls');
    const idOf = (armPath: string, suffix: string) => armPath.slice(0, -suffix.length);
    // A classified server and a classified managed instance with a Key Vault key: PASS offline.
    const passingProtector = (parent: string) =>
      paths.find(
        (p) =>
          p.includes(parent) &&
          p.endsWith('/encryptionprotector/current') &&
          offlineCmk.get(idOf(p, '/encryptionprotector/current')) === 'PASS',
      )!;
    const protector = passingProtector('/microsoft.sql/servers/');
    const instanceProtector = passingProtector('/microsoft.sql/managedinstances/');
    const parameterLists = paths.filter((p) => p.endsWith('/configurations'));
    const minimumOf = (p: string) =>
      (scenario.armBodies.get(p) as { name: string; properties: { value: string } }[]).find((item) =>
        ['ssl_min_protocol_version', 'tls_version'].includes(item.name),
      )!.properties.value;
    // A PostgreSQL server whose first page (two items) has a modern ssl_min_protocol_version, and
    // whose second, with require_secure_transport, fails: what was read must not pass it alone.
    const cutShort = parameterLists.find(
      (p) => p.includes('/microsoft.dbforpostgresql/') && /TLSv1\.[23]/.test(minimumOf(p)),
    )!;
    // A MySQL server whose list fails outright.
    const failing = parameterLists.find(
      (p) => p.includes('/microsoft.dbformysql/') && offlineTls.get(idOf(p, '/configurations')) === 'PASS',
    )!;
    expect([protector, instanceProtector, cutShort, failing].every(Boolean)).toBe(true);
    const azure = await fake(small, {
      armPageSize: 2,
      fault: ({ kind, path: requestPath, search = '' }) => {
        if (kind !== 'arm') return undefined;
        const lower = requestPath.toLowerCase();
        if (lower === protector || lower === instanceProtector)
          return { status: 403, code: 'AuthorizationFailed' };
        if (lower === cutShort && search.includes('skiptoken'))
          return { status: 503, code: 'ServiceUnavailable' };
        if (lower === failing) return { status: 500, code: 'InternalServerError' };
        return undefined;
      },
    });
    const save = path.join(work, 'saved-failures');
    const run = await runLive(
      azure,
      { retry: { attempts: 2, baseDelayMs: 5, maxDelayMs: 20, timeoutMs: 2_000 } },
      { saveInventoryDir: save },
    );
    const errors = run.scopes.flatMap((scope) => (scope.error ? [scope.error] : [])).join('; ');
    const serverId = idOf(protector, '/encryptionprotector/current');
    const instanceId = idOf(instanceProtector, '/encryptionprotector/current');
    const cutShortId = idOf(cutShort, '/configurations');
    const failingId = idOf(failing, '/configurations');
    expect(errors).toContain(
      `SQL TDE protector of ${serverId}/encryptionProtector/current: HTTP 403 AuthorizationFailed`,
    );
    expect(errors).toContain(
      `SQL managed instance TDE protector of ${instanceId}/encryptionProtector/current: HTTP 403 AuthorizationFailed`,
    );
    expect(errors).toContain('(the Reader role on the subscription grants this read)');
    expect(errors).toContain(
      `PostgreSQL server parameters of ${cutShortId}/configurations: incomplete, page 2 failed after 1 page(s) read: HTTP 503 ServiceUnavailable`,
    );
    expect(errors).toContain(
      `MySQL server parameters of ${failingId}/configurations: HTTP 500 InternalServerError`,
    );
    const cmk = statusesOf(run.inventory, framework, 'common.classification.cmk-at-rest');
    const tls = statusesOf(run.inventory, framework, 'azure.database.minimum-tls');
    expect(cmk.get(serverId)).toBe('UNKNOWN');
    expect(cmk.get(instanceId)).toBe('UNKNOWN');
    // The finding says which read failed, not only that the server record lacks the protector.
    for (const id of [serverId, instanceId]) {
      const resource = [...run.inventory.all()].find((r) => r.id === id)!;
      const { customerManagedKey } = resource.facts as { customerManagedKey?: { note?: { en: string } } };
      expect(customerManagedKey?.note?.en).toMatch(
        /^the live scan's GET .*\/encryptionProtector\/current failed: .*HTTP 403/,
      );
    }
    expect(tls.get(cutShortId)).toBe('UNKNOWN');
    expect(tls.get(failingId)).toBe('UNKNOWN');
    // The first page was kept: its minimum is a fact of the server, the unread parameter names the call.
    const cutShortServer = [...run.inventory.all()].find((r) => r.id === cutShortId)!;
    const facts = cutShortServer.facts as {
      minimalTlsVersion?: { source: string; value?: string };
      requireSecureTransport?: { source: string; note?: { en: string } };
    };
    expect(facts.minimalTlsVersion).toMatchObject({ source: 'explicit', value: minimumOf(cutShort) });
    expect(facts.requireSecureTransport?.source).toBe('unknown');
    expect(facts.requireSecureTransport?.note?.en).toMatch(
      /^the live scan's GET .*\/configurations failed: .*HTTP 503/,
    );
    // Saved apart from a whole listing, with the page that was read.
    const subscription = cutShortId.split('/')[2]!;
    const savedFiles = await readdir(path.join(save, 'azure'));
    expect(savedFiles).toContain(`flexible-server-parameters-incomplete-${subscription}.json`);
    // Every other subscription reads whole, with the offline findings.
    const affected = new Set([protector, instanceProtector, cutShort, failing].map((p) => p.split('/')[2]!));
    expect(run.scopes.filter((scope) => scope.error)).toHaveLength(affected.size);
    const others = (account: string) => !affected.has(account);
    expect(findings(run.inventory, framework, others)).toEqual(findings(small.inventory, framework, others));
  });

  it('paces Resource Graph under its quota instead of bouncing off it', async () => {
    const quota = { requests: 4, windowMs: 400 };
    const azure = await fake(small, { quota, latencyMs: 5 });
    const run = await runLive(azure, { graphQuota: { ...quota, marginMs: 40 }, pageSize: 25 });
    expect(azure.accounting.graph).toBeGreaterThan(20);
    expect(azure.accounting.quotaExceeded).toBe(0);
    expect(azure.accounting.maxInWindow).toBeLessThanOrEqual(quota.requests);
    expect(findings(run.inventory, framework)).toEqual(small.offline);
  });

  it('backs off when another client of the identity spends the quota', async () => {
    const quota = { requests: 6, windowMs: 300 };
    const azure = await fake(small, { quota });
    // Two scans with the same identity at once: each sees the other's queries in the headers.
    const options = { graphQuota: { ...quota, marginMs: 30 }, pageSize: 50 };
    const runs = await Promise.all([runLive(azure, options), runLive(azure, options)]);
    for (const run of runs) {
      expect(run.scopes.filter((scope) => scope.error)).toEqual([]);
      expect(findings(run.inventory, framework)).toEqual(small.offline);
    }
    // Both start with a full window's burst, so some 429s happen before the headers show the
    // other client; they are retried with Retry-After, and the rest is paced.
    expect(azure.accounting.quotaExceeded).toBeGreaterThan(0);
    expect(azure.accounting.quotaExceeded).toBeLessThan(azure.accounting.graph / 3);
  });

  it('paces ARM reads per subscription under its read bucket, learning it from the remaining-reads header', async () => {
    const armQuota = { burst: 30, perSecond: 10 };
    // Five subscriptions are enough: each has its own bucket.
    const five = large.scenario.subscriptions.slice(0, 5).map((sub) => sub.id);
    const inFive = new Set(five.map((id) => id.toLowerCase()));
    const expected = findings(large.inventory, framework, (account) => inFive.has(account));
    // The collector knows the bucket: no read bounces off it.
    const known = await fake(large, { armQuota });
    const paced = await runLive(known, { armQuota, subscriptions: five });
    expect(paced.scopes.flatMap((scope) => (scope.error ? [`${scope.scope}: ${scope.error}`] : []))).toEqual(
      [],
    );
    expect(known.accounting.armThrottled).toBe(0);
    expect(known.accounting.armLowestRemaining).toBeLessThan(armQuota.burst / 2);
    expect(findings(paced.inventory, framework, (account) => inFive.has(account))).toEqual(expected);
    // It assumes ARM's documented bucket (250, refilled at 25 a second); another client has spent
    // most of it (30 left): the headers show that, and it slows down to the refill rate.
    const unknown = await fake(large, { armQuota: { burst: 30, perSecond: 25 } });
    const learned = await runLive(unknown, { subscriptions: five }, { concurrency: 4 });
    expect(
      learned.scopes.flatMap((scope) => (scope.error ? [`${scope.scope}: ${scope.error}`] : [])),
    ).toEqual([]);
    expect(findings(learned.inventory, framework, (account) => inFive.has(account))).toEqual(expected);
    expect(unknown.accounting.armThrottled).toBeLessThan(unknown.accounting.arm / 20);
  });

  it('reads App Service site config from Resource Graph, not one ARM GET per app', async () => {
    const azure = await fake(small);
    const run = await runLive(azure);
    expect(run.scopes.filter((scope) => scope.error)).toEqual([]);
    const sites = small.scenario.tables.appserviceresources!.length;
    expect(sites).toBeGreaterThan(10);
    const tls = [...statusesOf(run.inventory, framework, 'azure.appservice.tls-only').values()];
    expect(tls).toHaveLength(sites);
    expect(tls).not.toContain('UNKNOWN');
    expect(azure.accounting.armPaths.some((p) => p.endsWith('/config/web'))).toBe(false);
  });

  it('scans the subscriptions under a management group', async () => {
    const azure = await fake(small);
    const run = await runLive(azure, { managementGroups: ['mg-osaka-kikan'] });
    const expected = small.scenario.subscriptions.filter((sub) => sub.managementGroup === 'mg-osaka-kikan');
    expect(subscriptionScopes(run.scopes).map((scope) => scope.scope.split(' ')[1])).toEqual(
      expected.map((sub) => sub.id).sort(),
    );
    expect(run.scopes.filter((scope) => scope.error)).toEqual([]);
  });
});
