import type { Resource } from '../../model/resource.ts';
import { membersOf, scopesOf } from '../scoutsuite-scopes.ts';
import { type ScoutItem, type ScoutRun, scoutResource } from './scoutsuite-item.ts';

/*
 * ScoutSuite's other data services as Config items (ScoutSuite/providers/aws/resources/
 * {awslambda,sqs,sns,dynamodb,efs,redshift,secretsmanager}): each keeps a few fields of the
 * API's answer, under its own names or the API's.
 */

/** The ScoutSuite services this file reads. */
export const DATA_SERVICES = ['awslambda', 'sqs', 'sns', 'dynamodb', 'efs', 'redshift', 'secretsmanager'];

export function* dataServiceResources(services: Record<string, unknown>, run: ScoutRun): Generator<Resource> {
  const read = function* (
    service: string,
    collection: string,
    toItem: (member: Record<string, unknown>, id: string, region: string) => ScoutItem | undefined,
  ): Generator<Resource> {
    for (const [region, scope] of scopesOf(services[service], 'regions')) {
      // Redshift nests its clusters in VPCs, as EC2 and RDS do.
      const holders = service === 'redshift' ? membersOf(scope.vpcs).map(([, vpc]) => vpc) : [scope];
      for (const holder of holders)
        for (const [id, member] of membersOf(holder[collection])) {
          const item = toItem(member, id, region);
          if (item) yield scoutResource(item, run);
          else run.ctx.skip(`a ScoutSuite ${service} ${collection} entry without its name or ARN (${id})`);
        }
    }
  };
  yield* read('awslambda', 'functions', lambdaFunction);
  yield* read('sqs', 'queues', sqsQueue);
  yield* read('sns', 'topics', snsTopic);
  yield* read('dynamodb', 'tables', dynamoDbTable);
  yield* read('efs', 'filesystems', (fileSystem, id, region) =>
    named(fileSystem.arn, id, region, {
      resourceType: 'AWS::EFS::FileSystem',
      // DescribeFileSystems' FileSystem with `FileSystemId` moved to the key (`Encrypted`, `KmsKeyId`).
      configuration: { ...fileSystem, FileSystemId: id },
      tags: fileSystem.tags,
    }),
  );
  yield* read('redshift', 'clusters', (cluster, id, region) =>
    named(cluster.arn, id, region, {
      resourceType: 'AWS::Redshift::Cluster',
      // DescribeClusters' Cluster with `ClusterIdentifier` made `name` (`Encrypted`, `KmsKeyId`, `PubliclyAccessible`).
      configuration: { ...cluster, ClusterIdentifier: id },
      tags: cluster.Tags,
    }),
  );
  yield* read('secretsmanager', 'secrets', (secret, _id, region) =>
    named(secret.arn, secret.name, region, {
      resourceType: 'AWS::SecretsManager::Secret',
      // `kms` is ListSecrets' KmsKeyId, absent (null) for the AWS managed aws/secretsmanager key.
      configuration: { Name: secret.name, KmsKeyId: typeof secret.kms === 'string' ? secret.kms : null },
      tags: secret.tags,
    }),
  );
}

/** An item named by its ARN and name, or none when ScoutSuite kept neither. */
function named(
  arn: unknown,
  name: unknown,
  region: string,
  item: Omit<ScoutItem, 'id' | 'region' | 'arn'>,
): ScoutItem | undefined {
  if (typeof arn !== 'string' || !arn.startsWith('arn:') || typeof name !== 'string' || name === '')
    return undefined;
  return { ...item, id: name, region, arn };
}

/**
 * awslambda/functions.py: `access_policy`, GetPolicy's document, or a stand-in with no statement
 * (`{"Version", "Id": "default", "Statement": []}`) both when the function has no policy and when
 * the call failed: a policy always holds a statement (removing the last one deletes it), so the
 * stand-in is unknown.
 */
function lambdaFunction(fn: Record<string, unknown>, _id: string, region: string): ScoutItem | undefined {
  const policy = fn.access_policy;
  const statements = (policy as { Statement?: unknown } | null | undefined)?.Statement;
  const known = Array.isArray(statements) ? statements.length > 0 : policy !== undefined && policy !== null;
  return named(fn.arn, fn.name, region, {
    resourceType: 'AWS::Lambda::Function',
    configuration: { functionName: fn.name, ...(typeof fn.runtime === 'string' && { runtime: fn.runtime }) },
    supplementary: known ? { Policy: JSON.stringify(policy) } : {},
  });
}

/**
 * sqs/queues.py: GetQueueAttributes' `KmsMasterKeyId` and `SqsManagedSseEnabled` as
 * `kms_master_key_id` and `sqs_managed_sse_enabled` (null where the queue has none): no key is
 * written as null, which a partial item reads as none. `sqs_managed_sse_enabled` (5.12 on) is the
 * attribute's string, `"true"` or `"false"`, as Config records it too.
 */
function sqsQueue(queue: Record<string, unknown>, _id: string, region: string): ScoutItem | undefined {
  return named(queue.arn, queue.name, region, {
    resourceType: 'AWS::SQS::Queue',
    configuration: {
      QueueArn: queue.arn,
      KmsMasterKeyId: typeof queue.kms_master_key_id === 'string' ? queue.kms_master_key_id : null,
      ...((typeof queue.sqs_managed_sse_enabled === 'boolean' ||
        queue.sqs_managed_sse_enabled === 'true' ||
        queue.sqs_managed_sse_enabled === 'false') && {
        SqsManagedSseEnabled: queue.sqs_managed_sse_enabled,
      }),
    },
  });
}

/**
 * sns/topics.py: the topic with its attributes' `KmsMasterKeyId` beside it where set (without
 * the attributes ScoutSuite's run stops, so a topic without it has no key).
 */
function snsTopic(topic: Record<string, unknown>, _id: string, region: string): ScoutItem | undefined {
  return named(topic.arn, topic.name, region, {
    resourceType: 'AWS::SNS::Topic',
    configuration: {
      TopicArn: topic.arn,
      KmsMasterKeyId: typeof topic.KmsMasterKeyId === 'string' ? topic.KmsMasterKeyId : null,
    },
  });
}

/**
 * dynamodb/tables.py keeps `sse_enabled`, whether DescribeTable answered an `SSEDescription`,
 * which it does for a table encrypted with a KMS key (AWS managed or the customer's) and not for
 * one under the AWS owned key; the key's ARN it drops, so a KMS table's key is unknown.
 */
function dynamoDbTable(table: Record<string, unknown>, _id: string, region: string): ScoutItem | undefined {
  const sse =
    table.sse_enabled === true
      ? { SSEDescription: { SSEType: 'KMS' } }
      : table.sse_enabled === false
        ? { SSEDescription: null }
        : {};
  return named(table.arn, table.name, region, {
    resourceType: 'AWS::DynamoDB::Table',
    configuration: { tableName: table.name, ...sse },
    tags: table.tags,
  });
}
