import { rm } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadFramework } from '../../../src/frameworks/load.ts';
import { evaluate } from '../../../src/scan/evaluate.ts';
import type { InventoryRead } from '../../../src/scan/read-inventory.ts';
import { CALLS_PER_BUCKET } from '../../../src/sources/aws/live/fallback.ts';
import { exportOffline, generateScenario, type Scenario } from '../../fakes/aws/scenario.ts';
import { type FakeAws, type FakeAwsFaults, startFakeAws } from '../../fakes/aws/server.ts';
import { findingLines, liveScan, NOW, offlineScan, tempDir } from './helpers.ts';

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
      new Set([
        'aws-config-snapshot',
        'aws-iam-credential-report',
        'aws-iam-password-policy',
        'aws-iam-password-policy-none',
      ]),
    );
    expect(await findingLines(saved)).toEqual(await findingLines(live.read));
  });

  it('reads the whole organisation through a Config aggregator', async () => {
    const { scenario, fake, accounts } = await setup();
    const live = await liveScan(fake, { aggregator: scenario.aggregator, roleArn: ROLE, accounts });
    expect(live.read.scopes.filter((s) => s.error)).toEqual([]);
    expect(await findingLines(live.read)).toEqual(await offlineFindings(scenario));
    expect(fake.stats.byOperation.get('config:SelectResourceConfig')).toBeUndefined();
    // IsLogging is read with each account's own credentials, in the trail's region.
    expect(fake.stats.byOperation.get('cloudtrail:GetTrailStatus')).toBe(accounts.length);
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
      expect(
        run.read.scopes
          .filter((s) => s.error && !/records only some/.test(s.error))
          .map((s) => `${s.scope}: ${s.error}`),
      ).toEqual([]);
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
    expect(errors[`${a1} ap-northeast-3`]).toMatch(
      /access denied to config:DescribeConfigurationRecorderStatus \(AccessDeniedException\).*SecurityAudit/,
    );
    expect(errors[`${a2} sts:AssumeRole`]).toMatch(/^access denied \(AccessDenied\)/);
    expect(errors[`${a0} ap-east-1`]).toMatch(/opt-in region/);
    // Everything else is read: the offline export without those scopes gives the same findings.
    const skip = new Set([`${a1} ap-northeast-3`, ...scenario.regions.map((r) => `${a2} ${r}`)]);
    const withoutA2 = { ...scenario, accounts: scenario.accounts.filter((a) => a.id !== a2) };
    expect(await findingLines(live.read)).toEqual(await offlineFindings(withoutA2, skip));
  });

  it('keeps the pages a SELECT read before a page that fails, and names the operation and the page', async () => {
    const estate = generateScenario({ seed: 6, accounts: 1, resourcesPerRegion: 250 });
    const { fake } = await setup({ failingSelectPage: 2 }, estate);
    const live = await liveScan(fake, {});
    const regions = live.read.scopes.filter((s) => /^\d{12} [a-z]+-[a-z]+-\d$/.test(s.scope));
    expect(regions.length).toBeGreaterThan(0);
    for (const region of regions) {
      // 100 rows a page: the first page's resources are read and kept.
      expect(region.resources).toBeGreaterThanOrEqual(100);
      expect(region.error).toMatch(
        /incomplete: config:SelectResourceConfig page 2 failed after 1 page\(s\) \(100 resource\(s\)\) read: InternalFailure/,
      );
    }
    expect(live.read.inventory.size).toBeGreaterThan(100 * regions.length);
  });

  it('saves a region whose SELECT stopped at a failed page as read in part, never as its whole inventory', async () => {
    const estate = generateScenario({ seed: 6, accounts: 1, resourcesPerRegion: 250 });
    const { fake } = await setup({ failingSelectPage: 2 }, estate);
    const dir = await tempDir('kansa-aws-saved-');
    dirs.push(dir);
    const live = await liveScan(fake, {}, { saveInventoryDir: dir });
    const items = (await offlineScan(dir)).files
      .map((f) => path.basename(f.path))
      .filter((f) => f.includes('_config-items'));
    expect(items.length).toBeGreaterThan(0);
    // The pages not read may hold the roles, users, detectors and flow logs the listing lacks.
    expect(items.filter((f) => !f.endsWith('_config-items-incomplete.json'))).toEqual([]);
    const account = [...live.read.inventory.all()].find((r) => r.kansaType === 'account');
    expect(account?.facts).not.toHaveProperty('iamRolesListed');
  });

  it('--save-inventory of a region read in part reads back to the same findings (…_config-items-incomplete.json)', async () => {
    const estate = generateScenario({ seed: 6, accounts: 1, resourcesPerRegion: 40 });
    // Buckets Config last captured before S3 encrypted every bucket by default (January 2023),
    // beside items captured now: the answer shows them as they are now, unencrypted or not.
    const captured2022 = new Set<string>();
    for (const region of estate.accounts[0]!.regions.values()) {
      region.items.forEach((item, index) => {
        if (
          item.resourceType === 'AWS::S3::Bucket' &&
          !('ServerSideEncryptionConfiguration' in item.supplementary)
        ) {
          region.items[index] = { ...item, captureTime: '2022-06-01T00:00:00.000Z' };
          captured2022.add(item.resourceId);
        }
      });
    }
    // One item of each Region stays unprocessed by BatchGetResourceConfig: the Region is read in part.
    const neverProcessed = new Set(
      [...estate.accounts[0]!.regions.values()].map((region) => region.items.at(-1)!.resourceId),
    );
    const { fake } = await setup({ neverProcessed }, estate);
    const dir = await tempDir('kansa-aws-saved-');
    dirs.push(dir);
    const live = await liveScan(fake, {}, { saveInventoryDir: dir });
    const saved = await offlineScan(dir);
    expect(
      saved.files.map((f) => f.path).filter((f) => f.endsWith('_config-items-incomplete.json')),
    ).not.toEqual([]);
    const liveLines = await findingLines(live.read);
    const read = [...live.read.inventory.all()].filter(
      (r) => r.nativeType === 'AWS::S3::Bucket' && captured2022.has(r.name),
    );
    expect(read.length).toBeGreaterThan(0);
    expect(await findingLines(saved)).toEqual(liveLines);
  });

  it('a denied DescribeConfigurationRecorders costs only what it tells, not the region inventory', async () => {
    const { scenario, fake, accounts } = await setup({
      deniedOperations: new Set(['config:DescribeConfigurationRecorders']),
    });
    const live = await liveScan(fake, { roleArn: ROLE, accounts });
    const regions = live.read.scopes.filter((s) => /\d{12} [a-z]+-[a-z]+-\d$/.test(s.scope));
    expect(regions).toHaveLength(15);
    for (const region of regions) {
      expect(region.resources).toBeGreaterThan(0);
      expect(region.error).toMatch(
        /access denied to config:DescribeConfigurationRecorders \(AccessDenied\).*SecurityAudit.*whether the recorder records every resource type is unknown/,
      );
    }
    expect(await findingLines(live.read)).toEqual(await offlineFindings(scenario));
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
    // 250 resources a region: three query pages and three batch-gets in a row per account × region,
    // whose requests the quota counts apart: two accounts are enough (and cost less than five).
    const estate = generateScenario({ seed: 5, accounts: 2, resourcesPerRegion: 250 });
    const { scenario, fake, accounts } = await setup({ configRatePerSecond: 2 }, estate);
    const live = await liveScan(
      fake,
      { roleArn: ROLE, accounts },
      { retry: { sdkAttempts: 8, sdkDelayMs: (n) => 150 * 2 ** n } },
    );
    expect(live.read.scopes.filter((s) => s.error && !/records only some/.test(s.error))).toEqual([]);
    expect(fake.stats.throttled).toBeGreaterThan(0);
    expect(fake.stats.maxPerSecond).toBeLessThanOrEqual(2);
    expect(await findingLines(live.read)).toEqual(await offlineFindings(scenario));
  });

  it('without a Config recorder reads the headline types directly, to the offline findings', async () => {
    const base = generateScenario({ seed: 7, accounts: 5, resourcesPerRegion: 40 });
    const off = `${base.accounts[1]!.id} ap-northeast-1`;
    const { scenario, fake, accounts } = await setup({ recorderOff: new Set([off]) }, base);
    const dir = await tempDir('kansa-aws-direct-');
    dirs.push(dir);
    const live = await liveScan(fake, { roleArn: ROLE, accounts }, { saveInventoryDir: dir });
    const scope = live.read.scopes.find((s) => s.scope === off);
    expect(scope?.error).toMatch(/no configuration recorder .*OSK-5\.1.*not read: EKS/);
    const ops = fake.stats.byOperation;
    expect(ops.get('ec2:DescribeSecurityGroups')).toBe(1);
    expect(ops.get('cloudtrail:DescribeTrails')).toBe(1);
    expect(ops.get('rds:DescribeDBInstances')).toBe(1);
    expect(ops.get('iam:GetAccountAuthorizationDetails')).toBe(1);
    expect(ops.get('s3-control:GetPublicAccessBlock')).toBe(1);
    // Buckets are global: listed once, located once each, then read in their own region.
    const account = scenario.accounts[1]!;
    const region = account.regions.get('ap-northeast-1')!;
    const allBuckets = [...account.regions.values()].flatMap((r) =>
      r.items.filter((i) => i.resourceType === 'AWS::S3::Bucket'),
    );
    const buckets = region.items.filter((i) => i.resourceType === 'AWS::S3::Bucket').length;
    expect(buckets).toBeGreaterThan(0);
    expect(ops.get('s3:ListBuckets')).toBe(1);
    expect(ops.get('s3:GetBucketLocation')).toBe(allBuckets.length);
    for (const op of [
      'GetBucketAcl',
      'GetBucketPolicy',
      'GetBucketEncryption',
      'GetBucketLogging',
      'GetBucketTagging',
    ])
      expect(ops.get(`s3:${op}`)).toBe(buckets);
    // The scope's request count holds the per-bucket calls (CALLS_PER_BUCKET each).
    expect(scope!.requests).toBeGreaterThanOrEqual(CALLS_PER_BUCKET * buckets + allBuckets.length);
    // The same estate with only the direct-call types left in that region, exported for Config.
    const direct = new Set([
      'AWS::EC2::SecurityGroup',
      'AWS::EC2::Volume',
      'AWS::KMS::Key',
      'AWS::CloudTrail::Trail',
      'AWS::S3::Bucket',
      'AWS::S3::AccountPublicAccessBlock',
      'AWS::RDS::DBInstance',
      'AWS::IAM::User',
      'AWS::IAM::Group',
      'AWS::IAM::Role',
    ]);
    expect(region.items.filter((i) => !direct.has(i.resourceType)).length).toBeGreaterThan(0);
    for (const type of direct)
      expect(
        region.items.some((i) => i.resourceType === type),
        type,
      ).toBe(true);
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
    // Fact by fact, the directly read resources equal their Config items (values and provenance).
    const offline = await offlineExport(expected);
    const factsOf = (read: InventoryRead) =>
      [...read.inventory.all()]
        .filter((r) => r.account === account.id && direct.has(r.nativeType))
        .map((r) => ({
          id: r.id,
          region: r.region,
          tags: r.tags,
          facts: Object.fromEntries(
            Object.entries(r.facts as Record<string, { source: string; value?: unknown }>)
              // Only a live scan reads whether a trail is logging.
              .filter(([k]) => k !== 'isLogging')
              .map(([k, f]) => [k, `${f.source} ${JSON.stringify(f.value)}`]),
          ),
        }))
        .sort((a, b) => a.id.localeCompare(b.id));
    const liveFacts = factsOf(live.read);
    expect(
      liveFacts.filter((r) => r.facts['publicAclGrants']?.includes('AllUsers:Read')).length,
    ).toBeGreaterThan(0);
    expect(liveFacts).toEqual(factsOf(offline));
    expect(await findingLines(await offlineScan(dir))).toEqual(liveLines);
  });

  it('without a Config recorder, a denied service costs only its own types', async () => {
    const base = generateScenario({ seed: 7, accounts: 5, resourcesPerRegion: 40 });
    const account = base.accounts[1]!;
    const off = `${account.id} ap-northeast-1`;
    const { fake, accounts } = await setup(
      { recorderOff: new Set([off]), deniedOperations: new Set(['s3:ListBuckets']) },
      base,
    );
    const live = await liveScan(fake, { roleArn: ROLE, accounts });
    const scope = live.read.scopes.find((s) => s.scope === off);
    expect(scope?.error).toMatch(/not read directly: S3 buckets: access denied \(AccessDenied\)/);
    const direct = new Set([
      'AWS::EC2::SecurityGroup',
      'AWS::EC2::Volume',
      'AWS::KMS::Key',
      'AWS::CloudTrail::Trail',
      'AWS::S3::AccountPublicAccessBlock',
      'AWS::RDS::DBInstance',
      'AWS::IAM::User',
      'AWS::IAM::Group',
      'AWS::IAM::Role',
    ]);
    const region = account.regions.get('ap-northeast-1')!;
    const reduced = new Map(account.regions);
    reduced.set('ap-northeast-1', {
      ...region,
      items: region.items.filter((i) => direct.has(i.resourceType)),
    });
    const expected = {
      ...base,
      accounts: base.accounts.map((a) => (a === account ? { ...a, regions: reduced } : a)),
    };
    expect(await findingLines(live.read)).toEqual(await offlineFindings(expected));
  });

  it('reads whether each trail is logging: a stopped multi-Region trail does not count', async () => {
    const base = generateScenario({ seed: 4, accounts: 5, resourcesPerRegion: 10 });
    const trails = base.accounts.flatMap((a) =>
      [...a.regions.values()].flatMap((r) =>
        r.items.filter((i) => i.resourceType === 'AWS::CloudTrail::Trail'),
      ),
    );
    const stopped = trails.find((t) => t.configuration['isMultiRegionTrail'] === true)!;
    const { fake, accounts } = await setup({ stoppedTrails: new Set([stopped.resourceName]) }, base);
    const live = await liveScan(fake, { roleArn: ROLE, accounts });
    expect(fake.stats.byOperation.get('cloudtrail:GetTrailStatus')).toBe(accounts.length);
    const results = await trailFindings(live.read);
    expect(results.get(stopped.accountId)).toMatchObject({
      status: 'FAIL',
      message: { en: `Multi-Region trails ${stopped.resourceName} exist but are not logging (stopped)` },
    });
    for (const trail of trails.filter(
      (t) => t !== stopped && t.configuration['isMultiRegionTrail'] === true,
    )) {
      expect(results.get(trail.accountId)).toMatchObject({
        status: 'PASS',
        message: { en: `Multi-Region trail ${trail.resourceName} exists and is logging` },
      });
    }
    // Offline, IsLogging is not in the export: PASS with the note, as before.
    const offline = await trailFindings(await offlineExport(base));
    expect(offline.get(stopped.accountId)).toMatchObject({ status: 'PASS' });
    expect(
      offline.get(stopped.accountId)?.evidence.some((e) => e.source === 'unknown' && e.path === 'IsLogging'),
    ).toBe(true);
  });

  it('without the credential report, takes root MFA and root keys from the account summary', async () => {
    const base = generateScenario({ seed: 4, accounts: 5, resourcesPerRegion: 10 });
    const denied = base.accounts[2]!;
    const { fake, accounts } = await setup({ credentialReportDenied: new Set([denied.id]) }, base);
    const live = await liveScan(fake, { roleArn: ROLE, accounts });
    const scope = live.read.scopes.find((s) => s.scope === `${denied.id} iam credential report`);
    expect(scope?.error).toMatch(/credential report not read \(access denied.*iam:GetAccountSummary/);
    expect(fake.stats.byOperation.get('iam:GetAccountSummary')).toBe(1);
    // Offline, the same account with only the report's root row: the same findings.
    const rootOnly = denied.credentialReport
      .split('\n')
      .filter((line, i) => i === 0 || line.startsWith('<root_account>'))
      .join('\n');
    const expected = {
      ...base,
      accounts: base.accounts.map((a) => (a === denied ? { ...a, credentialReport: `${rootOnly}\n` } : a)),
    };
    expect(await findingLines(live.read)).toEqual(await offlineFindings(expected));
    const lines = await findingLines(live.read);
    expect(lines.length).toBeGreaterThan(0);
  });
});

async function offlineExport(scenario: Scenario): Promise<InventoryRead> {
  const dir = await tempDir('kansa-aws-offline-');
  dirs.push(dir);
  await exportOffline(scenario, dir);
  return offlineScan(dir);
}

/** The multi-Region trail finding of each account. */
async function trailFindings(read: InventoryRead) {
  const framework = await loadFramework('osaka');
  return new Map(
    [...evaluate(read.inventory, framework, NOW)]
      .filter((f) => f.checkId === 'aws.cloudtrail.multi-region-trail')
      .map((f) => [f.resource.account, f]),
  );
}
