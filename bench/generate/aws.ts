import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { prng, type Random } from '../../tests/fakes/random.ts';

/**
 * Synthetic AWS exports for the benchmark, in the shapes AWS delivers them:
 * - one Config snapshot per account and Region (`AWSLogs/<account>/Config/<region>/…/ConfigSnapshot/
 *   <account>_Config_<region>_ConfigSnapshot_<time>_<uuid>.json.gz`), snapshot dialect;
 * - the Osaka Region of each account as `select-resource-config` pages of 100 rows (the API limit);
 * - one IAM credential report CSV per account, whose user rows merge with the Config IAM users.
 * Files are streamed (a generator feeding gzip), so a million resources never sit in memory.
 * Deterministic: a seeded PRNG, no clock.
 */

const RESOURCES_PER_ACCOUNT = 20_000;
const REGIONS = [
  { name: 'ap-northeast-1', share: 0.6, delivery: 'snapshot' },
  { name: 'ap-northeast-3', share: 0.25, delivery: 'select' },
  { name: 'us-east-1', share: 0.15, delivery: 'snapshot' },
] as const;
const SELECT_PAGE_ROWS = 100;
const IAM_USER_SHARE = 0.02;
const CAPTURE_TIME = '2026-11-01T00:00:00.000Z';

/** Resource types by weight, roughly what a city's production accounts hold. */
const TYPE_WEIGHTS: readonly [string, number][] = [
  ['AWS::EC2::Volume', 20],
  ['AWS::EC2::Instance', 15],
  ['AWS::EC2::SecurityGroup', 10],
  ['AWS::S3::Bucket', 10],
  ['AWS::Logs::LogGroup', 10],
  ['AWS::KMS::Key', 5],
  ['AWS::RDS::DBInstance', 5],
  ['AWS::DynamoDB::Table', 5],
  ['AWS::SQS::Queue', 5],
  ['AWS::IAM::Role', 5],
  ['AWS::Lambda::Function', 5],
  ['AWS::ECR::Repository', 2],
  ['AWS::EKS::Cluster', 1],
  ['AWS::EFS::FileSystem', 1],
  ['AWS::ElastiCache::CacheCluster', 1],
];
const TOTAL_WEIGHT = TYPE_WEIGHTS.reduce((sum, [, weight]) => sum + weight, 0);

const hex = (random: Random, length: number) =>
  Array.from({ length }, () => Math.floor(random() * 16).toString(16)).join('');
const uuid = (random: Random) =>
  `${hex(random, 8)}-${hex(random, 4)}-4${hex(random, 3)}-a${hex(random, 3)}-${hex(random, 12)}`;

function pickType(random: Random): string {
  let roll = random() * TOTAL_WEIGHT;
  for (const [type, weight] of TYPE_WEIGHTS) {
    roll -= weight;
    if (roll < 0) return type;
  }
  return TYPE_WEIGHTS[0]![0];
}

interface Native {
  resourceId: string;
  arn: string;
  configuration: Record<string, unknown>;
  supplementary?: Record<string, unknown>;
}

