import { beforeAll, describe, expect, it } from 'vitest';
import { loadCsvParser } from '../../../src/sources/csv.ts';
import { fact } from '../../helpers/checks.ts';
import { readRows } from './read-rows.ts';

// Rows as `steampipe query --output json "select * from <table>"` writes them, with the columns
// of turbot/steampipe-plugin-aws table_aws_rds_db_cluster.go, table_aws_sns_topic.go and
// table_aws_sqs_queue.go.
const ACCOUNT = '111122223333';
const common = (arn: string, title: string) => ({
  title,
  akas: [arn],
  tags: null,
  partition: 'aws',
  region: 'ap-northeast-1',
  account_id: ACCOUNT,
});

beforeAll(loadCsvParser);

describe('steampipe-rows: aws_rds_db_cluster, aws_sns_topic, aws_sqs_queue', () => {
  it('reads an aws_rds_db_cluster row as the cluster’s Config item', () => {
    const arn = `arn:aws:rds:ap-northeast-1:${ACCOUNT}:cluster:orders`;
    const { resources } = readRows([
      {
        db_cluster_identifier: 'orders',
        arn,
        resource_id: 'cluster-ABCDEFGHIJKLMNOP',
        engine: 'aurora-postgresql',
        storage_encrypted: true,
        kms_key_id: `arn:aws:kms:ap-northeast-1:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`,
        publicly_accessible: null,
        enabled_cloudwatch_logs_exports: null,
        backup_retention_period: 7,
        ...common(arn, 'orders'),
      },
    ]);
    const [cluster] = resources;
    expect(cluster).toMatchObject({ id: arn, kansaType: 'database.server', region: 'ap-northeast-1' });
    expect(fact(cluster, 'encrypted')).toMatchObject({ source: 'explicit', value: true });
    // Null: no log exported, RDS's default.
    expect(fact(cluster, 'enabledLogExports')).toMatchObject({ source: 'default', value: [] });
    // An Aurora cluster's instances hold publicly_accessible: nothing on the cluster.
    expect(fact(cluster, 'reachableFromInternet')).toBeUndefined();
  });

  it('reads aws_sns_topic and aws_sqs_queue rows’ KMS keys; null is no KMS key', () => {
    const topic = `arn:aws:sns:ap-northeast-1:${ACCOUNT}:alerts`;
    const queue = `arn:aws:sqs:ap-northeast-1:${ACCOUNT}:jobs`;
    const { resources } = readRows([
      {
        topic_arn: topic,
        display_name: '',
        kms_master_key_id: null,
        policy: null,
        ...common(topic, 'alerts'),
      },
    ]);
    expect(resources[0]).toMatchObject({ id: topic, kansaType: 'storage.queue' });
    expect(fact(resources[0], 'customerManagedKey')).toMatchObject({ source: 'default', value: false });
    const queues = readRows([
      {
        queue_url: `https://sqs.ap-northeast-1.amazonaws.com/${ACCOUNT}/jobs`,
        queue_arn: queue,
        fifo_queue: false,
        kms_master_key_id: 'alias/jobs',
        sqs_managed_sse_enabled: false,
        policy: null,
        ...common(queue, 'jobs'),
      },
    ]).resources;
    expect(queues[0]).toMatchObject({ id: queue });
    expect(fact(queues[0], 'kmsKeyId')).toMatchObject({ source: 'explicit', value: 'alias/jobs' });
  });

  it('reads an aws_ec2_instance row where it runs, with its tags', () => {
    const arn = `arn:aws:ec2:us-east-1:${ACCOUNT}:instance/i-0abc1234def567890`;
    const { resources } = readRows([
      {
        instance_id: 'i-0abc1234def567890',
        arn,
        instance_type: 't3.micro',
        instance_state: 'running',
        placement_availability_zone: 'us-east-1a',
        ...common(arn, 'web'),
        tags: { confidentiality: '2' },
        region: 'us-east-1',
      },
    ]);
    expect(resources[0]).toMatchObject({
      id: arn,
      kansaType: 'compute.vm',
      region: 'us-east-1',
      tags: { confidentiality: '2' },
    });
  });
});
