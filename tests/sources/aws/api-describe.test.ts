import { describe, expect, it } from 'vitest';
import dataInJapan from '../../../src/checks/common/location/data-in-japan.ts';
import type { Resource } from '../../../src/model/resource.ts';
import { Inventory } from '../../../src/scan/inventory.ts';
import { awsApiDescribeFormat } from '../../../src/sources/aws/api-describe.ts';
import { INPUT_FORMATS } from '../../../src/sources/index.ts';
import { evaluate } from '../../helpers/checks.ts';
import { ACCOUNT } from './builders.ts';

// The services' own describe output (aws … describe-*, SDK recordings such as Cloud Custodian's
// placebo data): PascalCase or camelCase members, fields left out when not set.
function read(document: unknown, file = 'describe.json') {
  const skipped: string[] = [];
  const resources = [
    ...awsApiDescribeFormat.read(document, { file, skip: (reason) => skipped.push(reason) }),
  ] as Resource<Record<string, unknown>>[];
  return { resources, skipped };
}

const dbArn = `arn:aws:rds:ap-northeast-1:${ACCOUNT}:db:orders`;
const instances = {
  DBInstances: [
    {
      DBInstanceIdentifier: 'orders',
      DBInstanceArn: dbArn,
      DbiResourceId: 'db-ORDERS',
      PubliclyAccessible: true,
      StorageEncrypted: false,
      BackupRetentionPeriod: 7,
      AvailabilityZone: 'ap-northeast-1a',
    },
  ],
};