function nativeResource(type: string, account: string, region: string, n: number, random: Random): Native {
  const id = `${n.toString(36)}${hex(random, 8)}`;
  const kmsKey = `arn:aws:kms:${region}:${account}:key/${uuid(random)}`;
  switch (type) {
    case 'AWS::EC2::Volume':
      return {
        resourceId: `vol-${id}`,
        arn: `arn:aws:ec2:${region}:${account}:volume/vol-${id}`,
        configuration: {
          volumeId: `vol-${id}`,
          availabilityZone: `${region}a`,
          encrypted: random() < 0.8,
          kmsKeyId: kmsKey,
          size: 8 + Math.floor(random() * 500),
          volumeType: 'gp3',
          state: 'in-use',
          iops: 3000,
          throughput: 125,
          multiAttachEnabled: false,
          attachments: [
            { instanceId: `i-${id}`, device: '/dev/xvda', state: 'attached', deleteOnTermination: true },
          ],
        },
      };
    case 'AWS::EC2::Instance':
      return {
        resourceId: `i-${id}`,
        arn: `arn:aws:ec2:${region}:${account}:instance/i-${id}`,
        configuration: {
          instanceId: `i-${id}`,
          instanceType: 't3.medium',
          imageId: `ami-${hex(random, 17)}`,
          state: { code: 16, name: 'running' },
          placement: { availabilityZone: `${region}a`, tenancy: 'default' },
          privateIpAddress: `10.0.${Math.floor(random() * 255)}.${Math.floor(random() * 255)}`,
          securityGroups: [{ groupId: `sg-${id}`, groupName: 'web' }],
          metadataOptions: { httpTokens: random() < 0.7 ? 'required' : 'optional' },
        },
      };
    case 'AWS::EC2::SecurityGroup':
      return {
        resourceId: `sg-${id}`,
        arn: `arn:aws:ec2:${region}:${account}:security-group/sg-${id}`,
        configuration: {
          groupId: `sg-${id}`,
          groupName: `sg-${id}`,
          vpcId: `vpc-${hex(random, 8)}`,
          ipPermissions: [
            {
              fromPort: 443,
              toPort: 443,
              ipProtocol: 'tcp',
              ipv4Ranges: [{ cidrIp: random() < 0.1 ? '0.0.0.0/0' : '10.0.0.0/8' }],
              ipv6Ranges: [],
            },
          ],
          ipPermissionsEgress: [],
        },
      };
    case 'AWS::S3::Bucket': {
      const name = `city-${account}-${id}`;
      const cmk = random() < 0.5;
      return {
        resourceId: name,
        arn: `arn:aws:s3:::${name}`,
        configuration: {
          name,
          owner: { displayName: null, id: hex(random, 64) },
          creationDate: '2024-04-01T02:00:00.000Z',
        },
        supplementary: {
          AccessControlList: JSON.stringify({
            grantSet: null,
            grantList: [{ grantee: { id: hex(random, 64), displayName: null }, permission: 'FullControl' }],
            owner: { displayName: null, id: hex(random, 64) },
            isRequesterCharged: false,
          }),
          BucketPolicy: { policyText: null },
          BucketVersioningConfiguration: { status: 'Enabled', isMfaDeleteEnabled: null },
          IsRequesterPaysEnabled: false,
          ...(random() < 0.9
            ? {
                PublicAccessBlockConfiguration: {
                  blockPublicAcls: true,
                  ignorePublicAcls: true,
                  blockPublicPolicy: true,
                  restrictPublicBuckets: true,
                },
              }
            : {}),
          ServerSideEncryptionConfiguration: {
            rules: [
              {
                applyServerSideEncryptionByDefault: {
                  sseAlgorithm: cmk ? 'aws:kms' : 'AES256',
                  kmsMasterKeyID: cmk ? kmsKey : null,
                },
                bucketKeyEnabled: cmk,
              },
            ],
          },
        },
      };
    }
    case 'AWS::KMS::Key': {
      const key = uuid(random);
      const arn = `arn:aws:kms:${region}:${account}:key/${key}`;
      return {
        resourceId: key,
        arn,
        configuration: {
          keyId: key,
          arn,
          enabled: true,
          keyUsage: 'ENCRYPT_DECRYPT',
          keyState: 'Enabled',
          origin: 'AWS_KMS',
          keyManager: random() < 0.8 ? 'CUSTOMER' : 'AWS',
          keySpec: 'SYMMETRIC_DEFAULT',
          customerMasterKeySpec: 'SYMMETRIC_DEFAULT',
          encryptionAlgorithms: ['SYMMETRIC_DEFAULT'],
          multiRegion: false,
        },
        supplementary: { KeyRotationStatus: random() < 0.7 },
      };
    }
    case 'AWS::RDS::DBInstance':
      return {
        resourceId: `db-${id.toUpperCase()}`,
        arn: `arn:aws:rds:${region}:${account}:db:db-${id}`,
        configuration: {
          dBInstanceIdentifier: `db-${id}`,
          dBInstanceClass: 'db.r6g.large',
          engine: 'postgres',
          engineVersion: '16.4',
          storageEncrypted: random() < 0.9,
          kmsKeyId: kmsKey,
          publiclyAccessible: random() < 0.05,
          multiAZ: true,
          backupRetentionPeriod: 7,
          allocatedStorage: 100,
        },
      };
    case 'AWS::IAM::Role': {
      const name = `role-${id}`;
      return {
        resourceId: `AROA${hex(random, 16).toUpperCase()}`,
        arn: `arn:aws:iam::${account}:role/${name}`,
        configuration: {
          path: '/',
          roleName: name,
          arn: `arn:aws:iam::${account}:role/${name}`,
          rolePolicyList: [],
          attachedManagedPolicies: [
            { policyName: 'ReadOnlyAccess', policyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' },
          ],
          instanceProfileList: [],
        },
      };
    }
    default: {
      // Types no check reads in detail: a name and a couple of CloudFormation-style properties.
      const service = type.split('::')[1]!.toLowerCase();
      return {
        resourceId: `${service}-${id}`,
        arn: `arn:aws:${service}:${region}:${account}:resource/${service}-${id}`,
        configuration: {
          Name: `${service}-${id}`,
          Arn: `arn:aws:${service}:${region}:${account}:resource/${service}-${id}`,
          Tags: [],
        },
      };
    }
  }
}

function tagsFor(random: Random): Record<string, string> {
  const tags: Record<string, string> = { owner: 'joho-seisaku' };
  if (random() < 0.3) tags['confidentiality'] = String(1 + Math.floor(random() * 3));
  return tags;
}

/** A snapshot / event dialect configuration item. */
function snapshotItem(type: string, account: string, region: string, native: Native, random: Random): string {
  return JSON.stringify({
    relatedEvents: [],
    relationships: [],
    configuration: native.configuration,
    supplementaryConfiguration: native.supplementary ?? {},
    tags: tagsFor(random),
    configurationItemVersion: '1.3',
    configurationItemCaptureTime: CAPTURE_TIME,
    configurationStateId: 1761955200000,
    awsAccountId: account,
    configurationItemStatus: 'OK',
    resourceType: type,
    resourceId: native.resourceId,
    resourceName: native.resourceId,
    ARN: native.arn,
    awsRegion: region,
    availabilityZone: region === 'global' ? 'Not Applicable' : 'Regional',
    configurationStateMd5Hash: '',
    resourceCreationTime: '2024-04-01T02:00:00.000Z',
  });
}

/** A select-resource-config row (SELECT accountId, awsRegion, arn, resourceId, resourceName, resourceType, configuration, supplementaryConfiguration, tags). */
function selectRow(type: string, account: string, region: string, native: Native, random: Random): string {
  const tags = Object.entries(tagsFor(random)).map(([key, value]) => ({ key, value }));
  return JSON.stringify({
    accountId: account,
    awsRegion: region,
    arn: native.arn,
    resourceId: native.resourceId,
    resourceName: native.resourceId,
    resourceType: type,
    configuration: native.configuration,
    supplementaryConfiguration: native.supplementary ?? {},
    tags,
  });
}

async function writeStreamed(file: string, chunks: Iterable<string>, gzip: boolean): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const source = Readable.from(chunks, { objectMode: false });
  if (gzip) await pipeline(source, createGzip(), createWriteStream(file));
  else await pipeline(source, createWriteStream(file));
}

