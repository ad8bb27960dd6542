import { expect } from 'vitest';
import { assetExport, configSnapshot, jsonFile, searchAllResources } from '../../../helpers/exports.ts';
import { type AnyCase, byVerdict, type RuleTests } from '../../../helpers/rule-tester.ts';
import { ACCOUNT, keyArn, kmsKeyItem, REGION, snapshotItem } from '../../../sources/aws/builders.ts';
import { resourceRecord } from '../../../sources/gcp/records.ts';
import { classAfterApplyCase } from './planned.ts';
import { dbArn, WITHOUT_TAGS } from './queried.ts';
import { ACCOUNTS, id } from './storage.ts';
import { DESCRIBE_TABLE, TABLE } from './untagged-answers.ts';

const VM =
  '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-app/providers/Microsoft.Compute/virtualMachines/vm-app';
const DES =
  '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-app/providers/Microsoft.Compute/diskEncryptionSets/des-app';

const GCE = '//compute.googleapis.com/projects/p/zones/asia-northeast1-b/instances/vm-app';
const KMS_KEY = 'projects/p/locations/asia-northeast1/keyRings/r/cryptoKeys/k';

const table = [
  ['stpublicdocs', 'NOT_APPLICABLE', 'notClassified'], // class 1
  ['stjumin', 'PASS', 'customerKey'],
  ['stzeimu', 'FAIL', 'providerKey'], // untagged: the default class 2
  ['stkimitsu3', 'PASS', 'customerKey'],
  ['stroman', 'UNKNOWN', 'classUnreadable'],
] as const;

