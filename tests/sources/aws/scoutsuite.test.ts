import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { Fact } from '../../../src/model/fact.ts';
import type { Resource } from '../../../src/model/resource.ts';
import { walkInputs } from '../../../src/sources/walk-inputs.ts';
import { tempInputs } from '../../helpers/temp-inputs.ts';
import { zipArchive } from '../../helpers/zip.ts';

// ScoutSuite's results as ScoutSuite/output/result_encoder.py writes them: `scoutsuite_results =`
// on the first line, then the provider object as JSON (sort_keys), its `services` reshaped by
// ScoutSuite/providers/aws/resources/… (tests/corpus/SOURCES.md names the files modelled).
const ACCOUNT = '246813579135';
const REGION = 'ap-northeast-1';

const results = (services: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  account_id: ACCOUNT,
  last_run: { time: '2026-12-01 10:22:31+0900', version: '5.14.0', summary: {} },
  metadata: {},
  partition: 'aws',
  provider_code: 'aws',
  provider_name: 'Amazon Web Services',
  services,
  ...extra,
});
const script = (document: unknown) => `scoutsuite_results =\n${JSON.stringify(document)}\n`;

const inputs = tempInputs('kansa-scoutsuite-');
const read = inputs.read;

const byId = (resources: readonly Resource[], id: string) => {
  const found = resources.find((resource) => resource.id === id);
  if (!found) throw new Error(`${id} not read`);
  return found as Resource<Record<string, Fact<unknown> | undefined>>;
};

const bucket = (name: string, members: Record<string, unknown>) => ({
  [`scoutid-${name}`]: { name, region: REGION, arn: `arn:aws:s3:::${name}`, ...members },
});
const OWNER_GRANT = {
  '7f3c2e1d': {
    DisplayName: 'owner',
    permissions: { read: true, write: true, read_acp: true, write_acp: true },
  },
};