/** `{"fileVersion":…,"configurationItems":[item,item,…]}`, produced item by item. */
function* snapshotChunks(snapshotId: string, items: Iterable<string>): Generator<string> {
  yield `{"fileVersion":"1.0","configSnapshotId":"${snapshotId}","configurationItems":[`;
  let first = true;
  for (const item of items) {
    yield first ? item : `,${item}`;
    first = false;
  }
  yield ']}';
}

const CREDENTIAL_REPORT_HEADER =
  'user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated';

function credentialRow(user: string, arn: string, password: boolean, mfa: boolean, key: boolean): string {
  const pw = password
    ? ['true', '2026-10-31T08:12:00+00:00', '2026-06-01T00:00:00+00:00', 'N/A']
    : ['false', 'N/A', 'N/A', 'N/A'];
  const key1 = key
    ? ['true', '2026-09-01T00:00:00+00:00', '2026-10-31T23:00:00+00:00', 'ap-northeast-1', 's3']
    : ['false', 'N/A', 'N/A', 'N/A', 'N/A'];
  return [
    user,
    arn,
    '2024-04-01T02:00:00+00:00',
    ...pw,
    String(mfa),
    ...key1,
    'false',
    'N/A',
    'N/A',
    'N/A',
    'N/A',
    'false',
    'N/A',
    'false',
    'N/A',
  ].join(',');
}