describe('aws-api-describe', () => {
  it.each([
    ['describe-db-instances', instances],
    [
      'describe-trails',
      { trailList: [{ Name: 't', TrailARN: `arn:aws:cloudtrail:ap-northeast-1:${ACCOUNT}:trail/t` }] },
    ],
    ['describe-key', { KeyMetadata: { KeyId: 'k', Arn: `arn:aws:kms:ap-northeast-1:${ACCOUNT}:key/k` } }],
    [
      'list-secrets',
      {
        SecretList: [{ ARN: `arn:aws:secretsmanager:ap-northeast-1:${ACCOUNT}:secret:s-a1B2c3`, Name: 's' }],
      },
    ],
    [
      'list-backup-vaults',
      {
        BackupVaultList: [
          { BackupVaultName: 'v', BackupVaultArn: `arn:aws:backup:ap-northeast-1:${ACCOUNT}:backup-vault:v` },
        ],
      },
    ],
  ])('is chosen for %s output', (_what, document) => {
    expect(INPUT_FORMATS.find((f) => f.kind === 'document' && f.matches(document))?.id).toBe(
      'aws-api-describe',
    );
  });

  // A dump keeps one answer per command and Region: where the account has none, the CLI prints
  // the member with no entries (`aws ec2 describe-flow-logs` → {"FlowLogs": []}).
  it.each([
    [{ FlowLogs: [] }],
    [{ DBInstances: [] }],
    [{ trailList: [] }],
    [{ Reservations: [] }],
    [{ SecurityGroups: [], NextToken: null }],
    [{ Volumes: [] }],
  ])('reads an empty listing, %j, as none: no resource and nothing skipped', (document) => {
    expect(INPUT_FORMATS.find((f) => f.kind === 'document' && f.matches(document))?.id).toBe(
      'aws-api-describe',
    );
    expect(read(document)).toEqual({ resources: [], skipped: [] });
  });

  it.each([[{ Widgets: [] }], [{ FlowLogs: [], Unprocessed: [] }], [{ FlowLogs: {} }]])(
    'does not take %j for an empty listing',
    (document) => {
      expect(awsApiDescribeFormat.matches(document)).toBe(false);
    },
  );

  // `aws rds describe-db-instances --query DBInstances` (AWS CLI user guide, "Filter output with
  // --query"): the entries alone, a JSON array; a projection may keep some fields only.
  it('reads the entries alone by their ARN and id, what they leave out unknown', () => {
    const entries = instances.DBInstances.map(({ StorageEncrypted: _, ...entry }) => entry);
    expect(INPUT_FORMATS.find((f) => f.kind === 'document' && f.matches(entries))?.id).toBe(
      'aws-api-describe',
    );
    expect(read(entries).resources).toMatchObject([
      {
        id: dbArn,
        facts: {
          publiclyAccessible: { source: 'explicit', value: true },
          encrypted: { source: 'unknown' },
          enabledLogExports: { source: 'unknown' },
        },
      },
    ]);
    // Without its ARN an entry alone names no API.
    expect(awsApiDescribeFormat.matches([{ DBInstanceIdentifier: 'orders', PubliclyAccessible: true }])).toBe(
      false,
    );
  });

  it('does not take an object without its ARN for a resource', () => {
    expect(awsApiDescribeFormat.matches({ cluster: { name: 'web' } })).toBe(false);
    expect(awsApiDescribeFormat.matches({ Table: { TableName: 't' } })).toBe(false);
  });

  it('reads each entry as a configuration item of its type, account and region from the ARN', () => {
    const { resources, skipped } = read(instances);
    expect(skipped).toEqual([]);
    expect(resources[0]).toMatchObject({
      id: dbArn,
      account: ACCOUNT,
      region: 'ap-northeast-1',
      nativeType: 'AWS::RDS::DBInstance',
      facts: {
        publiclyAccessible: { source: 'explicit', value: true },
        encrypted: { source: 'explicit', value: false },
        // The API leaves the list out when no log is exported.
        enabledLogExports: { source: 'default', value: [] },
      },
    });
  });

  it('reads EKS logging groups and security group ranges as the API writes them', () => {
    const eks = read({
      cluster: {
        name: 'web',
        arn: `arn:aws:eks:ap-northeast-1:${ACCOUNT}:cluster/web`,
        logging: {
          clusterLogging: [
            { types: ['api', 'audit'], enabled: true },
            { types: ['scheduler'], enabled: false },
          ],
        },
      },
    });
    expect(eks.resources[0]?.facts).toMatchObject({ enabledLogTypes: { value: ['api', 'audit'] } });
    const groups = read({
      SecurityGroups: [
        {
          GroupId: 'sg-1',
          OwnerId: ACCOUNT,
          SecurityGroupArn: `arn:aws:ec2:ap-northeast-1:${ACCOUNT}:security-group/sg-1`,
          IpPermissions: [
            { IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '0.0.0.0/0' }] },
          ],
        },
        { GroupId: 'sg-2', OwnerId: ACCOUNT, IpPermissions: [] },
      ],
    });
    expect(groups.resources[0]?.facts).toMatchObject({
      ipIngress: { value: [{ protocol: 'tcp', fromPort: 22, toPort: 22, source: '0.0.0.0/0' }] },
    });
    expect(groups.skipped).toEqual([
      expect.stringContaining('sg-2: no Region: aws ec2 describe-security-groups names none'),
    ]);
  });

  it('reads every member of get-account-authorization-details, named as IAM names them', () => {
    const { resources } = read({
      UserDetailList: [
        {
          UserName: 'alice',
          UserId: 'AIDA1',
          Arn: `arn:aws:iam::${ACCOUNT}:user/alice`,
          GroupList: ['admins'],
        },
      ],
      GroupDetailList: [
        { GroupName: 'admins', GroupId: 'AGPA1', Arn: `arn:aws:iam::${ACCOUNT}:group/admins` },
      ],
      RoleDetailList: [
        {
          RoleName: 'open',
          RoleId: 'AROA1',
          Arn: `arn:aws:iam::${ACCOUNT}:role/open`,
          AssumeRolePolicyDocument: encodeURIComponent(
            JSON.stringify({
              Statement: [{ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'sts:AssumeRole' }],
            }),
          ),
        },
      ],
      Policies: [],
      IsTruncated: false,
    });
    expect(resources.map((r) => [r.nativeType, r.name, r.region])).toEqual([
      ['AWS::IAM::User', 'alice', 'global'],
      ['AWS::IAM::Group', 'admins', 'global'],
      ['AWS::IAM::Role', 'open', 'global'],
      ['AWS::::Account', ACCOUNT, 'global'],
      ['AWS::::Account', ACCOUNT, 'global'],
    ]);
    // The answer's last page lists the account's roles and users whole.
    expect(resources.slice(-2).map((r) => r.facts)).toEqual([
      { iamRolesListed: { value: true, source: 'explicit', path: 'RoleDetailList' } },
      { iamUsersListed: { value: true, source: 'explicit', path: 'UserDetailList' } },
    ]);
  });

  // The SDKs leave an empty list out of the answer: a real account's dump (salesforce/cloudsplaining
  // examples/files/example.json) has users with no `UserPolicyList`, a role with no `Tags`. An entry
  // of the answer is the principal whole, so a list it lacks is empty; an entry with none of its
  // detail lists (a --query projection of names) says nothing of them.
  it('reads a policy list a get-account-authorization-details entry leaves out as empty', () => {
    const { resources } = read({
      UserDetailList: [
        {
          UserName: 'obama',
          UserId: 'AIDA1',
          Arn: `arn:aws:iam::${ACCOUNT}:user/obama`,
          AttachedManagedPolicies: [
            { PolicyName: 'ReadOnlyAccess', PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' },
          ],
        },
        { UserName: 'projected', UserId: 'AIDA2', Arn: `arn:aws:iam::${ACCOUNT}:user/projected` },
      ],
      GroupDetailList: [
        {
          GroupName: 'empty',
          GroupId: 'AGPA1',
          Arn: `arn:aws:iam::${ACCOUNT}:group/empty`,
          GroupPolicyList: [],
        },
      ],
      RoleDetailList: [
        {
          RoleName: 'app',
          RoleId: 'AROA1',
          Arn: `arn:aws:iam::${ACCOUNT}:role/app`,
          RolePolicyList: [],
          InstanceProfileList: [],
        },
      ],
      Policies: [],
    });
    const facts = (name: string) => resources.find((r) => r.name === name)?.facts ?? {};
    expect(facts('obama')).toMatchObject({
      fullAdminInlinePolicies: { source: 'explicit', value: [] },
      groups: { source: 'explicit', value: [] },
    });
    expect(facts('empty')['attachedPolicyArns']).toMatchObject({ source: 'explicit', value: [] });
    expect(facts('app')['attachedPolicyArns']).toMatchObject({ source: 'explicit', value: [] });
    expect(facts('projected')['fullAdminInlinePolicies']).toMatchObject({ source: 'unknown' });
    expect(facts('projected')['groups']).toMatchObject({ source: 'unknown' });
  });

  it('skips what it cannot read of get-account-authorization-details, saying why: a member or an entry of another type', () => {
    const { resources, skipped } = read({
      UserDetailList: [
        { UserName: 'alice', UserId: 'AIDA1', Arn: `arn:aws:iam::${ACCOUNT}:user/alice` },
        true,
      ],
      RoleDetailList: { 0: { RoleName: 'open', RoleId: 'AROA1', Arn: `arn:aws:iam::${ACCOUNT}:role/open` } },
      IsTruncated: false,
    });
    expect(resources.map((r) => r.name)).toEqual(['alice']);
    expect(skipped).toEqual([
      'RoleDetailList: not a list (expected a list of its entries)',
      'UserDetailList: an entry that is not an object (expected AWS::IAM::User)',
    ]);
  });

  // `aws iam get-account-authorization-details` (botocore iam service-2.json ManagedPolicyDetail):
  // `PolicyVersionList[].{Document, VersionId, IsDefaultVersion}`, the CLI printing each document
  // as JSON; the raw Query API answer leaves it URL-encoded, as Config does.
  it('reads what the default version of a managed policy allows', () => {
    const policy = (name: string, documents: unknown[], defaultVersionId: string) => ({
      PolicyName: name,
      PolicyId: `ANPA${name.toUpperCase()}`,
      Arn: `arn:aws:iam::${ACCOUNT}:policy/${name}`,
      DefaultVersionId: defaultVersionId,
      AttachmentCount: 1,
      IsAttachable: true,
      PolicyVersionList: documents.map((document, index) => ({
        Document: document,
        VersionId: `v${index + 1}`,
        IsDefaultVersion: `v${index + 1}` === defaultVersionId,
      })),
    });
    const admin = { Version: '2012-10-17', Statement: { Effect: 'Allow', Action: '*', Resource: '*' } };
    const reader = {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 'ec2:Describe*', Resource: '*' }],
    };
    const { resources } = read({
      UserDetailList: [],
      GroupDetailList: [],
      RoleDetailList: [],
      Policies: [
        policy('everything', [reader, admin], 'v2'),
        policy('encoded', [encodeURIComponent(JSON.stringify(admin, null, 1)).replaceAll('%20', '+')], 'v1'),
        policy('rolled-back', [reader, admin], 'v1'),
      ],
    });
    expect(resources.map((r) => [r.name, r.kansaType, r.facts['fullAdminStatements']])).toEqual([
      ['everything', 'iam.policy', expect.objectContaining({ source: 'explicit', value: ['Statement[0]'] })],
      ['encoded', 'iam.policy', expect.objectContaining({ source: 'explicit', value: ['Statement[0]'] })],
      ['rolled-back', 'iam.policy', expect.objectContaining({ source: 'explicit', value: [] })],
    ]);
  });

  // aws/aws-cli awscli/examples/iam/{get-role,list-roles,get-user,list-users,get-group}.rst
  // (botocore iam service-2.json Role, User, Group): the principals alone, a role with its trust
  // policy, as JSON (the CLI) or URL-encoded (the Query API).
  it('reads get-role, list-roles, get-user, list-users and get-group output', () => {
    const trust = {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'sts:AssumeRole' }],
    };
    const role = (name: string, document: unknown) => ({
      Path: '/',
      RoleName: name,
      RoleId: `AROA${name.toUpperCase()}`,
      Arn: `arn:aws:iam::${ACCOUNT}:role/${name}`,
      CreateDate: '2025-11-13T16:45:56Z',
      AssumeRolePolicyDocument: document,
      MaxSessionDuration: 3600,
    });
    const roles = read({ Roles: [role('open', trust)] });
    const one = read({ Role: role('encoded', encodeURIComponent(JSON.stringify(trust))) });
    for (const { resources } of [roles, one]) {
      expect(resources[0]).toMatchObject({
        kansaType: 'iam.role',
        region: 'global',
        facts: { trustedAccounts: { source: 'explicit', value: ['*'] } },
      });
    }
    // list-roles lists the account's roles; get-role names one.
    const listed = (resources: readonly Resource[]) =>
      resources.filter((r) => r.kansaType === 'account').map((r) => r.facts);
    expect(listed(roles.resources)).toEqual([
      { iamRolesListed: { value: true, source: 'explicit', path: 'Roles' } },
    ]);
    expect(listed(one.resources)).toEqual([]);
    // A page with a next one lists some of them.
    expect(listed(read({ Roles: [role('open', trust)], IsTruncated: true, Marker: 'm' }).resources)).toEqual(
      [],
    );
    const user = {
      Path: '/',
      UserName: 'adele',
      UserId: 'AIDAADELE',
      Arn: `arn:aws:iam::${ACCOUNT}:user/adele`,
      CreateDate: '2025-01-01T00:00:00Z',
    };
    expect(read({ Users: [user] }).resources.map((r) => [r.kansaType, r.name])).toEqual([
      ['iam.user', 'adele'],
      ['account', ACCOUNT],
    ]);
    // An account may have no user: list-users answering none, in the account's folder, lists them.
    expect(
      listed(read({ Users: [], IsTruncated: false }, `${ACCOUNT}/iam/list-users.json`).resources),
    ).toEqual([{ iamUsersListed: { value: true, source: 'explicit', path: 'Users' } }]);
    expect(listed(read({ Users: [] }).resources)).toEqual([]);
    expect(read({ User: user }).resources.map((r) => r.name)).toEqual(['adele']);
    const group = {
      Path: '/',
      GroupName: 'Admins',
      GroupId: 'AGPAADMINS',
      Arn: `arn:aws:iam::${ACCOUNT}:group/Admins`,
      CreateDate: '2025-01-01T00:00:00Z',
    };
    expect(
      read({ Group: group, Users: [user], IsTruncated: false }).resources.map((r) => r.nativeType),
    ).toEqual(['AWS::IAM::Group', 'AWS::IAM::User']);
  });

  // aws/aws-cli awscli/examples/lambda/get-function-configuration.rst: the configuration without
  // get-function's wrapper, its ARN carrying the version asked for.
  // The describe outputs carry the resource's tags in the entry, each API in its own spelling
  // (aws/aws-cli awscli/examples/rds/describe-db-instances.rst `TagList`, ec2/describe-instances.rst
  // and iam/get-role.rst `Tags: [{Key, Value}]`, eks/describe-cluster.rst `tags` as a map,
  // lambda/get-function.rst `Tags` as a map beside `Configuration`): the classification tag a
  // CLS check reads is among them.
  it('reads the tags each API lists with the entry, in its own spelling', () => {
    const classified = (document: unknown) => read(document).resources.map((resource) => resource.tags);
    expect(
      classified({
        DBInstances: [{ ...instances.DBInstances[0], TagList: [{ Key: 'confidentiality', Value: '3' }] }],
      }),
    ).toEqual([{ confidentiality: '3' }]);
    expect(
      classified({
        Reservations: [
          {
            OwnerId: ACCOUNT,
            Instances: [
              {
                InstanceId: 'i-0abc',
                Placement: { AvailabilityZone: 'ap-northeast-1a' },
                Tags: [
                  { Key: 'Name', Value: 'web' },
                  { Key: 'confidentiality', Value: '2' },
                ],
              },
            ],
          },
        ],
      }),
    ).toEqual([{ Name: 'web', confidentiality: '2' }]);
    expect(
      classified({
        cluster: {
          name: 'web',
          arn: `arn:aws:eks:ap-northeast-1:${ACCOUNT}:cluster/web`,
          tags: { confidentiality: '3', team: 'platform' },
        },
      }),
    ).toEqual([{ confidentiality: '3', team: 'platform' }]);
    expect(
      classified({
        Configuration: {
          FunctionName: 'orders',
          FunctionArn: `arn:aws:lambda:ap-northeast-1:${ACCOUNT}:function:orders`,
          Runtime: 'nodejs22.x',
        },
        Code: { RepositoryType: 'S3' },
        Tags: { confidentiality: '3' },
      }),
    ).toEqual([{ confidentiality: '3' }]);
  });

  // botocore's output shapes (secretsmanager DescribeSecretResponse, redshift Cluster, es
  // ElasticsearchDomainStatus / opensearch DomainStatus, fsx FileSystem), as Cloud Custodian's
  // placebo data records them.
  it('reads describe-secret, whose answer is the secret itself, and not the create or delete answers', () => {
    const arn = `arn:aws:secretsmanager:ap-northeast-1:${ACCOUNT}:secret:db-AbCdEf`;
    expect(
      read({ ARN: arn, Name: 'db', LastChangedDate: '2025-02-03T04:05:06Z', VersionIdsToStages: {} })
        .resources,
    ).toMatchObject([
      {
        id: arn,
        name: 'db',
        nativeType: 'AWS::SecretsManager::Secret',
        // No KmsKeyId: the AWS managed key.
        facts: { customerManagedKey: { source: 'default', value: false } },
      },
    ]);
    for (const answer of [
      { ARN: arn, Name: 'db', VersionId: '9d8c7b6a' },
      { ARN: arn, Name: 'db', DeletionDate: '2025-03-01T00:00:00Z' },
      { ARN: arn, Name: 'db', Versions: [{ VersionId: '9d8c7b6a', VersionStages: ['AWSCURRENT'] }] },
      { ARN: arn, Name: 'db' },
      { ARN: `arn:aws:sns:ap-northeast-1:${ACCOUNT}:topic`, Name: 'topic' },
    ])
      expect(awsApiDescribeFormat.matches(answer)).toBe(false);
  });

  it('reads describe-clusters of Redshift, the cluster ARN made from its namespace ARN', () => {
    const { resources, skipped } = read({
      Clusters: [
        {
          ClusterIdentifier: 'warehouse',
          AvailabilityZone: 'ap-northeast-1a',
          PubliclyAccessible: true,
          Encrypted: false,
          ClusterNamespaceArn: `arn:aws:redshift:ap-northeast-1:${ACCOUNT}:namespace:2f1e0d9c-8b7a-4c6d`,
        },
        { ClusterIdentifier: 'old', AvailabilityZone: 'ap-northeast-1a', Encrypted: true },
      ],
    });
    expect(resources).toMatchObject([
      {
        id: `arn:aws:redshift:ap-northeast-1:${ACCOUNT}:cluster:warehouse`,
        account: ACCOUNT,
        region: 'ap-northeast-1',
        facts: { reachableFromInternet: { source: 'explicit', value: true } },
      },
    ]);
    expect(skipped).toEqual([
      'AWS::Redshift::Cluster old: no account: aws redshift describe-clusters names none; saved as <account>/<region>/describe-clusters.json, it is read',
    ]);
  });

  it('reads describe-snapshots of EBS, describe-repositories of ECR, describe-workspaces, kafka list-clusters and Kinesis streams', () => {
    const placed = (document: unknown) =>
      [
        ...awsApiDescribeFormat.read(document, {
          file: `${ACCOUNT}/ap-northeast-1/answer.json`,
          skip: (reason) => {
            throw new Error(reason);
          },
        }),
      ] as Resource<Record<string, unknown>>[];
    expect(
      placed({
        Snapshots: [
          { SnapshotId: 'snap-1', VolumeId: 'vol-1', OwnerId: ACCOUNT, Encrypted: false, State: 'completed' },
        ],
      }),
    ).toMatchObject([
      {
        nativeType: 'AWS::EC2::Snapshot',
        region: 'ap-northeast-1',
        facts: { encrypted: { source: 'explicit', value: false } },
      },
    ]);
    // Without --owner-ids self, every public snapshot is listed: another owner's is not read.
    const listed = [
      ...awsApiDescribeFormat.read(
        {
          Snapshots: [
            { SnapshotId: 'snap-own', VolumeId: 'vol-1', OwnerId: ACCOUNT, Encrypted: true },
            { SnapshotId: 'snap-public', VolumeId: 'vol-2', OwnerId: '999988887777', Encrypted: false },
            { SnapshotId: 'snap-amazon', VolumeId: 'vol-3', OwnerId: '801119661308', OwnerAlias: 'amazon' },
          ],
        },
        { file: `${ACCOUNT}/ap-northeast-1/describe-snapshots.json`, skip: () => {} },
      ),
    ];
    expect(listed.map((resource) => resource.account)).toEqual([ACCOUNT]);
    // ElastiCache's snapshots have no VolumeId; CodeCommit's repositories no repositoryArn.
    expect(
      awsApiDescribeFormat.matches({ Snapshots: [{ SnapshotName: 'nightly', CacheClusterId: 'c' }] }),
    ).toBe(false);
    expect(
      awsApiDescribeFormat.matches({ repositories: [{ repositoryName: 'r', repositoryId: 'f7579e13' }] }),
    ).toBe(false);
    expect(
      placed({
        repositories: [
          { repositoryName: 'web', repositoryArn: `arn:aws:ecr:ap-northeast-1:${ACCOUNT}:repository/web` },
        ],
      }),
    ).toMatchObject([{ nativeType: 'AWS::ECR::Repository', kansaType: 'container.registry' }]);
    expect(
      placed({
        Workspaces: [
          { WorkspaceId: 'ws-1', RootVolumeEncryptionEnabled: false, UserVolumeEncryptionEnabled: false },
        ],
      }),
    ).toMatchObject([{ nativeType: 'AWS::WorkSpaces::Workspace', facts: { encrypted: { value: false } } }]);
    expect(
      placed({
        ClusterInfoList: [
          {
            ClusterName: 'events',
            ClusterArn: `arn:aws:kafka:ap-northeast-1:${ACCOUNT}:cluster/events/6357e0b2`,
          },
        ],
      }),
    ).toMatchObject([{ nativeType: 'AWS::MSK::Cluster' }]);
    const stream = (encryption: object) =>
      placed({
        StreamDescriptionSummary: {
          StreamName: 'clicks',
          StreamARN: `arn:aws:kinesis:ap-northeast-1:${ACCOUNT}:stream/clicks`,
          ...encryption,
        },
      })[0]?.facts;
    expect(stream({ EncryptionType: 'KMS', KeyId: 'alias/aws/kinesis' })).toMatchObject({
      customerManagedKey: { source: 'explicit', value: false },
    });
    expect(stream({ EncryptionType: 'NONE' })).toMatchObject({
      customerManagedKey: { source: 'default', value: false },
    });
  });

  it('tells an Elasticsearch domain from an OpenSearch one', () => {
    const domain = (version: Record<string, string>) => ({
      DomainName: 'search',
      ARN: `arn:aws:es:ap-northeast-1:${ACCOUNT}:domain/search`,
      ...version,
      EncryptionAtRestOptions: { Enabled: false },
    });
    expect(read({ DomainStatusList: [domain({ ElasticsearchVersion: '7.10' })] }).resources).toMatchObject([
      {
        nativeType: 'AWS::Elasticsearch::Domain',
        facts: { encrypted: { source: 'explicit', value: false } },
      },
    ]);
    expect(read({ DomainStatus: domain({ EngineVersion: 'OpenSearch_2.11' }) }).resources).toMatchObject([
      { nativeType: 'AWS::OpenSearch::Domain' },
    ]);
  });

  it('reads get-function-configuration output as the function it configures', () => {
    const configuration = {
      FunctionName: 'orders',
      FunctionArn: `arn:aws:lambda:ap-northeast-1:${ACCOUNT}:function:orders:2`,
      Runtime: 'nodejs22.x',
      Role: `arn:aws:iam::${ACCOUNT}:role/service-role/orders-role`,
      Handler: 'index.handler',
      RevisionId: 'e52502d4-0000-4688-9cd6-152a6ab7490d',
      Version: '2',
    };
    expect(awsApiDescribeFormat.matches(configuration)).toBe(true);
    expect(read(configuration).resources).toMatchObject([
      {
        id: `arn:aws:lambda:ap-northeast-1:${ACCOUNT}:function:orders`,
        kansaType: 'compute.serverless',
        region: 'ap-northeast-1',
      },
    ]);
    expect(awsApiDescribeFormat.matches({ FunctionName: 'x', FunctionArn: configuration.FunctionArn })).toBe(
      false,
    );
  });

  // aws/aws-cli awscli/examples/kms/get-key-rotation-status.rst: `KeyId` the bare key id, not
  // its ARN; the dump's folders (or file name) give the account and region.
  it('places a rotation status naming its key by id alone by the dump’s folders, else skips it', () => {
    const status = {
      KeyId: '0f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a0b',
      KeyRotationEnabled: false,
      RotationPeriodInDays: 365,
    };
    expect(awsApiDescribeFormat.matches(status)).toBe(true);
    const readAt = (file: string) => {
      const skipped: string[] = [];
      const resources = [
        ...awsApiDescribeFormat.read(status, { file, skip: (reason) => skipped.push(reason) }),
      ];
      return { resources, skipped };
    };
    const placed = readAt(`dump/${ACCOUNT}/ap-northeast-1/get-key-rotation-status.json`);
    expect(placed.resources).toMatchObject([
      {
        id: `arn:aws:kms:ap-northeast-1:${ACCOUNT}:key/0f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a0b`,
        region: 'ap-northeast-1',
        account: ACCOUNT,
      },
    ]);
    expect(readAt('us-gov-west-1/111122223333_rotation.json').resources[0]?.id).toBe(
      'arn:aws-us-gov:kms:us-gov-west-1:111122223333:key/0f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a0b',
    );
    const unplaced = readAt('get-key-rotation-status.json');
    expect(unplaced.resources).toEqual([]);
    expect(unplaced.skipped).toEqual([expect.stringContaining('names the key by its id only')]);
  });

  // aws/aws-cli awscli/examples/iam/get-account-authorization-details.rst writes a group's one
  // attached policy, and one inline policy, as an object where the API has a list.
  it('reads a policy list written as its one entry', () => {
    const { resources } = read({
      GroupDetailList: [
        {
          GroupName: 'Admins',
          GroupId: 'AGPA1',
          Arn: `arn:aws:iam::${ACCOUNT}:group/Admins`,
          AttachedManagedPolicies: {
            PolicyName: 'AdministratorAccess',
            PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess',
          },
          GroupPolicyList: {
            PolicyName: 'everything',
            PolicyDocument: { Statement: { Effect: 'Allow', Action: '*', Resource: '*' } },
          },
        },
      ],
    });
    expect(resources[0]?.facts).toMatchObject({
      attachedPolicyArns: { source: 'explicit', value: ['arn:aws:iam::aws:policy/AdministratorAccess'] },
      fullAdminInlinePolicies: { source: 'explicit', value: ['everything'] },
    });
  });

  // aws/aws-cli awscli/examples/iam/get-account-authorization-details.rst: `Policies` lists the
  // AWS managed policies in use (`arn:aws:iam::aws:policy/…`) beside the account's own.
  it('skips an AWS managed policy as AWS’s own, in no account', () => {
    const { resources, skipped } = read({
      Policies: [
        {
          PolicyName: 'local',
          PolicyId: 'ANPALOCAL',
          Arn: `arn:aws:iam::${ACCOUNT}:policy/local`,
          DefaultVersionId: 'v1',
          PolicyVersionList: [
            { Document: { Version: '2012-10-17', Statement: [] }, VersionId: 'v1', IsDefaultVersion: true },
          ],
        },
        {
          PolicyName: 'AmazonEC2FullAccess',
          PolicyId: 'ANPAAWSMANAGED',
          Arn: 'arn:aws:iam::aws:policy/AmazonEC2FullAccess',
          DefaultVersionId: 'v1',
          PolicyVersionList: [],
        },
      ],
    });
    expect(resources.map((r) => r.name)).toEqual(['local']);
    expect(skipped).toEqual([
      'AWS::IAM::Policy ANPAAWSMANAGED: an AWS managed resource (arn:aws:iam::aws:policy/AmazonEC2FullAccess), in no account',
    ]);
  });

  // botocore efs service-2.json FileSystemDescription (PerformanceMode is required) and fsx
  // service-2.json FileSystem (FileSystemType, ResourceARN): the same `FileSystems` member.
  it('reads describe-file-systems of EFS, and FSx’s answer of the same name as FSx’s', () => {
    const efs = read({
      FileSystems: [
        {
          OwnerId: ACCOUNT,
          FileSystemId: 'fs-0c1',
          FileSystemArn: `arn:aws:elasticfilesystem:ap-northeast-1:${ACCOUNT}:file-system/fs-0c1`,
          Name: 'shared',
          PerformanceMode: 'generalPurpose',
          Encrypted: true,
          KmsKeyId: `arn:aws:kms:ap-northeast-1:${ACCOUNT}:key/0f1e`,
          LifeCycleState: 'available',
          Tags: [{ Key: 'Name', Value: 'shared' }],
        },
      ],
    });
    expect(efs.resources).toMatchObject([
      {
        nativeType: 'AWS::EFS::FileSystem',
        name: 'shared',
        region: 'ap-northeast-1',
        facts: { encrypted: { value: true, path: 'configuration.Encrypted' } },
      },
    ]);
    // FSx names its member alike; its file systems have a FileSystemType, and are FSx's.
    const fsx = read({
      FileSystems: [
        {
          FileSystemId: 'fs-0d2',
          FileSystemType: 'WINDOWS',
          OwnerId: ACCOUNT,
          ResourceARN: `arn:aws:fsx:us-west-2:${ACCOUNT}:file-system/fs-0d2`,
        },
      ],
    });
    expect(fsx.resources).toMatchObject([{ nativeType: 'AWS::FSx::FileSystem', region: 'us-west-2' }]);
  });

  // botocore sqs GetQueueAttributesResult / sns GetTopicAttributesResponse: `Attributes`, a map
  // of strings; the queue's ARN, or the topic's, names it.
  it('reads get-queue-attributes and get-topic-attributes output', () => {
    const queue = read({
      Attributes: {
        QueueArn: `arn:aws:sqs:ap-northeast-1:${ACCOUNT}:orders`,
        ApproximateNumberOfMessages: '0',
        CreatedTimestamp: '1717200000',
        SqsManagedSseEnabled: 'true',
        VisibilityTimeout: '30',
      },
    });
    expect(queue.resources).toMatchObject([
      {
        nativeType: 'AWS::SQS::Queue',
        region: 'ap-northeast-1',
        facts: { customerManagedKey: { value: false, path: 'configuration.SqsManagedSseEnabled' } },
      },
    ]);
    const topic = read({
      Attributes: {
        TopicArn: `arn:aws:sns:ap-northeast-1:${ACCOUNT}:alerts`,
        Owner: ACCOUNT,
        KmsMasterKeyId: 'alias/aws/sns',
        DisplayName: '',
      },
    });
    expect(topic.resources).toMatchObject([
      { nativeType: 'AWS::SNS::Topic', facts: { customerManagedKey: { value: false, source: 'explicit' } } },
    ]);
    // aws/aws-cli awscli/examples/sns/get-subscription-attributes.rst: a subscription's
    // attributes name its topic, but say nothing of the topic's encryption.
    const subscription = {
      Attributes: {
        Endpoint: 'ops@example.com',
        Protocol: 'email',
        Owner: ACCOUNT,
        SubscriptionArn: `arn:aws:sns:ap-northeast-1:${ACCOUNT}:alerts:8a21d249-0000-4871-acc6-7be709c6ea7f`,
        TopicArn: `arn:aws:sns:ap-northeast-1:${ACCOUNT}:alerts`,
      },
    };
    expect(awsApiDescribeFormat.matches(subscription)).toBe(false);
  });

  // botocore ec2 DescribeInstancesResult: `Reservations[].{OwnerId, Instances[]}`, each
  // instance's zone under `Placement.AvailabilityZone`, no ARN.
  it('reads describe-instances output, each instance with its reservation’s owner', () => {
    const { resources, skipped } = read({
      Reservations: [
        {
          ReservationId: 'r-0a1',
          OwnerId: ACCOUNT,
          Groups: [],
          Instances: [
            {
              InstanceId: 'i-0b2',
              InstanceType: 't3.micro',
              Placement: { AvailabilityZone: 'us-east-1a', Tenancy: 'default' },
            },
            {
              InstanceId: 'i-0c3',
              InstanceType: 't3.micro',
              Placement: { AvailabilityZone: 'ap-northeast-1c', Tenancy: 'default' },
            },
          ],
        },
      ],
    });
    expect(skipped).toEqual([]);
    expect(resources.map((r) => [r.nativeType, r.kansaType, r.account, r.region, r.name])).toEqual([
      ['AWS::EC2::Instance', 'compute.vm', ACCOUNT, 'us-east-1', 'i-0b2'],
      ['AWS::EC2::Instance', 'compute.vm', ACCOUNT, 'ap-northeast-1', 'i-0c3'],
    ]);
  });

  it('takes account and region from the dump’s folders for entries that name neither', () => {
    const resources = [
      ...awsApiDescribeFormat.read(
        { Volumes: [{ VolumeId: 'vol-1', Encrypted: false }] },
        { file: `dump/${ACCOUNT}/ap-northeast-3/describe-volumes.json`, skip: () => {} },
      ),
    ];
    expect(resources).toMatchObject([
      { account: ACCOUNT, region: 'ap-northeast-3', nativeType: 'AWS::EC2::Volume' },
    ]);
  });
});