describe('ScoutSuite results', () => {
  it('reads the .js file as ScoutSuite writes it, the JSON without its first line, gzipped, and inside a ZIP', async () => {
    const document = results({ s3: { buckets: bucket('b-one', { grantees: OWNER_GRANT }) } });
    const wrapped = await read('scoutsuite_results_aws-audit.js', script(document));
    const plain = await read('results.json', JSON.stringify(document, null, 4));
    const gzipped = await read('scoutsuite_results_aws-audit.js.gz', gzipSync(script(document)));
    const zipped = await read(
      'handover.zip',
      zipArchive([
        {
          name: 'scoutsuite-report/scoutsuite-results/scoutsuite_results_aws-audit.js',
          data: Buffer.from(script(document)),
        },
      ]),
    );
    for (const { files, resources } of [wrapped, plain, gzipped, zipped]) {
      expect(files.map((f) => [f.format, f.error])).toEqual([['scoutsuite', undefined]]);
      expect(resources.map((r) => [r.id, r.account, r.region, r.nativeType])).toEqual([
        ['arn:aws:s3:::b-one', ACCOUNT, REGION, 'AWS::S3::Bucket'],
      ]);
      // last_run.time, "%Y-%m-%d %H:%M:%S%z": a later run's records supersede these.
      expect(resources[0]?.observedAt).toBe(Date.parse('2026-12-01T10:22:31+09:00'));
    }
  });

  it('also reads the wrapper with the JSON on its own line and a closing semicolon, telling a JSON error at the file’s line', async () => {
    const { resources } = await read(
      'one-line.js',
      `scoutsuite_results = ${JSON.stringify(results({ s3: { buckets: bucket('b-two', {}) } }))};\n`,
    );
    expect(resources.map((r) => r.id)).toEqual(['arn:aws:s3:::b-two']);
    const broken = await read(
      'broken.js',
      'scoutsuite_results =\n{"provider_code": "aws",\n  "services": }\n',
    );
    expect(broken.files[0]?.error).toMatch(/broken\.js:3:/);
  });

  it('takes the account from the IAM ARNs where STS gave ScoutSuite none, and reads CRLF lines', async () => {
    const document = results(
      { iam: { users: { AIDA1: { id: 'AIDA1', name: 'u', arn: `arn:aws:iam::${ACCOUNT}:user/u` } } } },
      { account_id: null },
    );
    const { files, resources } = await read('no-account.js', script(document).replaceAll('\n', '\r\n'));
    expect(files[0]?.error).toBeUndefined();
    // ScoutSuite's map of users lists the account's (here one).
    expect(resources.map((r) => [r.id, r.account])).toEqual([
      [`arn:aws:iam::${ACCOUNT}:user/u`, ACCOUNT],
      [`arn:aws:iam::${ACCOUNT}:root`, ACCOUNT],
    ]);
    expect(resources[1]?.facts).toEqual({
      iamUsersListed: { value: true, source: 'explicit', path: 'services.iam.users' },
    });
    const unplaced = await read(
      'unplaced.js',
      script(results({ s3: { buckets: {} } }, { account_id: null })),
    );
    expect(unplaced.files[0]?.error).toMatch(/without the AWS account id/);
  });

  it('takes no file for ScoutSuite results without the wrapper or the shape, nor another provider’s results', async () => {
    const other = await read('other.js', script({ services: {}, account: ACCOUNT }));
    expect(other.files[0]?.error).toMatch(/not ScoutSuite's results/);
    const shapeless = await read('services.json', JSON.stringify({ provider_code: 'aws', services: {} }));
    expect(shapeless.files[0]?.format).toBeUndefined();
    expect(shapeless.files[0]?.error).toMatch(/no known format/);
    const aliyun = await read(
      'scoutsuite_results_aliyun-account.js',
      script({ ...results({}), provider_code: 'aliyun', account_id: undefined }),
    );
    expect(aliyun.files[0]?.error).toMatch(/provider "aliyun".*AWS, Azure and Google Cloud results .*only/);
    expect(aliyun.resources).toEqual([]);
  });

  it('passes over its exceptions and errors files, saying what they are', async () => {
    const exceptions = await read('scoutsuite_exceptions_aws-audit.js', 'exceptions =\n{}\n');
    expect(exceptions.files[0]).toMatchObject({ format: 'scoutsuite-exceptions', resources: 0 });
    expect(exceptions.files[0]?.ignored).toMatch(/exceptions file/);
    const errors = await read(
      'scoutsuite_errors_aws-audit.json',
      JSON.stringify([
        {
          file: 's3.py',
          line: 211,
          exception: 'Failed to get bucket policy for b: AccessDenied',
          traceback: 'None',
          additional_details: null,
        },
      ]),
    );
    expect(errors.files[0]?.ignored).toMatch(/errors list/);
  });

  it('passes over the HTML report beside scoutsuite-results inside a ZIP too, whose folders are no entries', async () => {
    const { files } = await read(
      'report.zip',
      zipArchive([
        { name: 'scoutsuite-report/aws-audit.html', data: '<html></html>' },
        { name: 'scoutsuite-report/inc-scoutsuite/scoutsuite.js', data: 'var x;' },
        {
          name: 'scoutsuite-report/scoutsuite-results/scoutsuite_results_aws-audit.js',
          data: script(results({})),
        },
      ]),
    );
    expect(
      files.map((f) => [f.path.replace(/^.*!\//, ''), f.format ?? f.ignored?.slice(0, 29), f.error]),
    ).toEqual([
      ['scoutsuite-report/aws-audit.html', "ScoutSuite's HTML report (its", undefined],
      ['scoutsuite-report/inc-scoutsuite', "ScoutSuite's HTML report (its", undefined],
      ['scoutsuite-report/scoutsuite-results/scoutsuite_results_aws-audit.js', 'scoutsuite', undefined],
    ]);
  });

  it('passes over the HTML report and its script folders beside scoutsuite-results', async () => {
    const report = inputs.pathOf('scoutsuite-report');
    await mkdir(path.join(report, 'scoutsuite-results'), { recursive: true });
    await mkdir(path.join(report, 'inc-scoutsuite'), { recursive: true });
    await writeFile(path.join(report, 'inc-scoutsuite', 'scoutsuite.js'), 'var x;');
    await writeFile(path.join(report, 'aws-audit.html'), '<html></html>');
    await writeFile(
      path.join(report, 'scoutsuite-results', 'scoutsuite_results_aws-audit.js'),
      script(results({})),
    );
    const walk = await walkInputs([report]);
    expect(walk.files.map((file) => path.relative(report, file))).toEqual([
      path.join('scoutsuite-results', 'scoutsuite_results_aws-audit.js'),
    ]);
    expect(walk.passedOver.map((file) => [path.relative(report, file.path), file.ignored])).toEqual([
      ['aws-audit.html', expect.stringMatching(/ScoutSuite's HTML report/)],
      ['inc-scoutsuite', expect.stringMatching(/ScoutSuite's HTML report/)],
    ]);
  });
});

describe('ScoutSuite S3', () => {
  it('reads each answer ScoutSuite keeps as Config’s supplementary configuration, and what it drops as unknown', async () => {
    const { resources } = await read(
      's3.js',
      script(
        results({
          s3: {
            public_access_block_configuration: {
              BlockPublicAcls: false,
              BlockPublicPolicy: false,
              IgnorePublicAcls: false,
              RestrictPublicBuckets: false,
            },
            buckets: {
              ...bucket('site', {
                public_access_block_configuration: {
                  BlockPublicAcls: false,
                  BlockPublicPolicy: false,
                  IgnorePublicAcls: true,
                  RestrictPublicBuckets: false,
                },
                policy: {
                  Statement: [
                    {
                      Effect: 'Allow',
                      Principal: '*',
                      Action: 's3:GetObject',
                      Resource: 'arn:aws:s3:::site/*',
                    },
                  ],
                },
                logging: 'access-logs/site/',
                grantees: {
                  ...OWNER_GRANT,
                  AllUsers: {
                    DisplayName: 'Everyone',
                    URI: 'http://acs.amazonaws.com/groups/global/AllUsers',
                    permissions: { read: true, write: false, read_acp: false, write_acp: false },
                  },
                },
                default_encryption_enabled: true,
                default_encryption_algorithm: 'aws:kms',
                default_encryption_key: 'alias/site',
                tags: { owner: 'web' },
              }),
              // No policy (none, or GetBucketPolicy failed), ACL and logging calls failed,
              // ServerSideEncryptionConfigurationNotFoundError.
              ...bucket('quiet', {
                grantees: {},
                logging: 'Unknown',
                default_encryption_enabled: false,
                default_encryption_algorithm: null,
              }),
              ...bucket('unread', { logging: 'Disabled', default_encryption_enabled: null }),
              ...bucket('lost', { region: null }),
            },
          },
        }),
      ),
    );
    const site = byId(resources, 'arn:aws:s3:::site');
    expect(site.tags).toEqual({ owner: 'web' });
    expect(site.facts.ignorePublicAcls).toMatchObject({ source: 'explicit', value: true });
    expect(site.facts.restrictPublicBuckets).toMatchObject({ source: 'explicit', value: false });
    expect(site.facts.publicPolicyStatements?.value).toHaveLength(1);
    expect(site.facts.publicAclGrants).toMatchObject({ source: 'explicit', value: ['AllUsers:READ'] });
    expect(site.facts.accessLogTargetBucket).toMatchObject({ source: 'explicit', value: 'access-logs' });
    expect(site.facts.sseAlgorithm).toMatchObject({ source: 'explicit', value: 'aws:kms' });
    expect(site.facts.customerManagedKey).toMatchObject({ source: 'explicit', value: true });

    const quiet = byId(resources, 'arn:aws:s3:::quiet');
    for (const fact of [
      'publicPolicyStatements',
      'secureTransportDenyStatements',
      'publicAclGrants',
      'accessLogTargetBucket',
    ])
      expect(quiet.facts[fact]?.source, fact).toBe('unknown');
    // No default encryption configuration: since 2023 S3 encrypts with SSE-S3 (the run is 2026).
    expect(quiet.facts.sseAlgorithm).toMatchObject({ source: 'default', value: 'AES256' });

    const unread = byId(resources, 'arn:aws:s3:::unread');
    expect(unread.facts.accessLogTargetBucket).toMatchObject({ source: 'explicit', value: null });
    expect(unread.facts.sseAlgorithm?.source).toBe('unknown');
    expect(unread.facts.blockPublicAcls?.source).toBe('unknown');

    expect(resources.some((r) => r.id === 'arn:aws:s3:::lost')).toBe(false);
    expect(
      byId(resources, `arn:aws:s3::${ACCOUNT}:account-public-access-block`).facts.blockPublicPolicy,
    ).toMatchObject({ source: 'explicit', value: false });
  });
});

const group = (id: string, protocols: Record<string, unknown>) => ({
  [id]: {
    id,
    name: id,
    owner_id: ACCOUNT,
    rules: { ingress: { protocols, count: 1 }, egress: { protocols: {}, count: 0 } },
  },
});

describe('ScoutSuite EC2 and VPC', () => {
  it("reads back a security group's regrouped rules as Config's ipPermissions", async () => {
    const { resources } = await read(
      'ec2.js',
      script(
        results({
          ec2: {
            regions: {
              [REGION]: {
                vpcs: {
                  'vpc-01': {
                    id: 'vpc-01',
                    name: 'main',
                    security_groups: {
                      ...group('sg-open', {
                        TCP: {
                          ports: {
                            '22': { cidrs: [{ CIDR: '0.0.0.0/0', CIDRName: 'All' }] },
                            '8000-8080': { cidrs: ['::/0'] },
                          },
                        },
                        ALL: {
                          ports: {
                            '1-65535': { security_groups: [{ GroupId: 'sg-open', UserId: ACCOUNT }] },
                          },
                        },
                        ICMP: { ports: { 'Echo Request': { cidrs: [{ CIDR: '0.0.0.0/0' }] } } },
                      }),
                      ...group('sg-list', { TCP: { ports: { '3389': {} } } }),
                      ...group('sg-odd', { TCP: { ports: { 'N/A': { cidrs: [{ CIDR: '0.0.0.0/0' }] } } } }),
                      // Older versions key all traffic's port `N/A` (ScoutSuite's tests/data/rule-configs/ec2.json).
                      ...group('sg-old', { ALL: { ports: { 'N/A': { cidrs: [{ CIDR: '0.0.0.0/0' }] } } } }),
                    },
                  },
                },
              },
            },
          },
        }),
      ),
    );
    const arn = (id: string) => `arn:aws:ec2:${REGION}:${ACCOUNT}:security-group/${id}`;
    expect(byId(resources, arn('sg-open')).facts.ipIngress?.value).toEqual([
      { protocol: 'tcp', fromPort: 22, toPort: 22, source: '0.0.0.0/0' },
      { protocol: 'tcp', fromPort: 8000, toPort: 8080, source: '::/0' },
      { protocol: 'icmp', fromPort: null, toPort: null, source: '0.0.0.0/0' },
    ]);
    expect(byId(resources, arn('sg-open')).facts.prefixListIngress?.value).toEqual([]);
    // A port ScoutSuite lists with no source: the rule's sources are a prefix list it drops.
    expect(byId(resources, arn('sg-list')).facts.prefixListIngress?.value).toEqual([
      {
        protocol: 'tcp',
        fromPort: 3389,
        toPort: 3389,
        prefixListId: 'a prefix list (ScoutSuite keeps no id)',
      },
    ]);
    expect(byId(resources, arn('sg-odd')).facts.ipIngress?.source).toBe('unknown');
    expect(byId(resources, arn('sg-old')).facts.ipIngress?.value).toEqual([
      { protocol: '-1', fromPort: null, toPort: null, source: '0.0.0.0/0' },
    ]);
    expect(byId(resources, `arn:aws:ec2:${REGION}:${ACCOUNT}:vpc/vpc-01`).facts.vpcId?.value).toBe('vpc-01');
  });

  it('reads each VPC once from the vpc and ec2 services, its flow logs, volumes and snapshots', async () => {
    const vpc = {
      'vpc-02': { id: 'vpc-02', name: 'app', cidr_block: '10.0.0.0/16', default: false, state: 'available' },
    };
    const { resources } = await read(
      'vpc.js',
      script(
        results({
          vpc: {
            regions: {
              [REGION]: {
                vpcs: vpc,
                flow_logs: {
                  'fl-01': { id: 'fl-01', resource_id: 'vpc-02', flow_log_status: 'ACTIVE', tags: [] },
                },
              },
            },
          },
          ec2: {
            regions: {
              [REGION]: {
                vpcs: vpc,
                volumes: {
                  'vol-01': {
                    id: 'vol-01',
                    name: 'data',
                    Encrypted: true,
                    KmsKeyId: 'alias/data',
                    Tags: [{ Key: 'Name', Value: 'data' }],
                  },
                },
                snapshots: { 'snap-01': { id: 'snap-01', encrypted: false, kms_key_id: null, public: true } },
              },
            },
          },
        }),
      ),
    );
    expect(resources.filter((r) => r.nativeType === 'AWS::EC2::VPC')).toHaveLength(1);
    const flowLog = byId(resources, `arn:aws:ec2:${REGION}:${ACCOUNT}:vpc-flow-log/fl-01`);
    expect([flowLog.facts.resourceId?.value, flowLog.facts.flowLogStatus?.value]).toEqual([
      'vpc-02',
      'ACTIVE',
    ]);
    const volume = byId(resources, `arn:aws:ec2:${REGION}:${ACCOUNT}:volume/vol-01`);
    expect([volume.facts.encrypted?.value, volume.facts.customerManagedKey?.value, volume.tags]).toEqual([
      true,
      true,
      { Name: 'data' },
    ]);
    expect(byId(resources, `arn:aws:ec2:${REGION}:${ACCOUNT}:snapshot/snap-01`).facts.encrypted?.value).toBe(
      false,
    );
  });
});

describe('ScoutSuite RDS, KMS and CloudTrail', () => {
  it('reads the fields ScoutSuite keeps, and the key and log exports it drops as unknown', async () => {
    const { resources } = await read(
      'data.js',
      script(
        results({
          rds: {
            regions: {
              [REGION]: {
                vpcs: {
                  'vpc-01': {
                    instances: {
                      'scoutid-db': {
                        name: 'db',
                        arn: `arn:aws:rds:${REGION}:${ACCOUNT}:db:db`,
                        PubliclyAccessible: true,
                        StorageEncrypted: true,
                        BackupRetentionPeriod: 0,
                        Engine: 'postgres',
                        EnhancedMonitoringResourceArn: null,
                        Tags: { env: 'prod' },
                      },
                    },
                    // rds/snapshots.py writes `id` and `name` as one-element lists (a trailing comma).
                    snapshots: {
                      'db-final': {
                        arn: `arn:aws:rds:${REGION}:${ACCOUNT}:snapshot:db-final`,
                        id: ['db-final'],
                        name: ['db-final'],
                        is_cluster: false,
                        Encrypted: false,
                        DBInstanceIdentifier: 'db',
                      },
                    },
                  },
                },
              },
            },
          },
          kms: {
            regions: {
              [REGION]: {
                keys: {
                  k1: {
                    id: 'k1',
                    arn: `arn:aws:kms:${REGION}:${ACCOUNT}:key/k1`,
                    key_manager: 'CUSTOMER',
                    origin: 'AWS_KMS',
                    key_enabled: true,
                    rotation_enabled: false,
                  },
                  k2: {
                    id: 'k2',
                    key_manager: 'CUSTOMER',
                    origin: 'EXTERNAL',
                    key_enabled: true,
                    rotation_enabled: true,
                  },
                  k3: {
                    id: 'k3',
                    key_manager: 'CUSTOMER',
                    origin: 'AWS_KMS',
                    key_enabled: false,
                    rotation_enabled: false,
                  },
                },
              },
            },
          },
          cloudtrail: {
            regions: {
              [REGION]: {
                trails: {
                  'scoutid-t': {
                    name: 'audit',
                    TrailARN: `arn:aws:cloudtrail:${REGION}:${ACCOUNT}:trail/audit`,
                    IsMultiRegionTrail: true,
                    LogFileValidationEnabled: false,
                    HomeRegion: REGION,
                    IsLogging: false,
                  },
                },
              },
              'us-east-1': {
                trails: {
                  'scoutid-t': {
                    name: 'audit',
                    HomeRegion: REGION,
                    scout_link: `services.cloudtrail.regions.${REGION}.trails.scoutid-t`,
                  },
                },
              },
            },
          },
        }),
      ),
    );
    const db = byId(resources, `arn:aws:rds:${REGION}:${ACCOUNT}:db:db`);
    expect([
      db.facts.publiclyAccessible?.value,
      db.facts.encrypted?.value,
      db.facts.backupRetentionPeriod?.value,
    ]).toEqual([true, true, 0]);
    expect([db.facts.kmsKeyId?.source, db.facts.enabledLogExports?.source]).toEqual(['unknown', 'unknown']);
    expect(db.tags).toEqual({ env: 'prod' });
    const snapshot = byId(resources, `arn:aws:rds:${REGION}:${ACCOUNT}:snapshot:db-final`);
    expect([snapshot.name, snapshot.facts.encrypted?.value, snapshot.facts.replicaOf?.value]).toEqual([
      'db-final',
      false,
      `arn:aws:rds:${REGION}:${ACCOUNT}:db:db`,
    ]);

    const key = (id: string) => byId(resources, `arn:aws:kms:${REGION}:${ACCOUNT}:key/${id}`);
    expect(key('k1').facts.rotationEnabled).toMatchObject({ source: 'explicit', value: false });
    expect(key('k1').facts.keyState).toMatchObject({
      value: 'Enabled',
      field: { path: 'configuration.key_enabled', value: true },
    });
    // ScoutSuite writes rotation true for keys it does not ask about, and key_enabled false for
    // Disabled and PendingDeletion alike.
    expect(key('k2').facts.rotationEnabled?.source).toBe('unknown');
    expect([key('k3').facts.rotationEnabled?.source, key('k3').facts.keyState?.source]).toEqual([
      'unknown',
      'unknown',
    ]);
    expect(key('k1').facts.keySpec?.source).toBe('unknown');

    const trails = resources.filter((r) => r.nativeType === 'AWS::CloudTrail::Trail');
    expect(trails).toHaveLength(1);
    expect(trails[0]).toMatchObject({
      region: REGION,
      id: `arn:aws:cloudtrail:${REGION}:${ACCOUNT}:trail/audit`,
    });
    expect([
      trails[0]?.facts.isMultiRegionTrail?.value,
      trails[0]?.facts.logFileValidationEnabled?.value,
      trails[0]?.facts.isLogging?.value,
    ]).toEqual([true, false, false]);
  });

  it("reads the scanned member's listing of its organization's trail: the trail in the account its ARN names, the member's account listing it", async () => {
    const management = '135791357913';
    const arn = `arn:aws:cloudtrail:${REGION}:${management}:trail/org-audit`;
    const { resources } = await read(
      'scoutsuite_results_aws-member.js',
      script(
        results({
          cloudtrail: {
            regions: {
              [REGION]: {
                trails: {
                  'scoutid-org': {
                    name: 'org-audit',
                    TrailARN: arn,
                    IsMultiRegionTrail: true,
                    IsOrganizationTrail: true,
                    LogFileValidationEnabled: true,
                    HomeRegion: REGION,
                    IsLogging: null,
                  },
                },
              },
            },
          },
        }),
      ),
    );
    expect(byId(resources, arn).account).toBe(management);
    expect(byId(resources, `arn:aws:iam::${ACCOUNT}:root`).facts.organizationTrails).toMatchObject({
      value: [arn],
    });
  });
});

describe('ScoutSuite IAM', () => {
  const iam = (members: Record<string, unknown>) => script(results({ iam: members }));
  const admin = {
    ANPA1: {
      id: 'ANPA1',
      name: 'AdministratorAccess',
      arn: 'arn:aws:iam::aws:policy/AdministratorAccess',
      PolicyDocument: {
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Action: ['*'], Resource: ['*'] }],
      },
      attached_to: { groups: [{ id: 'AGPA1', name: 'admins' }], roles: [{ id: 'AROA1', name: 'ops' }] },
    },
  };

  it("reads users, groups and roles with their inline policies, and the managed policies from the policies' attachments", async () => {
    const { resources } = await read(
      'iam.js',
      iam({
        policies: admin,
        users: {
          AIDA1: {
            id: 'AIDA1',
            name: 'alice',
            arn: `arn:aws:iam::${ACCOUNT}:user/alice`,
            groups: ['admins'],
            inline_policies: {},
            inline_policies_count: 0,
            Tags: [{ Key: 'team', Value: 'infra' }],
          },
          // ListUserPolicies failed: no count, and `inline_policies` left empty.
          AIDA2: {
            id: 'AIDA2',
            name: 'bob',
            arn: `arn:aws:iam::${ACCOUNT}:user/bob`,
            groups: [],
            inline_policies: {},
          },
        },
        groups: {
          AGPA1: {
            id: 'AGPA1',
            name: 'admins',
            arn: `arn:aws:iam::${ACCOUNT}:group/admins`,
            inline_policies: {},
            inline_policies_count: 0,
          },
        },
        roles: {
          AROA1: {
            id: 'AROA1',
            name: 'ops',
            arn: `arn:aws:iam::${ACCOUNT}:role/ops`,
            assume_role_policy: {
              PolicyDocument: {
                Statement: [
                  {
                    Effect: 'Allow',
                    Principal: { AWS: 'arn:aws:iam::999988887777:root' },
                    Action: 'sts:AssumeRole',
                  },
                ],
              },
            },
            inline_policies: {
              'scoutid-x': {
                name: 'everything',
                PolicyDocument: { Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] },
              },
            },
            inline_policies_count: 1,
          },
        },
      }),
    );
    const alice = byId(resources, `arn:aws:iam::${ACCOUNT}:user/alice`);
    expect([
      alice.facts.groups?.value,
      alice.facts.attachedPolicyArns?.value,
      alice.facts.fullAdminInlinePolicies?.value,
    ]).toEqual([['admins'], [], []]);
    expect(alice.tags).toEqual({ team: 'infra' });
    expect(byId(resources, `arn:aws:iam::${ACCOUNT}:user/bob`).facts.fullAdminInlinePolicies?.source).toBe(
      'unknown',
    );
    expect(byId(resources, `arn:aws:iam::${ACCOUNT}:group/admins`).facts.attachedPolicyArns?.value).toEqual([
      'arn:aws:iam::aws:policy/AdministratorAccess',
    ]);
    const ops = byId(resources, `arn:aws:iam::${ACCOUNT}:role/ops`);
    expect([ops.facts.trustedAccounts?.value, ops.facts.fullAdminInlinePolicies?.value]).toEqual([
      ['999988887777'],
      ['everything'],
    ]);
    expect(
      byId(resources, 'arn:aws:iam::aws:policy/AdministratorAccess').facts.fullAdminStatements?.value,
    ).toHaveLength(1);
  });

  it('leaves what is attached unknown when ScoutSuite holds no list of policies, or an empty one (a failed listing)', async () => {
    const user = { AIDA1: { id: 'AIDA1', name: 'carol', arn: `arn:aws:iam::${ACCOUNT}:user/carol` } };
    for (const members of [{ users: user }, { users: user, policies: {}, policies_count: 0 }]) {
      const { resources } = await read('iam-no-policies.js', iam(members));
      const carol = byId(resources, `arn:aws:iam::${ACCOUNT}:user/carol`);
      expect([carol.facts.attachedPolicyArns?.source, carol.facts.groups?.source]).toEqual([
        'unknown',
        'unknown',
      ]);
    }
  });

  it("reads the credential report's rows (their nulled times as N/A), and a user's own credentials where no row tells (ListUsers' times in ISO 8601)", async () => {
    const { resources } = await read(
      'report.js',
      iam({
        credential_reports: {
          'scoutid-root': {
            user: '<root_account>',
            arn: `arn:aws:iam::${ACCOUNT}:root`,
            user_creation_time: '2019-05-01T00:00:00+00:00',
            password_enabled: 'not_supported',
            mfa_active: 'true',
            access_key_1_active: 'false',
            access_key_1_last_rotated: null,
            access_key_2_active: 'false',
            mfa_active_hardware: true,
          },
          'scoutid-dave': {
            user: 'dave',
            arn: `arn:aws:iam::${ACCOUNT}:user/dave`,
            user_creation_time: '2021-01-01T00:00:00+00:00',
            password_enabled: 'true',
            password_last_used: null,
            mfa_active: 'false',
            access_key_1_active: 'false',
            access_key_2_active: 'false',
          },
        },
        users: {
          AIDA3: {
            id: 'AIDA3',
            name: 'erin',
            arn: `arn:aws:iam::${ACCOUNT}:user/erin`,
            CreateDate: '2020-07-01 00:00:00+00:00',
            PasswordLastUsed: '2026-11-29 10:00:00+00:00',
            LoginProfile: { UserName: 'erin', CreateDate: '2024-01-15 00:10:00+00:00' },
            MFADevices: [],
            AccessKeys: [
              { AccessKeyId: 'AKIA1', Status: 'Active', CreateDate: '2020-07-07 00:05:00+00:00' },
              { AccessKeyId: 'AKIA2', Status: 'Inactive', CreateDate: '2021-07-07 00:05:00+00:00' },
            ],
          },
          // A console password never used: ListUsers leaves PasswordLastUsed out.
          AIDA5: {
            id: 'AIDA5',
            name: 'gail',
            arn: `arn:aws:iam::${ACCOUNT}:user/gail`,
            CreateDate: '2022-04-01 00:00:00+00:00',
            LoginProfile: { UserName: 'gail', CreateDate: '2022-04-01 00:00:30+00:00' },
          },
          // MFADevices null: ListMFADevices failed.
          AIDA4: { id: 'AIDA4', name: 'finn', arn: `arn:aws:iam::${ACCOUNT}:user/finn`, MFADevices: null },
        },
      }),
    );
    const root = byId(resources, `arn:aws:iam::${ACCOUNT}:root`);
    expect([root.facts.rootMfaActive?.value, root.facts.rootAccessKeyActive?.value]).toEqual([true, false]);
    const dave = byId(resources, `arn:aws:iam::${ACCOUNT}:user/dave`);
    expect([
      dave.facts.passwordEnabled?.value,
      dave.facts.mfaActive?.value,
      dave.facts.passwordLastUsed?.value,
    ]).toEqual([true, false, null]);
    const erin = byId(resources, `arn:aws:iam::${ACCOUNT}:user/erin`);
    expect([
      erin.facts.passwordEnabled?.value,
      erin.facts.mfaActive?.value,
      erin.facts.activeAccessKeys?.value,
      erin.facts.passwordLastUsed?.value,
      erin.facts.createdAt?.value,
    ]).toEqual([
      true,
      false,
      [{ slot: 1, lastRotated: '2020-07-07T00:05:00+00:00' }],
      '2026-11-29T10:00:00+00:00',
      '2020-07-01T00:00:00+00:00',
    ]);
    const gail = byId(resources, `arn:aws:iam::${ACCOUNT}:user/gail`);
    expect([gail.facts.passwordLastUsed?.value, gail.facts.createdAt?.value]).toEqual([
      null,
      '2022-04-01T00:00:00+00:00',
    ]);
    const finn = byId(resources, `arn:aws:iam::${ACCOUNT}:user/finn`);
    expect([finn.facts.passwordEnabled, finn.facts.mfaActive, finn.facts.passwordLastUsed]).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
  });

  it("reads the password policy, and ScoutSuite's stand-in for none (or a failed call) as unknown", async () => {
    const account = async (policy: Record<string, unknown>) =>
      byId(
        (await read('policy.js', iam({ password_policy: policy }))).resources,
        `arn:aws:iam::${ACCOUNT}:root`,
      ).facts;
    const set = await account({
      MinimumPasswordLength: 14,
      RequireSymbols: true,
      RequireNumbers: true,
      RequireUppercaseCharacters: true,
      RequireLowercaseCharacters: false,
      PasswordReusePrevention: true,
      PreviousPasswordPrevented: 24,
      ExpirePasswords: true,
      MaxPasswordAge: 90,
    });
    expect([
      set.passwordPolicySet?.value,
      set.passwordMinimumLength?.value,
      set.passwordReusePrevention?.value,
    ]).toEqual([true, 14, 24]);
    const noReuse = await account({
      MinimumPasswordLength: 8,
      RequireSymbols: false,
      PasswordReusePrevention: false,
    });
    expect(noReuse.passwordReusePrevention).toMatchObject({ source: 'default', value: 0 });
    const standIn = await account({
      MinimumPasswordLength: '1',
      RequireUppercaseCharacters: false,
      RequireLowercaseCharacters: false,
      RequireNumbers: false,
      RequireSymbols: false,
      PasswordReusePrevention: false,
      ExpirePasswords: false,
    });
    expect(standIn.passwordPolicySet?.source).toBe('unknown');
    expect(standIn.passwordMinimumLength).toBeUndefined();
  });
});

describe('ScoutSuite data services', () => {
  it('reads Lambda, SQS, SNS, DynamoDB, EFS, Redshift and Secrets Manager as their Config items', async () => {
    const regional = (collection: string, members: Record<string, unknown>) => ({
      regions: { [REGION]: { [collection]: members } },
    });
    const arn = (service: string, resource: string) => `arn:aws:${service}:${REGION}:${ACCOUNT}:${resource}`;
    const { resources } = await read(
      'services.js',
      script(
        results({
          awslambda: regional('functions', {
            'scoutid-open': {
              name: 'open',
              arn: arn('lambda', 'function:open'),
              access_policy: {
                Version: '2012-10-17',
                Id: 'default',
                Statement: [
                  {
                    Sid: 'FunctionURLAllowPublicAccess',
                    Effect: 'Allow',
                    Principal: '*',
                    Action: 'lambda:InvokeFunctionUrl',
                    Resource: arn('lambda', 'function:open'),
                    Condition: { StringEquals: { 'lambda:FunctionUrlAuthType': 'NONE' } },
                  },
                ],
              },
            },
            // No policy, or GetPolicy failed: ScoutSuite's stand-in.
            'scoutid-quiet': {
              name: 'quiet',
              arn: arn('lambda', 'function:quiet'),
              access_policy: { Version: '2012-10-17', Id: 'default', Statement: [] },
            },
          }),
          sqs: regional('queues', {
            'scoutid-q': {
              name: 'q',
              arn: arn('sqs', 'q'),
              kms_master_key_id: 'alias/orders',
              sqs_managed_sse_enabled: false,
              Policy: { Statement: [] },
            },
            // GetQueueAttributes' strings, as sqs/queues.py keeps them (5.12 on; the rule compares "false").
            'scoutid-managed': {
              name: 'managed',
              arn: arn('sqs', 'managed'),
              kms_master_key_id: null,
              sqs_managed_sse_enabled: 'true',
              Policy: { Statement: [] },
            },
          }),
          sns: regional('topics', { 'scoutid-t': { name: 't', arn: arn('sns', 't'), Policy: null } }),
          dynamodb: regional('tables', {
            'tid-1': { name: 'owned', arn: arn('dynamodb', 'table/owned'), id: 'tid-1', sse_enabled: false },
            'tid-2': { name: 'kms', arn: arn('dynamodb', 'table/kms'), id: 'tid-2', sse_enabled: true },
          }),
          efs: regional('filesystems', {
            'fs-01': {
              arn: arn('elasticfilesystem', 'file-system/fs-01'),
              Encrypted: false,
              name: null,
              tags: [],
            },
          }),
          redshift: {
            regions: {
              [REGION]: {
                vpcs: {
                  'vpc-01': {
                    clusters: {
                      dw: {
                        name: 'dw',
                        arn: arn('redshift', 'cluster:dw'),
                        Encrypted: true,
                        PubliclyAccessible: true,
                      },
                    },
                  },
                },
              },
            },
          },
          secretsmanager: regional('secrets', {
            'scoutid-s': {
              name: 'db-password',
              arn: arn('secretsmanager', 'secret:db-password-AbCdEf'),
              kms: null,
            },
          }),
        }),
      ),
    );
    expect(byId(resources, arn('lambda', 'function:open')).facts.publicPolicyStatements?.value).toHaveLength(
      1,
    );
    expect(byId(resources, arn('lambda', 'function:quiet')).facts.publicPolicyStatements?.source).toBe(
      'unknown',
    );
    expect(byId(resources, arn('sqs', 'q')).facts.customerManagedKey?.value).toBe(true);
    // SQS-managed encryption, an AWS owned key: the evidence is the field, not the absent key's default.
    expect(byId(resources, arn('sqs', 'managed')).facts.customerManagedKey).toMatchObject({
      source: 'explicit',
      value: false,
      field: { path: 'configuration.SqsManagedSseEnabled', value: true },
    });
    expect(byId(resources, arn('sns', 't')).facts.customerManagedKey).toMatchObject({
      source: 'default',
      value: false,
    });
    // DescribeTable answers an SSEDescription only for a KMS key, whose ARN ScoutSuite drops.
    expect(byId(resources, arn('dynamodb', 'table/owned')).facts.customerManagedKey).toMatchObject({
      source: 'default',
      value: false,
    });
    expect(byId(resources, arn('dynamodb', 'table/kms')).facts.customerManagedKey?.source).toBe('unknown');
    expect(byId(resources, arn('elasticfilesystem', 'file-system/fs-01')).facts.encrypted?.value).toBe(false);
    const cluster = byId(resources, arn('redshift', 'cluster:dw'));
    expect([cluster.facts.encrypted?.value, cluster.facts.publiclyAccessible?.value]).toEqual([true, true]);
    expect(
      byId(resources, arn('secretsmanager', 'secret:db-password-AbCdEf')).facts.customerManagedKey,
    ).toMatchObject({ source: 'default', value: false });
  });
  it('marks the items of types whose parse keeps no tags (KMS keys, RDS snapshots) as recording none', async () => {
    const { resources } = await read(
      'scoutsuite_results_aws-audit.js',
      script(
        results({
          kms: {
            regions: {
              [REGION]: {
                keys: {
                  k1: {
                    arn: `arn:aws:kms:${REGION}:${ACCOUNT}:key/k1`,
                    id: 'k1',
                    key_enabled: true,
                    key_manager: 'CUSTOMER',
                    rotation_enabled: true,
                  },
                },
              },
            },
          },
          s3: { buckets: bucket('b-tagged', { grantees: OWNER_GRANT, tags: { 機密性: '3' } }) },
        }),
      ),
    );
    expect(byId(resources, `arn:aws:kms:${REGION}:${ACCOUNT}:key/k1`).unknownTags).toMatchObject({
      en: expect.stringMatching(/ScoutSuite/),
    });
    const tagged = byId(resources, 'arn:aws:s3:::b-tagged');
    expect(tagged.unknownTags).toBeUndefined();
    expect(tagged.tags).toEqual({ 機密性: '3' });
  });
});