export async function generateAws(dir: string, count: number): Promise<void> {
  const random = prng(0x6b616e73); // "kans"
  const accounts = Math.max(1, Math.ceil(count / RESOURCES_PER_ACCOUNT));
  let remaining = count;
  for (let a = 0; a < accounts; a++) {
    const account = String(100000000000 + a * 7919);
    const share = Math.min(remaining, Math.ceil(count / accounts));
    remaining -= share;
    const users = Math.floor(share * IAM_USER_SHARE);
    const userNames = Array.from({ length: users }, (_, i) => `user-${i}`);
    let serial = 0;

    for (const region of REGIONS) {
      const inRegion = Math.round((share - users) * region.share);
      const items = function* (row: typeof snapshotItem) {
        for (let i = 0; i < inRegion; i++) {
          const type = pickType(random);
          yield row(
            type,
            account,
            region.name,
            nativeResource(type, account, region.name, serial++, random),
            random,
          );
        }
      };
      if (region.delivery === 'snapshot') {
        const snapshotId = uuid(random);
        const iamUsers = function* () {
          // Config records IAM (global) in one Region only: the home Region's snapshot.
          if (region.name !== REGIONS[0].name) return;
          for (const name of userNames) {
            const arn = `arn:aws:iam::${account}:user/${name}`;
            const admin = random() < 0.1;
            const native: Native = {
              resourceId: `AIDA${hex(random, 16).toUpperCase()}`,
              arn,
              configuration: {
                path: '/',
                userName: name,
                arn,
                userPolicyList: [],
                groupList: [],
                attachedManagedPolicies: admin
                  ? [
                      {
                        policyName: 'AdministratorAccess',
                        policyArn: 'arn:aws:iam::aws:policy/AdministratorAccess',
                      },
                    ]
                  : [],
              },
            };
            yield snapshotItem('AWS::IAM::User', account, 'global', native, random);
          }
        };
        const file = path.join(
          dir,
          'AWSLogs',
          account,
          'Config',
          region.name,
          '2026',
          '11',
          '1',
          'ConfigSnapshot',
          `${account}_Config_${region.name}_ConfigSnapshot_20261101T000000Z_${snapshotId}.json.gz`,
        );
        await writeStreamed(
          file,
          snapshotChunks(
            snapshotId,
            (function* () {
              yield* iamUsers();
              yield* items(snapshotItem);
            })(),
          ),
          true,
        );
      } else {
        const rows = items(selectRow);
        for (let page = 0; page * SELECT_PAGE_ROWS < inRegion; page++) {
          const pageRows: string[] = [];
          for (let i = 0; i < SELECT_PAGE_ROWS; i++) {
            const next = rows.next();
            if (next.done) break;
            pageRows.push(JSON.stringify(next.value));
          }
          const body = `{"Results":[${pageRows.join(',')}],"QueryInfo":{"SelectFields":[{"Name":"accountId"},{"Name":"awsRegion"},{"Name":"arn"},{"Name":"resourceId"},{"Name":"resourceName"},{"Name":"resourceType"},{"Name":"configuration"},{"Name":"supplementaryConfiguration"},{"Name":"tags"}]}}`;
          const file = path.join(
            dir,
            'configservice',
            `${account}_${region.name}_select-resource-config_page${String(page + 1).padStart(5, '0')}.json`,
          );
          await writeStreamed(file, [body], false);
        }
      }
    }

    const reportRows = function* () {
      yield `${CREDENTIAL_REPORT_HEADER}\n`;
      yield `${credentialRow('<root_account>', `arn:aws:iam::${account}:root`, true, random() < 0.8, false).replace(',true,2026-10-31T08:12:00+00:00,2026-06-01T00:00:00+00:00,N/A,', ',not_supported,2026-10-20T01:00:00+00:00,not_supported,not_supported,')}\n`;
      for (const name of userNames) {
        yield `${credentialRow(name, `arn:aws:iam::${account}:user/${name}`, random() < 0.6, random() < 0.7, random() < 0.3)}\n`;
      }
    };
    await writeStreamed(path.join(dir, 'iam', `${account}_credential-report.csv`), reportRows(), false);
  }
}