const cases: AnyCase[] = [
  ...table.map(([name, status, messageId]) => ({
    name,
    records: [ACCOUNTS],
    target: id(name),
    status,
    messageId,
  })),
  {
    name: 'an absent encryption setting is the platform key by default: FAIL with the default as evidence',
    records: [ACCOUNTS],
    target: id('stprojected'),
    status: 'FAIL',
    messageId: 'providerKey',
    assert: (result) => expect(result.evidence[1]?.source).toBe('default'),
  },
  {
    name: 'a platform-key account tagged C2 where the default class is 1',
    records: [ACCOUNTS],
    target: id('stclassc2'),
    params: { classification: { tagKey: 'confidentiality', default: 1 } },
    status: 'FAIL',
    messageId: 'providerKey',
  },
  {
    name: 'a platform-key account whose class tag names no class, where the default class is 1',
    records: [ACCOUNTS],
    target: id('stsecretword'),
    params: { classification: { tagKey: 'confidentiality', default: 1 } },
    status: 'UNKNOWN',
    messageId: 'classUnreadable',
  },
  {
    name: 'follows the configured default class for untagged resources',
    records: [ACCOUNTS],
    target: id('stzeimu'),
    params: { classification: { tagKey: 'confidentiality', default: 1 } },
    status: 'NOT_APPLICABLE',
    messageId: 'notClassified',
  },
  {
    name: 'a search summary of a bucket: the key is not in the export',
    records: [
      searchAllResources([
        {
          name: '//storage.googleapis.com/b',
          assetType: 'storage.googleapis.com/Bucket',
          project: 'projects/4',
          location: 'asia-northeast1',
        },
      ]),
    ],
    status: 'UNKNOWN',
    messageId: 'unknown',
  },
  // AWS Config records a DynamoDB table's SSEDescription with its acronyms folded to lower case
  // (awslabs/aws-config-resource-schema AWS::DynamoDB::Table: `ssedescription.ssetype`,
  // `kmsmasterKeyArn`); no `ssedescription` is the AWS owned key DynamoDB uses by default.
  {
    name: 'a DynamoDB table in a Config snapshot without ssedescription: the AWS owned key',
    records: [configSnapshot([dynamoDbItem('orders', {})])],
    status: 'FAIL',
    messageId: 'providerKey',
    assert: (result) =>
      expect(result.evidence[1]).toMatchObject({ source: 'default', path: 'configuration.SSEDescription' }),
  },
  {
    name: 'a DynamoDB table in a Config snapshot with a KMS key: its ARN alone does not tell who manages it',
    records: [
      configSnapshot([
        dynamoDbItem('orders', {
          ssedescription: { status: 'ENABLED', ssetype: 'KMS', kmsmasterKeyArn: keyArn('4a1b') },
        }),
      ]),
    ],
    status: 'UNKNOWN',
    messageId: 'unknown',
    assert: (result) =>
      expect(result.evidence[1]).toMatchObject({ path: 'configuration.SSEDescription.KMSMasterKeyArn' }),
  },
  ...(['CUSTOMER', 'AWS'] as const).map(
    (keyManager): AnyCase => ({
      name: `a DynamoDB table whose key ARN names a key the snapshot holds (keyManager ${keyManager})`,
      records: [
        configSnapshot([
          dynamoDbItem('orders', {
            ssedescription: { status: 'ENABLED', ssetype: 'KMS', kmsmasterKeyArn: keyArn('4a1b') },
          }),
          kmsKeyItem('4a1b', { keyManager }),
        ]),
      ],
      target: tableArn('orders'),
      status: keyManager === 'CUSTOMER' ? 'PASS' : 'FAIL',
      messageId: keyManager === 'CUSTOMER' ? 'customerKey' : 'providerKey',
      assert: (result) =>
        expect(result.evidence[2]).toMatchObject({
          path: 'configuration.keyManager',
          value: keyManager,
          resourceId: keyArn('4a1b'),
        }),
    }),
  ),
  {
    // `aws dynamodb describe-table` (botocore dynamodb service-2.json SSEDescription), which
    // prints no tags: Resource Explorer's search answer gives the table's (class 2).
    name: 'describe-table output with SSE disabled: the AWS owned key',
    records: [
      jsonFile({
        Table: {
          TableName: 'orders',
          TableArn: tableArn('orders'),
          TableStatus: 'ACTIVE',
          SSEDescription: { Status: 'DISABLED' },
        },
      }),
      jsonFile(
        {
          Resources: [
            {
              Arn: tableArn('orders'),
              OwningAccountId: ACCOUNT,
              Region: REGION,
              ResourceType: 'dynamodb:table',
              Service: 'dynamodb',
              LastReportedAt: '2026-11-30T09:00:00Z',
              Properties: [
                {
                  Name: 'tags',
                  LastReportedAt: '2026-11-30T09:00:00Z',
                  Data: [{ Key: 'confidentiality', Value: '2' }],
                },
              ],
            },
          ],
        },
        'resource-explorer-search.json',
      ),
    ],
    status: 'FAIL',
    messageId: 'providerKey',
  },
  // awslabs/aws-config-resource-schema: AWS::Redshift::Cluster `configuration.{encrypted,
  // kmsKeyId, publiclyAccessible}`; AWS::OpenSearch::Domain `configuration.EncryptionAtRestOptions
  // .{Enabled, KmsKeyId}` (CloudFormation's casing); AWS::Elasticsearch::Domain the same in lower camel case.
  {
    name: 'an unencrypted Redshift cluster in a Config snapshot',
    records: [configSnapshot([redshiftItem(false)])],
    status: 'FAIL',
    messageId: 'providerKey',
    assert: (result) => expect(result.evidence[1]).toMatchObject({ path: 'configuration.encrypted' }),
  },
  {
    name: 'an OpenSearch domain without encryption at rest (CloudFormation casing)',
    records: [
      configSnapshot([
        searchDomainItem('AWS::OpenSearch::Domain', { EncryptionAtRestOptions: { Enabled: false } }),
      ]),
    ],
    status: 'FAIL',
    messageId: 'providerKey',
  },
  {
    name: 'an Elasticsearch domain encrypted with a customer alias (lower camel case)',
    records: [
      configSnapshot([
        searchDomainItem('AWS::Elasticsearch::Domain', {
          encryptionAtRestOptions: {
            enabled: true,
            kmsKeyId: `arn:aws:kms:${REGION}:${ACCOUNT}:alias/city-search`,
          },
        }),
      ]),
    ],
    status: 'PASS',
    messageId: 'customerKey',
  },
  // An ARM virtual machine (Resource Graph / `az vm list`): its OS disk's key, from the disk
  // encryption set on the managed disk (Microsoft.Compute virtualMachines API: OSDisk.managedDisk).
  ...(
    [
      ['a disk encryption set', { diskEncryptionSet: { id: DES } }, 'PASS', 'customerKey'],
      [
        'a confidential VM’s disk encryption set',
        { securityProfile: { diskEncryptionSet: { id: DES } } },
        'PASS',
        'customerKey',
      ],
      [
        'no disk encryption set: the platform key',
        { storageAccountType: 'Premium_LRS' },
        'FAIL',
        'providerKey',
      ],
    ] as const
  ).map(
    ([what, managedDisk, status, messageId]): AnyCase => ({
      name: `an Azure VM whose managed OS disk has ${what}`,
      records: [jsonFile({ value: [azureVm({ managedDisk: { id: `${VM}/disks/os`, ...managedDisk } })] })],
      status,
      messageId,
      assert: (result) =>
        expect(result.evidence[1]?.path).toMatch(/^properties\.storageProfile\.osDisk\.managedDisk\./),
    }),
  ),
  {
    name: 'an Azure VM on an unmanaged OS disk (a VHD in a storage account): its key is the account’s',
    records: [
      jsonFile({ value: [azureVm({ vhd: { uri: 'https://stvhds.blob.core.windows.net/vhds/os.vhd' } })] }),
    ],
    status: 'UNKNOWN',
    messageId: 'unknown',
  },
  // A Compute Engine instance in a Cloud Asset export: its boot disk's key (REST Instance
  // `disks[].diskEncryptionKey`, as gcloud compute instances describe prints it).
  ...(
    [
      ['a Cloud KMS key', { kmsKeyName: `${KMS_KEY}/cryptoKeyVersions/1` }, 'PASS', 'customerKey'],
      ['no key: Google’s own', undefined, 'FAIL', 'providerKey'],
    ] as const
  ).map(
    ([what, diskEncryptionKey, status, messageId]): AnyCase => ({
      name: `a Compute Engine instance whose boot disk has ${what}`,
      records: [
        assetExport([
          resourceRecord(
            GCE,
            'compute.googleapis.com/Instance',
            {
              name: 'vm-app',
              disks: [
                {
                  boot: true,
                  deviceName: 'persistent-disk-0',
                  ...(diskEncryptionKey && { diskEncryptionKey }),
                },
                { boot: false, deviceName: 'data', diskEncryptionKey: { kmsKeyName: KMS_KEY } },
              ],
            },
            'asia-northeast1-b',
          ),
        ]),
      ],
      status,
      messageId,
      assert: (result) =>
        expect(result.evidence[1]?.path).toMatch(/^resource\.data\.disks\[0\]\.diskEncryptionKey/),
    }),
  ),
  {
    name: 'a Compute Engine instance whose record lists no disks',
    records: [
      assetExport([
        resourceRecord(GCE, 'compute.googleapis.com/Instance', { name: 'vm-app' }, 'asia-northeast1-b'),
      ]),
    ],
    status: 'UNKNOWN',
    messageId: 'unknown',
  },
  {
    // describe-table carries no tags (list-tags-of-resource does): an AWS owned key is a
    // failure only at class 2 and above, and the class is not in the answer.
    name: 'a DynamoDB table only describe-table shows: the class is not known',
    records: [DESCRIBE_TABLE],
    target: TABLE,
    status: 'UNKNOWN',
    messageId: 'classTagUnknown',
    evidence: [{ source: 'unknown', path: 'tags.confidentiality' }],
  },
];

