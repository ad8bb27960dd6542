import type { DocumentFormat } from '../format.ts';
import { toStringValue } from './adapters/fields.ts';
import { asRecord } from './config-item.ts';
import { configItemsToResources } from './config-items-reader.ts';

/**
 * `aws resource-explorer-2 search` (and `list-resources`): `{"Resources": [{"Arn", "OwningAccountId",
 * "Region", "ResourceType": "s3:bucket", "Service", "LastReportedAt", "Properties": [{"Name":
 * "tags", "Data": [{Key, Value}]}]}], "Count", "ViewArn"}`. Resource Explorer indexes where each
 * resource is (a bucket in its own Region, `global` for IAM) and its tags, none of its settings:
 * each entry is read as a partial item of the Config type its `service:type` names (the settings
 * unknown), which merges by ARN with the resource's other records; a type no Config type maps
 * keeps Resource Explorer's name and meets no check.
 * https://docs.aws.amazon.com/resource-explorer/latest/apireference/API_Search.html
 */
export const awsResourceExplorerFormat: DocumentFormat = {
  kind: 'document',
  id: 'aws-resource-explorer',
  provider: 'aws',
  description:
    'aws resource-explorer-2 search / list-resources output ({"Resources": [{"Arn", "ResourceType": "s3:bucket", "Region", "OwningAccountId", "Properties"}]}): where each resource is and its tags',
  matches(document) {
    const resources = asRecord(document)?.['Resources'];
    const first = asRecord(Array.isArray(resources) ? resources[0] : undefined);
    return (
      typeof first?.['Arn'] === 'string' &&
      typeof first['OwningAccountId'] === 'string' &&
      typeof first['ResourceType'] === 'string' &&
      first['ResourceType'].includes(':')
    );
  },
  *read(document, ctx) {
    const resources = asRecord(document)?.['Resources'] as unknown[];
    yield* configItemsToResources(resources.map(asItem), ctx, true);
  },
};

/**
 * The partial item (settings unknown) of the resource `arn` names, of `type` as Resource Explorer
 * names it (`s3:bucket`): its id (the ARN's last part), account, Region and tags, each left out
 * where the caller has none. Resource Explorer's entries, the tagging API's and the tag-list
 * answers' (tag-answers.ts) are read so, and merge by ARN with the resource's other records.
 */
export function partialItem(
  type: string,
  arn: string,
  account: string | undefined,
  region: string | undefined,
  tags: unknown,
): Record<string, unknown> {
  return {
    resourceType: configTypeNamed(type),
    resourceId: arn.split(/[/:]/).pop(),
    arn,
    ...(account !== undefined && { accountId: account }),
    ...(region !== undefined && { awsRegion: region }),
    configuration: {},
    ...(tags !== undefined && { tags }),
  };
}

/**
 * The Config type of a resource type as Resource Explorer names it (`s3:bucket`, the service and
 * the type its ARNs name), or the name itself where no Config type records it.
 */
function configTypeNamed(type: string): string {
  return CONFIG_TYPE[type] ?? type;
}

/** Resource Explorer's types of the resources kansa checks, by the Config type that records them. */
const CONFIG_TYPE: Readonly<Record<string, string>> = {
  'athena:workgroup': 'AWS::Athena::WorkGroup',
  'backup:backup-vault': 'AWS::Backup::BackupVault',
  'cloudtrail:trail': 'AWS::CloudTrail::Trail',
  'dynamodb:table': 'AWS::DynamoDB::Table',
  'ec2:instance': 'AWS::EC2::Instance',
  'ec2:security-group': 'AWS::EC2::SecurityGroup',
  'ec2:snapshot': 'AWS::EC2::Snapshot',
  'ec2:volume': 'AWS::EC2::Volume',
  'ec2:vpc': 'AWS::EC2::VPC',
  'ecr:repository': 'AWS::ECR::Repository',
  'eks:cluster': 'AWS::EKS::Cluster',
  'elasticache:cluster': 'AWS::ElastiCache::CacheCluster',
  'elasticfilesystem:file-system': 'AWS::EFS::FileSystem',
  'fsx:file-system': 'AWS::FSx::FileSystem',
  'glue:job': 'AWS::Glue::Job',
  'guardduty:detector': 'AWS::GuardDuty::Detector',
  'iam:group': 'AWS::IAM::Group',
  'iam:policy': 'AWS::IAM::Policy',
  'iam:role': 'AWS::IAM::Role',
  'iam:user': 'AWS::IAM::User',
  'kafka:cluster': 'AWS::MSK::Cluster',
  'kinesis:stream': 'AWS::Kinesis::Stream',
  'kms:key': 'AWS::KMS::Key',
  'lambda:function': 'AWS::Lambda::Function',
  'logs:log-group': 'AWS::Logs::LogGroup',
  'rds:cluster': 'AWS::RDS::DBCluster',
  'rds:cluster-snapshot': 'AWS::RDS::DBClusterSnapshot',
  'rds:db': 'AWS::RDS::DBInstance',
  'rds:snapshot': 'AWS::RDS::DBSnapshot',
  'redshift:cluster': 'AWS::Redshift::Cluster',
  's3:bucket': 'AWS::S3::Bucket',
  'sagemaker:notebook-instance': 'AWS::SageMaker::NotebookInstance',
  'secretsmanager:secret': 'AWS::SecretsManager::Secret',
  'sns:topic': 'AWS::SNS::Topic',
  'sqs:queue': 'AWS::SQS::Queue',
  'workspaces:workspace': 'AWS::WorkSpaces::Workspace',
};

/** An entry as the partial item of its type: its ARN, account, Region and tags. */
function asItem(entry: unknown): unknown {
  const record = asRecord(entry);
  if (!record) return entry;
  const properties = Array.isArray(record['Properties']) ? record['Properties'] : [];
  const tags = properties.map(asRecord).find((property) => property?.['Name'] === 'tags')?.['Data'];
  return partialItem(
    String(record['ResourceType'] ?? ''),
    String(record['Arn'] ?? ''),
    toStringValue(record['OwningAccountId']),
    toStringValue(record['Region']),
    tags,
  );
}
