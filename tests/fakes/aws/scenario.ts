/**
 * A generated AWS estate for the fake AWS: accounts × regions of AWS Config items and one IAM
 * credential report per account, built from a seed (same seed, same estate). Items are kept in
 * a neutral form and rendered in the dialect each consumer reads: the API dialect for the
 * fake's BatchGetResourceConfig (configuration and supplementary values as JSON strings, the S3
 * ACL encoded twice) and the snapshot dialect for the offline export (nested objects), so the
 * equality test crosses dialects.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { prng } from '../random.ts';

type Json = Record<string, unknown>;

export interface ScenarioItem {
  readonly accountId: string;
  /** `global` for IAM. */
  readonly region: string;
  readonly resourceType: string;
  readonly resourceId: string;
  readonly resourceName: string;
  readonly arn?: string;
  readonly tags: Record<string, string>;
  readonly configuration: Json;
  readonly supplementary: Json;
  /** When Config captured the item (ISO 8601); CAPTURE where absent. */
  readonly captureTime?: string;
}

export interface ScenarioRegion {
  /** `on`: recording all types; `partial`: only some; `off`: no recorder. */
  readonly recorder: 'on' | 'partial' | 'off';
  /** Items recorded in this region (global IAM items in the account's first region). */
  readonly items: ScenarioItem[];
}

export interface ScenarioAccount {
  readonly id: string;
  readonly regions: Map<string, ScenarioRegion>;
  readonly credentialReport: string;
  /** `GetAccountPasswordPolicy`'s `PasswordPolicy`; null when the account has none (NoSuchEntity). */
  readonly passwordPolicy: Json | null;
}

export interface Scenario {
  readonly seed: number;
  readonly accounts: ScenarioAccount[];
  /** Regions enabled in every account. */
  readonly regions: readonly string[];
  /** An opt-in region no account has enabled. */
  readonly disabledRegion: string;
  readonly aggregator: string;
}

export interface ScenarioOptions {
  readonly seed: number;
  readonly accounts: number;
  readonly regions?: readonly string[];
  /** Regional resources per account and region (besides the account-wide ones). */
  readonly resourcesPerRegion: number;
  readonly usersPerAccount?: number;
}

const CAPTURE = '2026-11-20T00:00:00.000Z';