function azureVm(osDisk: Record<string, unknown>) {
  return {
    id: VM,
    name: 'vm-app',
    type: 'Microsoft.Compute/virtualMachines',
    location: 'japaneast',
    properties: {
      hardwareProfile: { vmSize: 'Standard_D2s_v5' },
      storageProfile: { osDisk: { osType: 'Linux', name: 'os', createOption: 'FromImage', ...osDisk } },
    },
  };
}

function redshiftItem(encrypted: boolean) {
  const arn = `arn:aws:redshift:${REGION}:${ACCOUNT}:cluster:corpus-dwh`;
  return snapshotItem(
    'AWS::Redshift::Cluster',
    'corpus-dwh',
    {
      clusterIdentifier: 'corpus-dwh',
      nodeType: 'ra3.xlplus',
      encrypted,
      publiclyAccessible: true,
      clusterStatus: 'available',
    },
    { arn, name: 'corpus-dwh' },
  );
}

function searchDomainItem(resourceType: string, configuration: Record<string, unknown>) {
  const arn = `arn:aws:es:${REGION}:${ACCOUNT}:domain/city-search`;
  return snapshotItem(
    resourceType,
    `${ACCOUNT}/city-search`,
    { DomainName: 'city-search', ...configuration },
    { arn, name: 'city-search' },
  );
}

function tableArn(name: string): string {
  return `arn:aws:dynamodb:${REGION}:${ACCOUNT}:table/${name}`;
}

function dynamoDbItem(name: string, configuration: Record<string, unknown>) {
  return snapshotItem(
    'AWS::DynamoDB::Table',
    name,
    {
      tableName: name,
      tableArn: tableArn(name),
      tableStatus: 'ACTIVE',
      tableId: '5f0e2c1a-0000-4000-8000-000000000001',
      keySchema: [{ attributeName: 'id', keyType: 'HASH' }],
      billingModeSummary: { billingMode: 'PAY_PER_REQUEST' },
      ...configuration,
    },
    { arn: tableArn(name), name },
  );
}

cases.push({
  // A Config query that did not SELECT tags: the class is unknown, never the default.
  name: 'a Config query row, its query SELECTing no tags',
  records: [WITHOUT_TAGS],
  target: dbArn('untold'),
  status: 'UNKNOWN',
  messageId: 'classTagUnknown',
});

export default byVerdict([...cases, classAfterApplyCase]) satisfies RuleTests;
