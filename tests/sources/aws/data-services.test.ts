import { describe, expect, it } from 'vitest';
import { awsChecks } from '../../../src/checks/aws/index.ts';
import { appliesTo } from '../../../src/checks/check.ts';
import cmkAtRest from '../../../src/checks/common/classification/cmk-at-rest.ts';
import dataInJapan from '../../../src/checks/common/location/data-in-japan.ts';
import { awsConfigSnapshotFormat } from '../../../src/sources/aws/config-snapshot.ts';
import { evaluate, readRecords } from '../../helpers/checks.ts';
import { ACCOUNT, keyArn, kmsKeyItem, snapshotDocument, snapshotItem } from './builders.ts';

// Configuration items of the data-holding types added from awslabs/aws-config-resource-schema
// (config/properties/resource-types/AWS::<type>.properties.json): the field spellings are the
// schema's (Secrets Manager's `KMSKeyId`, Backup's `EncryptionKeyArn`, Athena's nested
// `WorkGroupConfiguration`, WorkSpaces' `RootVolumeEncryptionEnabled`). See SOURCES.md.

const CLASS_1 = { confidentiality: '1' };
const arn = (service: string, region: string, path: string) =>
  `arn:aws:${service}:${region}:${ACCOUNT}:${path}`;

const SECRET_ABROAD = arn('secretsmanager', 'us-east-1', 'secret:prod/db-password-a1B2c3');
const SECRET_TOKYO = arn('secretsmanager', 'ap-northeast-1', 'secret:prod/api-key-d4E5f6');
const VAULT = arn('backup', 'us-west-2', 'backup-vault:dr-vault');
const WORKGROUP = arn('athena', 'eu-west-1', 'workgroup/analysts');
const JOB = arn('glue', 'eu-west-1', 'job/nightly-etl');
const LEDGER = arn('qldb', 'ap-northeast-3', 'ledger/registry');
const DESKTOP = arn('workspaces', 'us-east-1', 'workspace/ws-f7g8h9j0k');
const CMK = 'mrk-1f2e3d4c5b6a49788796a5b4c3d2e1f0';

const items = [
  snapshotItem(
    'AWS::SecretsManager::Secret',
    SECRET_ABROAD,
    { ARN: SECRET_ABROAD, Name: 'prod/db-password', RotationEnabled: false, Deleted: false },
    { arn: SECRET_ABROAD, region: 'us-east-1', name: 'prod/db-password', tags: CLASS_1 },
  ),
  snapshotItem(
    'AWS::SecretsManager::Secret',
    SECRET_TOKYO,
    { ARN: SECRET_TOKYO, Name: 'prod/api-key', KMSKeyId: keyArn(CMK), RotationEnabled: true },
    { arn: SECRET_TOKYO, name: 'prod/api-key' },
  ),
  kmsKeyItem(CMK, { keyManager: 'CUSTOMER', keyState: 'Enabled', origin: 'AWS_KMS' }),
  snapshotItem(
    'AWS::Backup::BackupVault',
    'dr-vault',
    {
      BackupVaultName: 'dr-vault',
      BackupVaultArn: VAULT,
      EncryptionKeyArn: keyArn('0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', 'us-west-2'),
    },
    { arn: VAULT, region: 'us-west-2', name: 'dr-vault' },
  ),
  snapshotItem(
    'AWS::Athena::WorkGroup',
    'analysts',
    {
      Name: 'analysts',
      State: 'ENABLED',
      WorkGroupConfiguration: {
        EnforceWorkGroupConfiguration: true,
        ResultConfiguration: {
          OutputLocation: 's3://athena-results-eu/analysts/',
          EncryptionConfiguration: { EncryptionOption: 'SSE_KMS', KmsKey: 'alias/athena-results' },
        },
      },
    },
    { arn: WORKGROUP, region: 'eu-west-1', name: 'analysts', tags: CLASS_1 },
  ),
  snapshotItem(
    'AWS::Glue::Job',
    'nightly-etl',
    {
      Name: 'nightly-etl',
      Role: arn('iam', '', 'role/glue-etl'),
      Command: { Name: 'glueetl' },
      GlueVersion: '4.0',
    },
    { arn: JOB, region: 'eu-west-1', name: 'nightly-etl' },
  ),
  snapshotItem(
    'AWS::QLDB::Ledger',
    'registry',
    { ledgerName: 'registry', deletionProtection: true, state: { value: 'ACTIVE' } },
    { arn: LEDGER, region: 'ap-northeast-3', name: 'registry' },
  ),
  snapshotItem(
    'AWS::WorkSpaces::Workspace',
    'ws-f7g8h9j0k',
    {
      Id: 'ws-f7g8h9j0k',
      DirectoryId: 'd-9067a1b2c3',
      UserName: 'tanaka',
      BundleId: 'wsb-b0s22j3d7',
      RootVolumeEncryptionEnabled: false,
      UserVolumeEncryptionEnabled: true,
      VolumeEncryptionKey: 'alias/aws/workspaces',
    },
    { arn: DESKTOP, region: 'us-east-1', name: 'ws-f7g8h9j0k', tags: CLASS_1 },
  ),
];
const resources = readRecords(awsConfigSnapshotFormat, snapshotDocument(items));
const byId = (id: string) => resources.find((resource) => resource.id === id)!;