export function generateScenario(options: ScenarioOptions): Scenario {
  const rnd = prng(options.seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const chance = (p: number) => rnd() < p;
  const hex = (n: number) => Array.from({ length: n }, () => Math.floor(rnd() * 16).toString(16)).join('');
  const regions = options.regions ?? ['ap-northeast-1', 'ap-northeast-3', 'us-east-1'];
  const accounts: ScenarioAccount[] = [];
  for (let a = 0; a < options.accounts; a++) {
    const id = String(100000000000 + a * 111111111 + Math.floor(rnd() * 1000)).padStart(12, '0');
    const accountRegions = new Map<string, ScenarioRegion>();
    for (const [r, region] of regions.entries()) {
      const items: ScenarioItem[] = [];
      const base = { accountId: id, region };
      const tag = (): Record<string, string> =>
        chance(0.5) ? { confidentiality: String(1 + Math.floor(rnd() * 3)), owner: `team-${hex(3)}` } : {};
      const keys: string[] = [];
      items.push({
        ...base,
        resourceType: 'AWS::S3::AccountPublicAccessBlock',
        resourceId: id,
        resourceName: id,
        tags: {},
        configuration: {
          blockPublicAcls: true,
          ignorePublicAcls: true,
          blockPublicPolicy: a % 2 === 0,
          restrictPublicBuckets: a % 2 === 0,
        },
        supplementary: {},
      });
      for (let i = 0; i < options.resourcesPerRegion; i++) {
        const kind = pick(['bucket', 'key', 'sg', 'volume', 'rds', 'logs', 'eks', 'lambda', 'volume', 'sg']);
        const n = `${a}-${r}-${i}`;
        if (kind === 'key' || keys.length === 0) {
          const keyId = `${hex(8)}-${hex(4)}-${hex(4)}-${hex(4)}-${hex(12)}`;
          const arn = `arn:aws:kms:${region}:${id}:key/${keyId}`;
          const manager = chance(0.2) ? 'AWS' : 'CUSTOMER';
          keys.push(arn);
          items.push({
            ...base,
            resourceType: 'AWS::KMS::Key',
            resourceId: keyId,
            resourceName: keyId,
            arn,
            tags: tag(),
            configuration: {
              keyId,
              arn,
              keyManager: manager,
              keyState: chance(0.05) ? 'PendingDeletion' : 'Enabled',
              origin: 'AWS_KMS',
              keySpec: 'SYMMETRIC_DEFAULT',
              enabled: true,
            },
            supplementary: { KeyRotationStatus: manager === 'AWS' || chance(0.6) },
          });
          if (kind === 'key') continue;
        }
        if (kind === 'bucket') {
          const name = `kansa-${n}-${hex(6)}`;
          const supplementary: Json = {
            AccessControlList: {
              grantSet: null,
              grantList: chance(0.1) ? [{ grantee: 'AllUsers', permission: 'Read' }] : [],
              owner: { displayName: null, id: hex(64) },
            },
            BucketLoggingConfiguration: chance(0.5)
              ? { destinationBucketName: `kansa-logs-${id}`, logFilePrefix: `${name}/` }
              : { destinationBucketName: null, logFilePrefix: null },
            BucketPolicy: {
              policyText: chance(0.3)
                ? JSON.stringify({
                    Version: '2012-10-17',
                    Statement: [
                      chance(0.3)
                        ? {
                            Sid: 'Public',
                            Effect: 'Allow',
                            Principal: '*',
                            Action: 's3:GetObject',
                            Resource: `arn:aws:s3:::${name}/*`,
                          }
                        : {
                            Sid: 'TlsOnly',
                            Effect: 'Deny',
                            Principal: '*',
                            Action: 's3:*',
                            Resource: [`arn:aws:s3:::${name}`, `arn:aws:s3:::${name}/*`],
                            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
                          },
                    ],
                  })
                : null,
            },
          };
          if (chance(0.7)) {
            supplementary['PublicAccessBlockConfiguration'] = {
              blockPublicAcls: true,
              ignorePublicAcls: true,
              blockPublicPolicy: chance(0.8),
              restrictPublicBuckets: chance(0.8),
            };
          }
          if (chance(0.7)) {
            const kms = chance(0.5);
            supplementary['ServerSideEncryptionConfiguration'] = {
              rules: [
                {
                  applyServerSideEncryptionByDefault: {
                    sseAlgorithm: kms ? 'aws:kms' : 'AES256',
                    kmsMasterKeyID: kms && chance(0.7) ? pick(keys) : null,
                  },
                  bucketKeyEnabled: kms,
                },
              ],
            };
          }
          items.push({
            ...base,
            resourceType: 'AWS::S3::Bucket',
            resourceId: name,
            resourceName: name,
            arn: `arn:aws:s3:::${name}`,
            tags: tag(),
            configuration: {
              name,
              owner: { displayName: null, id: hex(64) },
              creationDate: '2024-04-01T00:00:00.000Z',
            },
            supplementary,
          });
        } else if (kind === 'sg') {
          const groupId = `sg-${hex(17)}`;
          items.push({
            ...base,
            resourceType: 'AWS::EC2::SecurityGroup',
            resourceId: groupId,
            resourceName: `web-${n}`,
            arn: `arn:aws:ec2:${region}:${id}:security-group/${groupId}`,
            tags: tag(),
            configuration: {
              groupId,
              groupName: `web-${n}`,
              ipPermissions: [
                {
                  ipProtocol: 'tcp',
                  fromPort: 443,
                  toPort: 443,
                  ipv4Ranges: [{ cidrIp: '0.0.0.0/0' }],
                  ipv6Ranges: [],
                  ipRanges: ['0.0.0.0/0'],
                },
                ...(chance(0.3)
                  ? [
                      {
                        ipProtocol: 'tcp',
                        fromPort: pick([22, 3389]),
                        toPort: pick([22, 3389]),
                        ipv4Ranges: [{ cidrIp: '0.0.0.0/0' }],
                        ipv6Ranges: [],
                        ipRanges: ['0.0.0.0/0'],
                      },
                    ]
                  : []),
              ],
              ipPermissionsEgress: [],
            },
            supplementary: {},
          });
        } else if (kind === 'volume') {
          const volumeId = `vol-${hex(17)}`;
          const encrypted = chance(0.7);
          items.push({
            ...base,
            resourceType: 'AWS::EC2::Volume',
            resourceId: volumeId,
            resourceName: volumeId,
            arn: `arn:aws:ec2:${region}:${id}:volume/${volumeId}`,
            tags: tag(),
            configuration: {
              volumeId,
              encrypted,
              ...(encrypted ? { kmsKeyId: pick(keys) } : {}),
              size: 8,
              volumeType: 'gp3',
            },
            supplementary: {},
          });
        } else if (kind === 'rds') {
          const name = `db-${n}`;
          const encrypted = chance(0.7);
          items.push({
            ...base,
            resourceType: 'AWS::RDS::DBInstance',
            resourceId: `db-${hex(26).toUpperCase()}`,
            resourceName: name,
            arn: `arn:aws:rds:${region}:${id}:db:${name}`,
            tags: tag(),
            configuration: {
              dBInstanceIdentifier: name,
              engine: 'postgres',
              storageEncrypted: encrypted,
              ...(encrypted ? { kmsKeyId: pick(keys) } : {}),
              publiclyAccessible: chance(0.2),
              backupRetentionPeriod: pick([0, 7, 35]),
              ...(chance(0.5) ? { enabledCloudwatchLogsExports: ['postgresql'] } : {}),
            },
            supplementary: {},
          });
        } else if (kind === 'logs') {
          const name = `/aws/lambda/fn-${n}`;
          items.push({
            ...base,
            resourceType: 'AWS::Logs::LogGroup',
            resourceId: name,
            resourceName: name,
            arn: `arn:aws:logs:${region}:${id}:log-group:${name}`,
            tags: tag(),
            configuration: {
              LogGroupName: name,
              ...(chance(0.6) ? { RetentionInDays: pick([30, 400, 3653]) } : {}),
            },
            supplementary: {},
          });
        } else if (kind === 'eks') {
          const name = `cluster-${n}`;
          items.push({
            ...base,
            resourceType: 'AWS::EKS::Cluster',
            resourceId: name,
            resourceName: name,
            arn: `arn:aws:eks:${region}:${id}:cluster/${name}`,
            tags: tag(),
            configuration: {
              Name: name,
              ResourcesVpcConfig: {
                EndpointPublicAccess: chance(0.5),
                EndpointPrivateAccess: true,
                ...(chance(0.5) ? { PublicAccessCidrs: ['0.0.0.0/0'] } : {}),
              },
              ...(chance(0.5)
                ? { Logging: { ClusterLogging: { EnabledTypes: [{ Type: 'api' }, { Type: 'audit' }] } } }
                : {}),
            },
            supplementary: {},
          });
        } else {
          const name = `fn-${n}`;
          items.push({
            ...base,
            resourceType: 'AWS::Lambda::Function',
            resourceId: name,
            resourceName: name,
            arn: `arn:aws:lambda:${region}:${id}:function:${name}`,
            tags: tag(),
            configuration: { functionName: name, runtime: 'nodejs22.x' },
            supplementary: {
              Policy: JSON.stringify({
                Version: '2012-10-17',
                Statement: [
                  chance(0.2)
                    ? {
                        Sid: 'FunctionURLAllowPublicAccess',
                        Effect: 'Allow',
                        Principal: '*',
                        Action: 'lambda:InvokeFunctionUrl',
                        Resource: `arn:aws:lambda:${region}:${id}:function:${name}`,
                        Condition: { StringEquals: { 'lambda:FunctionUrlAuthType': 'NONE' } },
                      }
                    : {
                        Sid: 'events',
                        Effect: 'Allow',
                        Principal: { Service: 'events.amazonaws.com' },
                        Action: 'lambda:InvokeFunction',
                        Resource: `arn:aws:lambda:${region}:${id}:function:${name}`,
                      },
                ],
              }),
            },
          });
        }
      }
      if (r === 0) {
        items.push(...accountWideItems(id, region, rnd, options.usersPerAccount ?? 4));
      }
      const recorder = a === options.accounts - 1 && r === regions.length - 1 ? 'partial' : 'on';
      accountRegions.set(region, { recorder, items });
    }
    accounts.push({
      id,
      regions: accountRegions,
      credentialReport: credentialReport(id, rnd, options.usersPerAccount ?? 4),
      passwordPolicy: passwordPolicyOf(a),
    });
  }
  return { seed: options.seed, accounts, regions, disabledRegion: 'ap-east-1', aggregator: 'kansa-org' };
}

/**
 * The accounts take turns: a CIS-strict policy, a weak one (IAM leaves out the settings not set),
 * and none. The estate's seeded values are not drawn on, so adding this changed no other record.
 */
function passwordPolicyOf(account: number): Json | null {
  const base = {
    RequireUppercaseCharacters: true,
    RequireLowercaseCharacters: true,
    RequireNumbers: true,
    AllowUsersToChangePassword: true,
    ExpirePasswords: false,
  };
  if (account % 3 === 0)
    return { ...base, MinimumPasswordLength: 14, RequireSymbols: true, PasswordReusePrevention: 24 };
  if (account % 3 === 1) return { ...base, MinimumPasswordLength: 8, RequireSymbols: false };
  return null;
}

/** The trail, IAM users and roles: recorded once, in the account's first region. */
function accountWideItems(id: string, region: string, rnd: () => number, users: number): ScenarioItem[] {
  const items: ScenarioItem[] = [];
  const trail = `audit-${id}`;
  items.push({
    accountId: id,
    region,
    resourceType: 'AWS::CloudTrail::Trail',
    resourceId: trail,
    resourceName: trail,
    arn: `arn:aws:cloudtrail:${region}:${id}:trail/${trail}`,
    tags: {},
    configuration: {
      name: trail,
      s3BucketName: `kansa-logs-${id}`,
      isMultiRegionTrail: rnd() < 0.7,
      logFileValidationEnabled: rnd() < 0.7,
      isOrganizationTrail: false,
      homeRegion: region,
      // Config's trail item carries it, as describe-trails does: no custom selectors, so every
      // management event is recorded.
      hasCustomEventSelectors: false,
    },
    supplementary: {},
  });
  for (let u = 0; u < users; u++) {
    const name = `user-${u}`;
    items.push({
      accountId: id,
      region: 'global',
      resourceType: 'AWS::IAM::User',
      resourceId: `AIDA${id}${u}`,
      resourceName: name,
      arn: `arn:aws:iam::${id}:user/${name}`,
      tags: {},
      configuration: {
        userName: name,
        path: '/',
        attachedManagedPolicies:
          u === 0
            ? [
                {
                  policyName: 'AdministratorAccess',
                  policyArn: 'arn:aws:iam::aws:policy/AdministratorAccess',
                },
              ]
            : [],
        userPolicyList: [],
        groupList: u === 1 ? ['admins'] : [],
      },
      supplementary: {},
    });
  }
  // A group granting full rights through an inline policy (URL-encoded, as Config and IAM write it).
  items.push({
    accountId: id,
    region: 'global',
    resourceType: 'AWS::IAM::Group',
    resourceId: `AGPA${id}`,
    resourceName: 'admins',
    arn: `arn:aws:iam::${id}:group/admins`,
    tags: {},
    configuration: {
      groupName: 'admins',
      path: '/',
      attachedManagedPolicies: [],
      groupPolicyList: [
        {
          policyName: 'everything',
          policyDocument: encodeURIComponent(
            JSON.stringify({
              Version: '2012-10-17',
              Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }],
            }),
          ),
        },
      ],
    },
    supplementary: {},
  });
  const role = 'KansaAudit';
  items.push({
    accountId: id,
    region: 'global',
    resourceType: 'AWS::IAM::Role',
    resourceId: `AROA${id}`,
    resourceName: role,
    arn: `arn:aws:iam::${id}:role/${role}`,
    tags: {},
    configuration: {
      roleName: role,
      path: '/',
      assumeRolePolicyDocument: encodeURIComponent(
        JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${id}:root` }, Action: 'sts:AssumeRole' },
          ],
        }),
      ),
      attachedManagedPolicies: [
        { policyName: 'SecurityAudit', policyArn: 'arn:aws:iam::aws:policy/SecurityAudit' },
      ],
      rolePolicyList: [],
    },
    supplementary: {},
  });
  return items;
}

const REPORT_HEADER =
  'user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated';

function credentialReport(id: string, rnd: () => number, users: number): string {
  const lines = [REPORT_HEADER];
  const root = rnd() < 0.7;
  lines.push(
    `<root_account>,arn:aws:iam::${id}:root,2019-03-01T00:00:00+00:00,not_supported,2026-10-20T01:00:00+00:00,not_supported,not_supported,${root},false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A`,
  );
  for (let u = 0; u < users; u++) {
    const key = rnd() < 0.5;
    const rotated = rnd() < 0.5 ? '2024-01-10T00:00:00+00:00' : '2026-10-01T00:00:00+00:00';
    lines.push(
      `user-${u},arn:aws:iam::${id}:user/user-${u},2024-04-01T02:00:00+00:00,true,2026-10-31T08:12:00+00:00,2026-06-01T00:00:00+00:00,N/A,${rnd() < 0.6},${key},${key ? rotated : 'N/A'},N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** BaseConfigurationItem as BatchGetResourceConfig returns it (JSON 1.1: times as epoch seconds). */
export function apiDialect(item: ScenarioItem): Json {
  const supplementary = Object.fromEntries(
    Object.entries(item.supplementary).map(([key, value]) => [
      key,
      key === 'AccessControlList' ? JSON.stringify(JSON.stringify(value)) : JSON.stringify(value),
    ]),
  );
  return {
    version: '1.3',
    accountId: item.accountId,
    configurationItemCaptureTime: Date.parse(item.captureTime ?? CAPTURE) / 1000,
    configurationItemStatus: 'OK',
    configurationStateId: '1763596800000',
    ...(item.arn ? { arn: item.arn } : {}),
    resourceType: item.resourceType,
    resourceId: item.resourceId,
    resourceName: item.resourceName,
    awsRegion: item.region,
    availabilityZone: item.region === 'global' ? 'Not Applicable' : 'Regional',
    resourceCreationTime: Date.parse('2024-04-01T02:00:00.000Z') / 1000,
    configuration: JSON.stringify(item.configuration),
    supplementaryConfiguration: supplementary,
  };
}

/** The item in the snapshot dialect Config delivers to S3. */
export function snapshotDialect(item: ScenarioItem): Json {
  return {
    relatedEvents: [],
    relationships: [],
    configuration: item.configuration,
    supplementaryConfiguration: Object.fromEntries(
      Object.entries(item.supplementary).map(([key, value]) => [
        key,
        key === 'AccessControlList' ? JSON.stringify(value) : value,
      ]),
    ),
    tags: item.tags,
    configurationItemVersion: '1.3',
    configurationItemCaptureTime: item.captureTime ?? CAPTURE,
    configurationStateId: 1763596800000,
    awsAccountId: item.accountId,
    configurationItemStatus: 'OK',
    resourceType: item.resourceType,
    resourceId: item.resourceId,
    resourceName: item.resourceName,
    ...(item.arn ? { ARN: item.arn } : {}),
    awsRegion: item.region,
    availabilityZone: 'Regional',
    configurationStateMd5Hash: '',
  };
}

/**
 * Writes the estate as a user exports it for an offline scan: one Config snapshot per account
 * and region (S3 delivery layout), each account's credential report CSV and password policy. Regions listed in
 * `skip` (`<account> <region>`) are left out.
 */
export async function exportOffline(
  scenario: Scenario,
  dir: string,
  skip: ReadonlySet<string> = new Set(),
): Promise<void> {
  for (const account of scenario.accounts) {
    for (const [region, data] of account.regions) {
      if (skip.has(`${account.id} ${region}`)) continue;
      const folder = path.join(
        dir,
        'AWSLogs',
        account.id,
        'Config',
        region,
        '2026',
        '11',
        '20',
        'ConfigSnapshot',
      );
      await mkdir(folder, { recursive: true });
      await writeFile(
        path.join(
          folder,
          `${account.id}_Config_${region}_ConfigSnapshot_20261120T000000Z_${scenario.seed}.json`,
        ),
        JSON.stringify({
          fileVersion: '1.0',
          configSnapshotId: `snapshot-${scenario.seed}`,
          configurationItems: data.items.map(snapshotDialect),
        }),
      );
    }
    await mkdir(path.join(dir, 'iam'), { recursive: true });
    await writeFile(path.join(dir, 'iam', `${account.id}_credential-report.csv`), account.credentialReport);
    // `aws iam get-account-password-policy > <account>_password-policy.json 2>&1`.
    await writeFile(
      path.join(dir, 'iam', `${account.id}_password-policy.json`),
      account.passwordPolicy
        ? JSON.stringify({ PasswordPolicy: account.passwordPolicy }, null, 4)
        : `\n${noSuchPasswordPolicy(account.id)}\n`,
    );
  }
}

/** The CLI's (and the fake IAM's) NoSuchEntity error of GetAccountPasswordPolicy. */
export function noSuchPasswordPolicy(account: string): string {
  return `An error occurred (NoSuchEntity) when calling the GetAccountPasswordPolicy operation: ${noSuchPasswordPolicyMessage(account)}`;
}

/** IAM's message: it names the account as the policy's "domain name". */
export function noSuchPasswordPolicyMessage(account: string): string {
  return `The Password Policy with domain name ${account} cannot be found.`;
}
