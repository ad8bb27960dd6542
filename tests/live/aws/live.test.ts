import { rm } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { exportOffline, generateScenario, type Scenario } from '../../fakes/aws/scenario.ts';
import { type FakeAws, type FakeAwsFaults, startFakeAws } from '../../fakes/aws/server.ts';
import { findingLines, liveScan, offlineScan, tempDir } from './helpers.ts';

const ROLE = 'arn:aws:iam::{account}:role/KansaAudit';
const fakes: FakeAws[] = [];
const dirs: string[] = [];

afterEach(async () => {
  await Promise.all(fakes.splice(0).map((fake) => fake.close()));
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function setup(faults: FakeAwsFaults = {}, scenario?: Scenario) {
  const estate = scenario ?? generateScenario({ seed: 4, accounts: 5, resourcesPerRegion: 40 });
  const fake = await startFakeAws(estate, faults);
  fakes.push(fake);
  return { scenario: estate, fake, accounts: estate.accounts.map((a) => a.id) };
}

async function offlineFindings(scenario: Scenario, skip?: ReadonlySet<string>): Promise<string[]> {
  const dir = await tempDir('kansa-aws-offline-');
  dirs.push(dir);
  await exportOffline(scenario, dir, skip);
  return findingLines(await offlineScan(dir));
}

describe('live AWS scan against the fake AWS', () => {
  it('finds exactly what the offline scan of the same estate finds (5 accounts × 3 regions)', async () => {
    const { scenario, fake, accounts } = await setup();
    const live = await liveScan(fake, { roleArn: ROLE, accounts });
    expect(live.read.scopes.filter((s) => s.error && !/records only some/.test(s.error))).toEqual([]);
    const liveLines = await findingLines(live.read);
    expect(liveLines.length).toBeGreaterThan(500);
    expect(liveLines).toEqual(await offlineFindings(scenario));
    // 15 region scopes, each read by one query page and one batch-get (≤ 100 resources a page).
    expect(live.read.scopes.filter((s) => /\d{12} [a-z]+-[a-z]+-\d$/.test(s.scope))).toHaveLength(15);
    const resources = live.read.scopes.reduce((n, s) => n + s.resources, 0);
    expect(fake.stats.total / resources).toBeLessThan(0.2);
    expect(live.progress.at(-1)).toMatchObject({ unit: 'scopes' });
  });

  it('--save-inventory writes files the offline path reads back to the same findings', async () => {
    const { fake, accounts } = await setup();
    const dir = await tempDir('kansa-aws-saved-');
    dirs.push(dir);
    const live = await liveScan(fake, { roleArn: ROLE, accounts }, { saveInventoryDir: dir });
    const saved = await offlineScan(dir);
    expect(saved.files.every((f) => !f.error)).toBe(true);
    expect(new Set(saved.files.map((f) => f.format))).toEqual(
      new Set(['aws-config-snapshot', 'aws-iam-credential-report']),
    );
    expect(await findingLines(saved)).toEqual(await findingLines(live.read));
  });

  it('reads the whole organisation through a Config aggregator', async () => {
    const { scenario, fake, accounts } = await setup();
    const live = await liveScan(fake, { aggregator: scenario.aggregator, roleArn: ROLE, accounts });
    expect(live.read.scopes.filter((s) => s.error)).toEqual([]);
    expect(await findingLines(live.read)).toEqual(await offlineFindings(scenario));
    expect(fake.stats.byOperation.get('config:SelectResourceConfig')).toBeUndefined();
  });

  it('without --role-arn reads the default chain account in every enabled region', async () => {
    const { scenario, fake } = await setup();
    const live = await liveScan(fake, {});
    const first = scenario.accounts[0]!.id;
    expect(live.read.scopes.map((s) => s.scope)).toContain(`${first} ap-northeast-3`);
    expect(new Set([...live.read.inventory.all()].map((r) => r.account))).toEqual(new Set([first]));
    expect(fake.stats.byOperation.get('ec2:DescribeRegions')).toBe(1);
  });

  it('retries throttling bursts, 5xx, slow replies and unprocessed keys to a complete result', async () => {
    // Three throttled replies at the start of every account × region, unprocessed batch keys.
    const { scenario, fake, accounts } = await setup({
      throttleBurst: { scopes: 'all', count: 3 },
      unprocessedEvery: 7,
    });
    const first = scenario.accounts[1]!.id;
    // 5xx and a reply slower than the request timeout on one scope.
    const faulty = await setup(
      {
        serverErrors: { scopes: new Set([`${first} ap-northeast-1`]), count: 3 },
        slow: { scopes: new Set([`${first} us-east-1`]), count: 1, ms: 800 },
      },
      scenario,
    );
    const throttled = await liveScan(fake, { roleArn: ROLE, accounts });
    const faultyRun = await liveScan(faulty.fake, { roleArn: ROLE, accounts }, { requestTimeoutMs: 400 });
    const expected = await offlineFindings(scenario);
    for (const run of [throttled, faultyRun]) {
      expect(run.read.scopes.filter((s) => s.error && !/records only some/.test(s.error))).toEqual([]);
      expect(await findingLines(run.read)).toEqual(expected);
    }
    expect(fake.stats.throttled).toBeGreaterThan(0);
    expect(faulty.fake.stats.serverErrors).toBe(3);
    const scope = faultyRun.read.scopes.find((s) => s.scope === `${first} ap-northeast-1`)!;
    expect(scope.requests).toBeGreaterThan(4); // retries counted
  });

  it('lists AccessDenied, a denied role and a disabled opt-in region as coverage gaps and reads the rest', async () => {
    const base = generateScenario({ seed: 4, accounts: 5, resourcesPerRegion: 40 });
    const [a0, a1, a2] = base.accounts.map((a) => a.id);
    const { scenario, fake, accounts } = await setup(
      { deniedScopes: new Set([`${a1} ap-northeast-3`]), deniedRoles: new Set([a2!]) },
      base,
    );
    const live = await liveScan(fake, {
      roleArn: ROLE,
      accounts,
      regions: [...scenario.regions, scenario.disabledRegion],
    });
    const errors = Object.fromEntries(live.read.scopes.filter((s) => s.error).map((s) => [s.scope, s.error]));
    expect(errors[`${a1} ap-northeast-3`]).toMatch(/^access denied \(AccessDeniedException\)/);
    expect(errors[`${a2} sts:AssumeRole`]).toMatch(/^access denied \(AccessDenied\)/);
    expect(errors[`${a0} ap-east-1`]).toMatch(/opt-in region/);
    // Everything else is read: the offline export without those scopes gives the same findings.
    const skip = new Set([`${a1} ap-northeast-3`, ...scenario.regions.map((r) => `${a2} ${r}`)]);
    const withoutA2 = { ...scenario, accounts: scenario.accounts.filter((a) => a.id !== a2) };
    expect(await findingLines(live.read)).toEqual(await offlineFindings(withoutA2, skip));
  });

  it('reports a recorder that records only some types, and never logs a credential', async () => {
    const { scenario, fake, accounts } = await setup({ throttleBurst: { scopes: 'all', count: 1 } });
    const live = await liveScan(fake, { roleArn: ROLE, accounts });
    const last = scenario.accounts.at(-1)!.id;
    const partial = live.read.scopes.find((s) => s.scope === `${last} us-east-1`);
    expect(partial?.error).toMatch(/records only some resource types/);
    expect(live.logs.length).toBeGreaterThan(0);
    for (const secret of fake.secrets) expect(live.logs).not.toContain(secret);
  });

  it('completes under a Config request quota, backing off when throttled', async () => {
    // 250 resources a region: three query pages and three batch-gets in a row per account × region.
    const estate = generateScenario({ seed: 5, accounts: 5, resourcesPerRegion: 250 });
    const { scenario, fake, accounts } = await setup({ configRatePerSecond: 2 }, estate);
    const live = await liveScan(
      fake,
      { roleArn: ROLE, accounts },
      { retry: { sdkAttempts: 5, sdkDelayMs: (n) => 150 * 2 ** n, outerAttempts: 3, outerBaseDelayMs: 500 } },
    );
    expect(live.read.scopes.filter((s) => s.error && !/records only some/.test(s.error))).toEqual([]);
    expect(fake.stats.throttled).toBeGreaterThan(0);
    expect(fake.stats.maxPerSecond).toBeLessThanOrEqual(2);
    expect(await findingLines(live.read)).toEqual(await offlineFindings(scenario));
  });

  it('without a Config recorder reads security groups, volumes, KMS keys and trails directly', async () => {
    const base = generateScenario({ seed: 7, accounts: 5, resourcesPerRegion: 40 });
    const off = `${base.accounts[1]!.id} ap-northeast-1`;
    const { scenario, fake, accounts } = await setup({ recorderOff: new Set([off]) }, base);
    const dir = await tempDir('kansa-aws-direct-');
    dirs.push(dir);
    const live = await liveScan(fake, { roleArn: ROLE, accounts }, { saveInventoryDir: dir });
    const scope = live.read.scopes.find((s) => s.scope === off);
    expect(scope?.error).toMatch(/no configuration recorder .*OSK-5\.1.*not read: S3/);
    expect(fake.stats.byOperation.get('ec2:DescribeSecurityGroups')).toBe(1);
    expect(fake.stats.byOperation.get('cloudtrail:DescribeTrails')).toBe(1);
    // The same estate with only the direct-call types left in that region, exported for Config.
    const direct = new Set([
      'AWS::EC2::SecurityGroup',
      'AWS::EC2::Volume',
      'AWS::KMS::Key',
      'AWS::CloudTrail::Trail',
    ]);
    const account = scenario.accounts[1]!;
    const region = account.regions.get('ap-northeast-1')!;
    const reduced = new Map(account.regions);
    reduced.set('ap-northeast-1', {
      ...region,
      items: region.items.filter((i) => direct.has(i.resourceType)),
    });
    const expected = {
      ...scenario,
      accounts: scenario.accounts.map((a) => (a === account ? { ...a, regions: reduced } : a)),
    };
    const liveLines = await findingLines(live.read);
    expect(scope?.resources).toBeGreaterThan(5);
    expect(liveLines).toEqual(await offlineFindings(expected));
    expect(await findingLines(await offlineScan(dir))).toEqual(liveLines);
  });
});