describe('AWS data-holding types', () => {
  it('reads each type as its kansa type, in the region of its item', () => {
    expect(
      [SECRET_ABROAD, VAULT, WORKGROUP, JOB, LEDGER, DESKTOP].map((id) => [
        byId(id).kansaType,
        byId(id).region,
      ]),
    ).toEqual([
      ['kms.vault', 'us-east-1'],
      ['compute.snapshot', 'us-west-2'],
      ['analytics.service', 'eu-west-1'],
      ['analytics.service', 'eu-west-1'],
      ['database.server', 'ap-northeast-3'],
      ['compute.vm', 'us-east-1'],
    ]);
  });

  it('fails each one abroad on the data location, and passes the domestic ones', () => {
    for (const id of [SECRET_ABROAD, VAULT, WORKGROUP, JOB, DESKTOP])
      expect([id, evaluate(dataInJapan, resources, id).status]).toEqual([id, 'FAIL']);
    expect(evaluate(dataInJapan, resources, LEDGER)).toMatchObject({ status: 'PASS', message: 'domestic' });
    expect(evaluate(dataInJapan, resources, SECRET_TOKYO)).toMatchObject({ status: 'PASS' });
  });

  it('a secret without KMSKeyId is under the AWS managed key: no LOC-3 relief', () => {
    expect(byId(SECRET_ABROAD).facts).toMatchObject({
      customerManagedKey: { source: 'default', value: false, path: 'configuration.KMSKeyId' },
    });
    expect(evaluate(dataInJapan, resources, SECRET_ABROAD).message).toBe('abroad');
  });

  it("a secret's key ARN is judged by the key's own item", () => {
    expect(byId(SECRET_TOKYO).facts).toMatchObject({
      kmsKeyId: { source: 'explicit', value: keyArn(CMK) },
      customerManagedKey: { source: 'unknown' },
    });
    expect(evaluate(cmkAtRest, resources, SECRET_TOKYO)).toMatchObject({
      status: 'PASS',
      message: 'customerKey',
    });
  });

  it('a Backup vault names its key by ARN: unknown without the key item', () => {
    expect(evaluate(cmkAtRest, resources, VAULT).status).toBe('UNKNOWN');
  });

  it("an Athena workgroup's results under a customer alias: LOC-3 lowers the severity", () => {
    expect(byId(WORKGROUP).facts).toMatchObject({ customerManagedKey: { source: 'explicit', value: true } });
    expect(evaluate(dataInJapan, resources, WORKGROUP)).toMatchObject({
      message: 'abroadWithCmk',
      severity: 'medium',
    });
  });

  it('a WorkSpace with its root volume unencrypted holds data under no customer key', () => {
    expect(byId(DESKTOP).facts).toMatchObject({
      encrypted: { value: false, path: 'configuration.RootVolumeEncryptionEnabled' },
      customerManagedKey: { source: 'explicit', value: false },
    });
  });

  it('no AWS check of another type runs on them (the secret is no KMS key, the ledger no RDS instance)', () => {
    for (const id of [SECRET_ABROAD, VAULT, WORKGROUP, JOB, LEDGER, DESKTOP])
      expect(
        awsChecks.filter((check) => appliesTo(check.meta, byId(id))).map((check) => check.meta.id),
      ).toEqual([]);
  });
});

