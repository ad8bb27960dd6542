/**
 * What a `select-resource-config` row is, when the query did not SELECT `resourceType` (its
 * WHERE clause fixed it: `SELECT resourceId, configuration WHERE resourceType = 'AWS::KMS::Key'`,
 * as Cloud Custodian's config source asks): the resource's own ARN in its configuration says.
 * Only the fields that hold the resource's own ARN are read (`arn`, `functionArn`,
 * `dBInstanceArn`, `TopicArn`, …), never those naming another resource (`role`, `kmsKeyId`).
 */
export interface RowIdentity {
  readonly resourceType: string;
  readonly resourceId: string;
  readonly arn: string;
}

/** Configuration fields (lower-cased) that hold the resource's own ARN. */
const OWN_ARN_FIELDS = new Set([
  'arn',
  'functionarn',
  'dbinstancearn',
  'dbclusterarn',
  'dbsnapshotarn',
  'dbclustersnapshotarn',
  'topicarn',
  'queuearn',
  'trailarn',
  'repositoryarn',
  'tablearn',
  'filesystemarn',
]);

/** `service` and the resource part's prefix → the Config type; the id is the part after it. */
const TYPES: readonly (readonly [service: string, prefix: RegExp, type: string])[] = [
  ['kms', /^key\//, 'AWS::KMS::Key'],
  ['rds', /^db:/, 'AWS::RDS::DBInstance'],
  ['rds', /^cluster:/, 'AWS::RDS::DBCluster'],
  ['rds', /^snapshot:/, 'AWS::RDS::DBSnapshot'],
  ['rds', /^cluster-snapshot:/, 'AWS::RDS::DBClusterSnapshot'],
  ['lambda', /^function:/, 'AWS::Lambda::Function'],
  ['iam', /^user\//, 'AWS::IAM::User'],
  ['iam', /^role\//, 'AWS::IAM::Role'],
  ['iam', /^group\//, 'AWS::IAM::Group'],
  ['iam', /^policy\//, 'AWS::IAM::Policy'],
  ['sns', /^/, 'AWS::SNS::Topic'],
  ['sqs', /^/, 'AWS::SQS::Queue'],
  ['ecr', /^repository\//, 'AWS::ECR::Repository'],
  ['eks', /^cluster\//, 'AWS::EKS::Cluster'],
  ['cloudtrail', /^trail\//, 'AWS::CloudTrail::Trail'],
  ['logs', /^log-group:/, 'AWS::Logs::LogGroup'],
  ['dynamodb', /^table\//, 'AWS::DynamoDB::Table'],
  ['elasticfilesystem', /^file-system\//, 'AWS::EFS::FileSystem'],
  ['ec2', /^security-group\//, 'AWS::EC2::SecurityGroup'],
  ['ec2', /^volume\//, 'AWS::EC2::Volume'],
  ['ec2', /^instance\//, 'AWS::EC2::Instance'],
  ['ec2', /^vpc\//, 'AWS::EC2::VPC'],
];

/** The row's type, id and ARN from its (decoded) configuration's own ARN; undefined when none says. */
export function identityInConfiguration(
  configuration: Readonly<Record<string, unknown>>,
): RowIdentity | undefined {
  for (const [field, value] of Object.entries(configuration)) {
    if (!OWN_ARN_FIELDS.has(field.toLowerCase()) || typeof value !== 'string') continue;
    const identity = identityOfArn(value);
    if (identity) return identity;
  }
  return undefined;
}

function identityOfArn(arn: string): RowIdentity | undefined {
  const parts = arn.split(':');
  if (parts[0] !== 'arn' || parts.length < 6) return undefined;
  const service = parts[2];
  // The resource part may itself hold colons (`db:name`, `log-group:/aws/x:*`).
  const resource = parts.slice(5).join(':');
  for (const [typeService, prefix, resourceType] of TYPES) {
    if (service !== typeService || !prefix.test(resource)) continue;
    const name = resource.replace(prefix, '').replace(/:\*$/, '');
    if (name === '') return undefined;
    return { resourceType, resourceId: name.split('/').pop() ?? name, arn };
  }
  return undefined;
}