// Answers that name no resource: the command was asked about one, and the answer leaves it out.
// Shapes as the AWS CLI's examples print them (aws/aws-cli awscli/examples/guardduty/
// {get-detector,list-detectors}.rst, cloudtrail/get-trail-status.rst,
// dynamodb/update-continuous-backups.rst, sqs/list-message-move-tasks.rst) and botocore's output
// shapes (GetDetectorResponse: Status and ServiceRole required).
describe('aws-api-describe: answers that name no resource', () => {
  function readAt(document: unknown, file: string) {
    const skipped: string[] = [];
    const resources = [
      ...awsApiDescribeFormat.read(document, { file, skip: (reason) => skipped.push(reason) }),
    ] as Resource<Record<string, unknown>>[];
    return { resources, skipped };
  }
  const detectorId = '4eb8f0d6a7c94f1b9e2d3c5a6b7f8e90';
  const detector = {
    Status: 'DISABLED',
    ServiceRole: `arn:aws:iam::${ACCOUNT}:role/aws-service-role/guardduty.amazonaws.com/AWSServiceRoleForAmazonGuardDuty`,
    Tags: {},
    FindingPublishingFrequency: 'SIX_HOURS',
    UpdatedAt: '2018-11-07T03:24:22.938Z',
    CreatedAt: '2017-12-22T22:51:31.940Z',
  };
  const trailStatus = {
    LatestDeliveryTime: 1454022144.869,
    TimeLoggingStarted: '2015-11-06T18:36:38Z',
    IsLogging: false,
    StartLoggingTime: 1446834998.695,
    StopLoggingTime: 1446834996.933,
    TimeLoggingStopped: '2015-11-06T18:36:36Z',
  };

  it.each([
    ['guardduty get-detector', detector],
    ['guardduty list-detectors', { DetectorIds: [detectorId] }],
    ['cloudtrail get-trail-status', trailStatus],
    [
      'dynamodb describe-continuous-backups',
      {
        ContinuousBackupsDescription: {
          ContinuousBackupsStatus: 'ENABLED',
          PointInTimeRecoveryDescription: { PointInTimeRecoveryStatus: 'ENABLED' },
        },
      },
    ],
    [
      'sqs list-message-move-tasks',
      {
        Results: [
          {
            Status: 'COMPLETED',
            SourceArn: `arn:aws:sqs:us-west-2:${ACCOUNT}:MyQueue1`,
            DestinationArn: `arn:aws:sqs:us-west-2:${ACCOUNT}:MyQueue2`,
            ApproximateNumberOfMessagesMoved: 29,
          },
        ],
      },
    ],
    ['ec2 get-ebs-encryption-by-default', { EbsEncryptionByDefault: false }],
    [
      's3api get-bucket-encryption',
      {
        ServerSideEncryptionConfiguration: {
          Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
        },
      },
    ],
    [
      's3api get-public-access-block',
      { PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true } },
    ],
    ['s3api get-bucket-policy-status', { PolicyStatus: { IsPublic: false } }],
    ['s3api get-bucket-versioning', { Status: 'Enabled', MFADelete: 'Disabled' }],
    ['s3api get-bucket-location', { LocationConstraint: null }],
    ['s3api list-buckets', { Buckets: [{ Name: 'my-bucket', CreationDate: '2024-09-11T18:47:36+00:00' }] }],
    ['s3api get-bucket-logging', { LoggingEnabled: { TargetBucket: 'logs', TargetPrefix: 'b/' } }],
    [
      's3api get-bucket-acl',
      {
        Owner: { DisplayName: 'owner', ID: '852b113e7a2f25102679df27bb0ae12b3f85be6f' },
        Grants: [{ Grantee: { Type: 'CanonicalUser', ID: 'x' }, Permission: 'FULL_CONTROL' }],
      },
    ],
    [
      'kms get-key-policy',
      { Policy: '{"Version":"2012-10-17","Id":"key-default-1","Statement":[]}', PolicyName: 'default' },
    ],
    ['ec2 get-ebs-default-kms-key-id', { KmsKeyId: 'alias/aws/ebs' }],
    [
      'cloudtrail get-event-selectors',
      {
        TrailARN: `arn:aws:cloudtrail:us-east-1:${ACCOUNT}:trail/t`,
        EventSelectors: [{ ReadWriteType: 'All', IncludeManagementEvents: true, DataResources: [] }],
      },
    ],
    [
      'configservice describe-configuration-recorder-status',
      { ConfigurationRecordersStatus: [{ name: 'default', recording: true, lastStatus: 'SUCCESS' }] },
    ],
    [
      'configservice list-discovered-resources',
      {
        resourceIdentifiers: [
          { resourceType: 'AWS::EC2::Volume', resourceId: 'vol-1a2b3c4d', resourceName: 'data' },
        ],
      },
    ],
    [
      'kms list-keys',
      {
        Keys: [
          {
            KeyId: '0b1f6471-1bf0-4dda-aec3-cb9272f09590',
            KeyArn: `arn:aws:kms:ap-northeast-1:${ACCOUNT}:key/0b1f6471-1bf0-4dda-aec3-cb9272f09590`,
          },
        ],
        Truncated: false,
      },
    ],
    ['kms list-keys of a Region without keys', { Keys: [] }],
    [
      'iam list-virtual-mfa-devices',
      { VirtualMFADevices: [{ SerialNumber: `arn:aws:iam::${ACCOUNT}:mfa/root-account-mfa-device` }] },
    ],
    ['iam list-virtual-mfa-devices of an account without any', { VirtualMFADevices: [] }],
    [
      'iam generate-credential-report',
      { State: 'STARTED', Description: 'No report exists. Starting a new report generation task' },
    ],
    [
      'iam list-access-keys --user-name',
      {
        AccessKeyMetadata: [
          {
            UserName: 'ops',
            AccessKeyId: 'AKIAIOSFODNN7EXAMPLE',
            Status: 'Active',
            CreateDate: '2021-03-09T18:39:23+00:00',
          },
        ],
        IsTruncated: false,
      },
    ],
    ['iam list-access-keys of a user without any', { AccessKeyMetadata: [] }],
    [
      'iam get-access-key-last-used',
      { UserName: 'ops', AccessKeyLastUsed: { Region: 'N/A', ServiceName: 'N/A' } },
    ],
    ['iam list-mfa-devices of a user without any', { MFADevices: [], IsTruncated: false }],
    [
      'iam get-login-profile',
      {
        LoginProfile: {
          UserName: 'ops',
          CreateDate: '2021-03-09T19:01:15+00:00',
          PasswordResetRequired: false,
        },
      },
    ],
    [
      'iam list-attached-user-policies',
      {
        AttachedPolicies: [
          { PolicyName: 'AdministratorAccess', PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' },
        ],
        IsTruncated: false,
      },
    ],
    ['iam list-user-policies', { PolicyNames: ['deploy-inline'], IsTruncated: false }],
    [
      'sts get-caller-identity',
      { UserId: 'AIDASAMPLEUSERID', Account: ACCOUNT, Arn: `arn:aws:iam::${ACCOUNT}:user/ops` },
    ],
  ])('knows %s output for an AWS answer, not an unknown format', (_command, document) => {
    expect(INPUT_FORMATS.find((f) => f.kind === 'document' && f.matches(document))?.id).toBe(
      'aws-api-describe',
    );
  });

  it('reads get-detector as the detector its file names, in the folders’ account and Region', () => {
    const placed = readAt(
      detector,
      `dump/${ACCOUNT}/ap-northeast-1/guardduty-get-detector-${detectorId}.json`,
    );
    expect(placed.skipped).toEqual([]);
    expect(placed.resources).toMatchObject([
      {
        id: `arn:aws:guardduty:ap-northeast-1:${ACCOUNT}:detector/${detectorId}`,
        account: ACCOUNT,
        region: 'ap-northeast-1',
        nativeType: 'AWS::GuardDuty::Detector',
        facts: { enabled: { source: 'explicit', value: false, path: 'configuration.Status' } },
      },
    ]);
    // Without the id in its name, or outside such folders, it is skipped, saying what places it.
    for (const file of [
      `dump/${ACCOUNT}/ap-northeast-1/get-detector.json`,
      `get-detector-${detectorId}.json`,
    ]) {
      const unplaced = readAt(detector, file);
      expect(unplaced.resources).toEqual([]);
      expect(unplaced.skipped).toEqual([
        expect.stringContaining('aws guardduty get-detector names no detector: saved as <account>/<region>/'),
      ]);
    }
  });

  it('reads list-detectors as the Region’s detectors, their status unknown, when the folders place them', () => {
    const placed = readAt({ DetectorIds: [detectorId] }, `${ACCOUNT}/us-gov-west-1/list-detectors.json`);
    expect(placed.resources).toMatchObject([
      {
        id: `arn:aws-us-gov:guardduty:us-gov-west-1:${ACCOUNT}:detector/${detectorId}`,
        facts: { enabled: { source: 'unknown' } },
      },
    ]);
    expect(readAt({ DetectorIds: [detectorId] }, 'list-detectors.json').skipped).toEqual([
      expect.stringContaining('list-detectors names no account or Region: saved in <account>/<region>/'),
    ]);
    // An empty one is the Region's listing (empty-listing.test.ts), nothing skipped.
    expect(readAt({ DetectorIds: [] }, `${ACCOUNT}/ap-northeast-1/list-detectors.json`).skipped).toEqual([]);
  });

  it('reads get-trail-status as IsLogging of the trail its file names, merging with describe-trails', () => {
    const placed = readAt(trailStatus, `${ACCOUNT}/ap-northeast-1/get-trail-status_org-audit.json`);
    expect(placed.resources).toMatchObject([
      {
        id: `arn:aws:cloudtrail:ap-northeast-1:${ACCOUNT}:trail/org-audit`,
        name: 'org-audit',
        nativeType: 'AWS::CloudTrail::Trail',
        facts: {
          isLogging: { source: 'explicit', value: false, path: 'configuration.IsLogging' },
          isMultiRegionTrail: { source: 'unknown' },
        },
      },
    ]);
    // describe-trails names the same trail by the same ARN: the inventory merges the two.
    const described = read({
      trailList: [
        {
          Name: 'org-audit',
          TrailARN: `arn:aws:cloudtrail:ap-northeast-1:${ACCOUNT}:trail/org-audit`,
          IsMultiRegionTrail: true,
        },
      ],
    });
    expect(described.resources[0]?.id).toBe(placed.resources[0]?.id);
    expect(described.resources[0]?.facts['isLogging']).toBeUndefined();
    // The CLI's example saved as the call is named, or a placebo recording: no trail named.
    for (const file of [
      `${ACCOUNT}/ap-northeast-1/get-trail-status.json`,
      'cloudtrail.GetTrailStatus_1.json',
    ]) {
      expect(readAt(trailStatus, file).skipped).toEqual([
        expect.stringContaining('aws cloudtrail get-trail-status names no trail'),
      ]);
    }
  });

  it('reads get-event-selectors as the trail’s selectors only, its other settings left to describe-trails', () => {
    const arn = `arn:aws:cloudtrail:ap-northeast-1:${ACCOUNT}:trail/audit`;
    const selectors = {
      TrailARN: arn,
      EventSelectors: [{ ReadWriteType: 'All', IncludeManagementEvents: true, DataResources: [] }],
    };
    const selectorsFile = `${ACCOUNT}/ap-northeast-1/get-event-selectors_audit.json`;
    // Alone, the answer says nothing of the trail's other settings: unknown because the record
    // is one setting's answer, not because a Config item of the trail lacks them.
    const alone = readAt(selectors, selectorsFile).resources;
    expect(alone).toMatchObject([
      {
        id: arn,
        name: 'audit',
        nativeType: 'AWS::CloudTrail::Trail',
        facts: { recordsManagementEvents: { source: 'explicit', value: true } },
      },
    ]);
    const multiRegion = alone[0]?.facts['isMultiRegionTrail'] as { source: string; note?: { en: string } };
    expect(multiRegion.source).toBe('unknown');
    expect(multiRegion.note?.en).toContain('a CLI answer giving one setting only');
    // Beside describe-trails, in either order, the trail has both answers' settings.
    const trails = {
      trailList: [{ Name: 'audit', TrailARN: arn, IsMultiRegionTrail: true, HasCustomEventSelectors: true }],
    };
    const trailsFile = `${ACCOUNT}/ap-northeast-1/describe-trails.json`;
    for (const files of [
      [
        [selectors, selectorsFile],
        [trails, trailsFile],
      ],
      [
        [trails, trailsFile],
        [selectors, selectorsFile],
      ],
    ] as const) {
      const inventory = new Inventory();
      for (const [document, file] of files)
        for (const resource of readAt(document, file).resources) inventory.add(resource);
      expect(inventory.byId('aws', arn)?.facts).toMatchObject({
        isMultiRegionTrail: { source: 'explicit', value: true },
        recordsManagementEvents: { source: 'explicit', value: true, path: 'configuration.EventSelectors' },
      });
    }
  });

  // The AWS CLI's s3api examples (awscli/examples/s3api/*.rst), each saved by an auditor's loop
  // over list-buckets as `<account>/<region>/<command>_<bucket>.json`.
  const bucketAnswers = {
    'get-bucket-encryption': {
      ServerSideEncryptionConfiguration: {
        Rules: [
          {
            ApplyServerSideEncryptionByDefault: {
              SSEAlgorithm: 'aws:kms',
              KMSMasterKeyID: `arn:aws:kms:ap-northeast-1:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`,
            },
            BucketKeyEnabled: true,
          },
        ],
      },
    },
    'get-public-access-block': {
      PublicAccessBlockConfiguration: {
        IgnorePublicAcls: false,
        BlockPublicPolicy: false,
        BlockPublicAcls: false,
        RestrictPublicBuckets: false,
      },
    },
    'get-bucket-policy': {
      Policy:
        '{"Version":"2008-10-17","Statement":[{"Sid":"","Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::my-bucket/*"}]}',
    },
    'get-bucket-acl': {
      Owner: {
        DisplayName: 'my-username',
        ID: '7009a8971cd538e11f6b6606438875e7c86c5b672f46db45460ddcd087d36c32',
      },
      Grants: [
        {
          Grantee: {
            DisplayName: 'my-username',
            ID: '7009a8971cd538e11f6b6606438875e7c86c5b672f46db45460ddcd087d36c32',
          },
          Permission: 'FULL_CONTROL',
        },
        {
          Grantee: { Type: 'Group', URI: 'http://acs.amazonaws.com/groups/global/AllUsers' },
          Permission: 'READ',
        },
      ],
    },
    'get-bucket-logging': { LoggingEnabled: { TargetPrefix: 'my-bucket/', TargetBucket: 'my-logs' } },
  };

  it('reads each get-bucket answer as the bucket its file names, with only the setting it carries', () => {
    const facts = Object.fromEntries(
      Object.entries(bucketAnswers).map(([command, answer]) => {
        const { resources, skipped } = readAt(
          answer,
          `audit/${ACCOUNT}/ap-northeast-1/${command}_my-bucket.json`,
        );
        expect(skipped).toEqual([]);
        expect(resources).toMatchObject([
          {
            id: 'arn:aws:s3:::my-bucket',
            account: ACCOUNT,
            // The folder names where the CLI ran: the bucket's own record gives its Region.
            region: '',
            name: 'my-bucket',
            nativeType: 'AWS::S3::Bucket',
          },
        ]);
        return [command, resources[0]?.facts];
      }),
    );
    expect(facts['get-bucket-encryption']).toMatchObject({
      sseAlgorithm: { source: 'explicit', value: 'aws:kms' },
      kmsKeyId: { source: 'explicit', value: expect.stringContaining(':key/1234abcd-') },
      // Only what the answer says: no Block Public Access is not taken for "none configured".
      blockPublicAcls: { source: 'unknown' },
      publicPolicyStatements: { source: 'unknown' },
    });
    expect(facts['get-public-access-block']).toMatchObject({
      ignorePublicAcls: { source: 'explicit', value: false },
      restrictPublicBuckets: { source: 'explicit', value: false },
      // Nor is no encryption answer taken for the SSE-S3 default.
      sseAlgorithm: { source: 'unknown' },
    });
    expect(facts['get-bucket-policy']).toMatchObject({
      publicPolicyStatements: {
        source: 'explicit',
        value: [expect.objectContaining({ statement: 'Statement[0]' })],
      },
      publicAclGrants: { source: 'unknown' },
    });
    expect(facts['get-bucket-acl']).toMatchObject({
      publicAclGrants: { source: 'explicit', value: ['AllUsers:READ'] },
    });
    expect(facts['get-bucket-logging']).toMatchObject({
      accessLogTargetBucket: { source: 'explicit', value: 'my-logs' },
    });
  });

  it('reads list-buckets as the account’s buckets, by the ARN the answers name them by', () => {
    const listed = readAt(
      {
        Buckets: [
          { Name: 'my-bucket', CreationDate: '2024-09-11T18:47:36+00:00', BucketRegion: 'us-west-2' },
          { Name: 'my-other-bucket', CreationDate: '2024-10-01T09:00:00+00:00' },
        ],
        Owner: {
          DisplayName: 'my-username',
          ID: '7009a8971cd538e11f6b6606438875e7c86c5b672f46db45460ddcd087d36c32',
        },
      },
      `${ACCOUNT}/ap-northeast-1/list-buckets.json`,
    );
    expect(listed.resources).toMatchObject([
      {
        id: 'arn:aws:s3:::my-bucket',
        region: 'us-west-2',
        facts: { blockPublicAcls: { source: 'unknown' } },
      },
      {
        // Before BucketRegion the folders name where the CLI ran, not where the bucket is.
        id: 'arn:aws:s3:::my-other-bucket',
        region: '',
        facts: { sseAlgorithm: { source: 'unknown' } },
      },
    ]);
    expect(readAt({ Buckets: [{ Name: 'my-bucket' }], Owner: {} }, 'list-buckets.json').skipped).toEqual([
      expect.stringContaining(
        'list-buckets names no account: saved in <account>/ folders, its buckets (my-bucket) are read',
      ),
    ]);
  });

  it('takes a bucket’s Region from list-buckets, not from the folder its answers were saved in', async () => {
    // A bucket in us-east-1 whose answers an auditor saved under the Region the CLI ran in.
    const inventory = new Inventory();
    const add = (document: unknown, file: string) => {
      for (const resource of readAt(document, file).resources) inventory.add(resource);
    };
    add(
      bucketAnswers['get-bucket-encryption'],
      `${ACCOUNT}/ap-northeast-1/get-bucket-encryption_my-bucket.json`,
    );
    add(
      { Buckets: [{ Name: 'my-bucket', BucketRegion: 'us-east-1' }], Owner: {} },
      `${ACCOUNT}/ap-northeast-1/list-buckets.json`,
    );
    expect(inventory.byId('aws', 'arn:aws:s3:::my-bucket')?.region).toBe('us-east-1');
  });

  it('reads the names auditors’ loops give, the bucket before the setting, where the answer agrees', () => {
    for (const [answer, file] of [
      [bucketAnswers['get-bucket-policy'], 'my-bucket_policy.json'],
      [bucketAnswers['get-public-access-block'], 'snapshot-raw/my-bucket-pab.json'],
      [bucketAnswers['get-bucket-acl'], 'my-bucket-acl.json'],
      [bucketAnswers['get-bucket-encryption'], 'my-bucket-encryption.json'],
    ] as const) {
      expect(readAt(answer, `${ACCOUNT}/ap-northeast-1/${file}`).resources).toMatchObject([
        { id: 'arn:aws:s3:::my-bucket' },
      ]);
    }
    // A key policy without its PolicyName (KMS before 2023) names no bucket in its statements.
    const keyPolicy = {
      Policy:
        '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"kms:*","Resource":"*"}]}',
    };
    expect(readAt(keyPolicy, `${ACCOUNT}/ap-northeast-1/app-key-policy.json`)).toEqual({
      resources: [],
      skipped: [
        expect.stringContaining('aws s3api get-bucket-policy names no bucket (or, without a PolicyName'),
      ],
    });
  });

  it('skips a get-bucket answer that no file name or folder places, saying how to save it', () => {
    for (const file of [
      `${ACCOUNT}/ap-northeast-1/get-bucket-encryption.json`,
      'get-bucket-encryption_my-bucket.json',
      `${ACCOUNT}/ap-northeast-1/get-bucket-encryption_My_Bucket.json`,
    ]) {
      expect(readAt(bucketAnswers['get-bucket-encryption'], file)).toEqual({
        resources: [],
        skipped: [
          'aws s3api get-bucket-encryption names no bucket: saved as <account>/…/get-bucket-encryption_<bucket>.json or <bucket>-encryption.json, it is read',
        ],
      });
    }
    // An object's ACL answers in the bucket's shape: only a file named after get-bucket-acl is read.
    expect(
      readAt(bucketAnswers['get-bucket-acl'], `${ACCOUNT}/ap-northeast-1/get-object-acl_my-bucket.json`)
        .skipped,
    ).toEqual([
      expect.stringContaining('aws s3api get-bucket-acl names no bucket (get-object-acl answers alike'),
    ]);
    // A key policy names its PolicyName since 2023; it is not a bucket's.
    expect(
      readAt(
        { Policy: '{"Version":"2012-10-17","Statement":[]}', PolicyName: 'default' },
        `${ACCOUNT}/ap-northeast-1/get-bucket-policy_my-bucket.json`,
      ).skipped,
    ).toEqual([expect.stringContaining('aws kms get-key-policy names no key')]);
  });

  it('skips answers no check reads with the command that made them', () => {
    const { resources, skipped } = readAt(
      {
        ContinuousBackupsDescription: {
          ContinuousBackupsStatus: 'ENABLED',
          PointInTimeRecoveryDescription: { PointInTimeRecoveryStatus: 'DISABLED' },
        },
      },
      `${ACCOUNT}/ap-northeast-1/describe-continuous-backups.json`,
    );
    expect(resources).toEqual([]);
    expect(skipped).toEqual([expect.stringContaining('aws dynamodb describe-continuous-backups')]);
  });

  it('names the command and what would place EC2 entries that name no account', () => {
    const { resources, skipped } = readAt(
      { Volumes: [{ VolumeId: 'vol-1', AvailabilityZone: 'ap-northeast-1a', Encrypted: false }] },
      'describe-volumes.json',
    );
    expect(resources).toEqual([]);
    expect(skipped).toEqual([
      expect.stringMatching(
        /^AWS::EC2::Volume vol-1: no account: aws ec2 describe-volumes names none.*<account>\/<region>\//,
      ),
    ]);
    const flowLogs = readAt({ FlowLogs: [{ FlowLogId: 'fl-1' }] }, 'flow-logs.json');
    expect(flowLogs.skipped).toEqual([expect.stringContaining('fl-1: no account and no Region')]);
  });
  it('reads secretsmanager list-secrets: the AWS managed key when KmsKeyId is absent', () => {
    // The AWS CLI's list-secrets example output: ARN, Name, KmsKeyId only when a key was chosen.
    const arn = (name: string, region: string) =>
      `arn:aws:secretsmanager:${region}:${ACCOUNT}:secret:${name}`;
    const { resources, skipped } = read({
      SecretList: [
        {
          ARN: arn('MyTestSecret-a1b2c3', 'us-west-2'),
          Name: 'MyTestSecret',
          LastChangedDate: 1523477145.729,
          SecretVersionsToStages: { 'a1b2c3d4-5678-90ab-cdef-EXAMPLE11111': ['AWSCURRENT'] },
        },
        {
          ARN: arn('AnotherSecret-d4e5f6', 'ap-northeast-1'),
          Name: 'AnotherSecret',
          KmsKeyId: `arn:aws:kms:ap-northeast-1:${ACCOUNT}:key/a1b2c3d4-5678-90ab-cdef-EXAMPLE22222`,
          PrimaryRegion: 'ap-northeast-1',
        },
        // A replica of AnotherSecret: the same name and suffix in another Region.
        {
          ARN: arn('AnotherSecret-d4e5f6', 'us-east-1'),
          Name: 'AnotherSecret',
          PrimaryRegion: 'ap-northeast-1',
        },
      ],
    });
    expect(skipped).toEqual([]);
    expect(resources.map((r) => [r.kansaType, r.region, r.name])).toEqual([
      ['kms.vault', 'us-west-2', 'MyTestSecret'],
      ['kms.vault', 'ap-northeast-1', 'AnotherSecret'],
      ['kms.vault', 'us-east-1', 'AnotherSecret'],
    ]);
    expect(resources[1]?.facts).not.toHaveProperty('replicaOf');
    expect(resources[2]?.facts).toMatchObject({
      replicaOf: {
        value: arn('AnotherSecret-d4e5f6', 'ap-northeast-1'),
        path: 'configuration.PrimaryRegion',
      },
    });
    // LOC-2: the replica abroad is a copy of the domestic primary, under the AWS managed key.
    expect(evaluate(dataInJapan, resources, arn('AnotherSecret-d4e5f6', 'us-east-1'))).toMatchObject({
      status: 'FAIL',
      message: 'backupAbroadWithoutCmk',
    });
    expect(resources[0]?.facts).toMatchObject({ customerManagedKey: { source: 'default', value: false } });
    expect(resources[1]?.facts).toMatchObject({
      kmsKeyId: { source: 'explicit' },
      customerManagedKey: { source: 'unknown' },
    });
  });
  it('reads backup list-backup-vaults: each vault where its ARN says, its key by ARN', () => {
    // The AWS CLI's list-backup-vaults example output.
    const vaultArn = `arn:aws:backup:eu-west-1:${ACCOUNT}:backup-vault:Default`;
    const { resources, skipped } = read({
      BackupVaultList: [
        {
          BackupVaultName: 'Default',
          BackupVaultArn: vaultArn,
          CreationDate: 1563428736.118,
          EncryptionKeyArn: `arn:aws:kms:eu-west-1:${ACCOUNT}:key/8a7b6c5d-4e3f-2a1b-0c9d-8e7f6a5b4c3d`,
          CreatorRequestId: 'cbe9a4f2-1f43-4e1d-b1a8-EXAMPLE',
          NumberOfRecoveryPoints: 0,
        },
      ],
    });
    expect(skipped).toEqual([]);
    expect(resources[0]).toMatchObject({
      id: vaultArn,
      kansaType: 'compute.snapshot',
      region: 'eu-west-1',
      facts: { kmsKeyId: { source: 'explicit' }, customerManagedKey: { source: 'unknown' } },
    });
    expect(evaluate(dataInJapan, resources, vaultArn).status).toBe('FAIL');
  });
});