describe('AWS ECR repositories (Config spells EncryptionConfiguration in CloudFormation case)', () => {
  const CLASS_2 = { confidentiality: '2' };
  const repository = (name: string, encryption: Record<string, unknown> | undefined) => {
    const arn = `arn:aws:ecr:ap-northeast-1:${ACCOUNT}:repository/${name}`;
    const configuration = {
      RepositoryName: name,
      Arn: arn,
      ...(encryption && { EncryptionConfiguration: encryption }),
    };
    return snapshotItem('AWS::ECR::Repository', name, configuration, { arn, name, tags: CLASS_2 });
  };
  const repositories = readRecords(
    awsConfigSnapshotFormat,
    snapshotDocument([
      kmsKeyItem(CMK, { keyManager: 'CUSTOMER', keyState: 'Enabled', origin: 'AWS_KMS' }),
      repository('with-cmk', { EncryptionType: 'KMS', KmsKey: keyArn(CMK) }),
      repository('aws-managed', { EncryptionType: 'KMS' }),
      repository('aes', { EncryptionType: 'AES256' }),
      repository('unsaid', undefined),
    ]),
  );
  const verdict = (name: string) =>
    evaluate(cmkAtRest, repositories, `arn:aws:ecr:ap-northeast-1:${ACCOUNT}:repository/${name}`).status;

  it("judges a repository's KMS key by the key's item; AES256 or KMS with no key named is AWS's key", () => {
    expect(['with-cmk', 'aws-managed', 'aes', 'unsaid'].map(verdict)).toEqual([
      'PASS',
      'FAIL',
      'FAIL',
      'UNKNOWN',
    ]);
  });
});

describe('AWS ElastiCache (AtRestEncryptionEnabled; the key is on the replication group)', () => {
  const CLASS_2 = { confidentiality: '2' };
  const arnOf = (kind: string, name: string) =>
    `arn:aws:elasticache:ap-northeast-1:${ACCOUNT}:${kind}:${name}`;
  const caches = readRecords(
    awsConfigSnapshotFormat,
    snapshotDocument([
      kmsKeyItem(CMK, { keyManager: 'CUSTOMER', keyState: 'Enabled', origin: 'AWS_KMS' }),
      snapshotItem(
        'AWS::ElastiCache::CacheCluster',
        'plain',
        { cacheClusterId: 'plain', atRestEncryptionEnabled: false },
        { arn: arnOf('cluster', 'plain'), tags: CLASS_2 },
      ),
      snapshotItem(
        'AWS::ElastiCache::CacheCluster',
        'member',
        { cacheClusterId: 'member', replicationGroupId: 'group', atRestEncryptionEnabled: true },
        { arn: arnOf('cluster', 'member'), tags: CLASS_2 },
      ),
      snapshotItem(
        'AWS::ElastiCache::ReplicationGroup',
        'group',
        { ReplicationGroupId: 'group', AtRestEncryptionEnabled: true, KmsKeyId: keyArn(CMK) },
        { arn: arnOf('replicationgroup', 'group'), tags: CLASS_2 },
      ),
    ]),
  );
  const verdict = (arn: string) => evaluate(cmkAtRest, caches, arn).status;

  it('fails a cluster without at-rest encryption; a member cluster is unknown, its group judged by its key', () => {
    expect(
      [arnOf('cluster', 'plain'), arnOf('cluster', 'member'), arnOf('replicationgroup', 'group')].map(
        verdict,
      ),
    ).toEqual(['FAIL', 'UNKNOWN', 'PASS']);
  });
});
