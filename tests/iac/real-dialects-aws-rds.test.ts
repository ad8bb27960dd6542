import { describe, expect, it } from 'vitest';
import { type Change, constant, type Json, plan, ref } from './dialect-plan.ts';
import { findingOf, resourceOf, scanDocument } from './helpers.ts';

/**
 * RDS storage keys as AWS provider 5.x plans them (SOURCES.md, "RDS keys left out"): an encrypted
 * new instance or cluster whose configuration names no `kms_key_id` shows it known only after
 * apply, as it does the Optional+Computed `snapshot_identifier`; RDS then uses its AWS managed key.
 */

const CMK = 'common.classification.cmk-at-rest';

function instance(expressions: Json = {}, afterUnknown: Json = {}): Change {
  return {
    address: 'aws_db_instance.db',
    after: {
      engine: 'postgres',
      instance_class: 'db.t3.micro',
      storage_encrypted: true,
      publicly_accessible: false,
      replicate_source_db: null,
      restore_to_point_in_time: [],
      s3_import: [],
    },
    afterUnknown: {
      arn: true,
      id: true,
      kms_key_id: true,
      snapshot_identifier: true,
      restore_to_point_in_time: [],
      s3_import: [],
      ...afterUnknown,
    },
    expressions: { storage_encrypted: constant(true), publicly_accessible: constant(false), ...expressions },
  };
}

const providers = { aws: { region: constant('ap-northeast-1') } };

describe('RDS storage encrypted without a key of the configuration', () => {
  it('is encrypted with the AWS managed key aws/rds', async () => {
    const scanned = await scanDocument(plan([instance()], { providers }));
    const finding = findingOf(scanned, CMK, 'aws_db_instance.db');
    expect(finding.status).toBe('FAIL');
    expect(finding.evidence.map((e) => e.path)).toContain('aws_db_instance.db.kms_key_id');
    expect(
      (resourceOf(scanned, 'aws_db_instance.db').facts as Record<string, { value?: unknown }>).kmsKeyId,
    ).toMatchObject({
      value: 'alias/aws/rds',
      source: 'default',
    });
  });

  it('keeps a key of the plan, and the key of a snapshot the instance is restored from unknown', async () => {
    const key: Change = {
      address: 'aws_kms_key.rds',
      after: { enable_key_rotation: true, is_enabled: true },
      afterUnknown: { arn: true, id: true, key_id: true },
    };
    const withKey = instance({ kms_key_id: ref('aws_kms_key.rds.arn', 'aws_kms_key.rds') });
    expect(
      findingOf(await scanDocument(plan([key, withKey], { providers })), CMK, 'aws_db_instance.db').status,
    ).toBe('PASS');
    const restored = instance({
      snapshot_identifier: ref('data.aws_db_snapshot.latest.id', 'data.aws_db_snapshot.latest'),
    });
    expect(
      findingOf(await scanDocument(plan([restored], { providers })), CMK, 'aws_db_instance.db').status,
    ).toBe('UNKNOWN');
  });

  it('reads an Aurora cluster and its instances alike', async () => {
    const cluster: Change = {
      address: 'aws_rds_cluster.aurora',
      after: {
        engine: 'aurora-postgresql',
        engine_mode: 'provisioned',
        storage_encrypted: true,
        backup_retention_period: 7,
      },
      afterUnknown: { arn: true, id: true, kms_key_id: true, snapshot_identifier: true },
      expressions: { storage_encrypted: constant(true) },
    };
    const member: Change = {
      address: 'aws_rds_cluster_instance.aurora',
      after: { engine: 'aurora-postgresql', instance_class: 'db.serverless', publicly_accessible: false },
      afterUnknown: {
        arn: true,
        id: true,
        cluster_identifier: true,
        kms_key_id: true,
        storage_encrypted: true,
      },
      expressions: { cluster_identifier: ref('aws_rds_cluster.aurora.id', 'aws_rds_cluster.aurora') },
    };
    const scanned = await scanDocument(plan([cluster, member], { providers }));
    expect(findingOf(scanned, CMK, 'aws_rds_cluster.aurora').status).toBe('FAIL');
    expect(findingOf(scanned, CMK, 'aws_rds_cluster_instance.aurora').status).toBe('FAIL');
  });
});
