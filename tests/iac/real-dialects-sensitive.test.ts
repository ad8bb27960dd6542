import { describe, expect, it } from 'vitest';
import { type Change, constant, type Json, plan, ref } from './dialect-plan.ts';
import { findingOf, scanDocument } from './helpers.ts';

/**
 * Blocks a plan marks sensitive as a whole because one argument comes from a sensitive variable
 * (SOURCES.md, "Blocks sensitive as a whole"): the arguments the configuration writes as
 * constants are read from it; the sensitive one stays unread.
 */

const providers = { aws: { region: constant('ap-northeast-1') } };

function encryption(algorithm: Json): Change {
  return {
    address: 'aws_s3_bucket_server_side_encryption_configuration.main',
    after: {
      expected_bucket_owner: null,
      rule: [
        {
          apply_server_side_encryption_by_default: [
            { kms_master_key_id: 'arn:aws:kms:ap-northeast-1:111122223333:key/k', sse_algorithm: 'aws:kms' },
          ],
          bucket_key_enabled: true,
        },
      ],
    },
    afterUnknown: { bucket: true, id: true, rule: [{ apply_server_side_encryption_by_default: [{}] }] },
    expressions: {
      bucket: ref('aws_s3_bucket.main.id', 'aws_s3_bucket.main'),
      rule: [
        {
          apply_server_side_encryption_by_default: [
            { kms_master_key_id: ref('var.kms_key_arn'), sse_algorithm: algorithm },
          ],
          bucket_key_enabled: constant(true),
        },
      ],
    },
  };
}

const bucket: Change = {
  address: 'aws_s3_bucket.main',
  after: { bucket: 'team-data', force_destroy: false },
  afterUnknown: { id: true, arn: true },
};

/** The plan as Terraform writes it: the whole `rule` sensitive. */
function sensitivePlan(algorithm: Json): Json {
  const document = plan([bucket, encryption(algorithm)], { providers }) as {
    resource_changes: { address: string; change: Json }[];
  };
  const change = document.resource_changes.find((c) => c.address.includes('server_side'))!.change;
  change.after_sensitive = { rule: true };
  return document;
}

describe('a block sensitive as a whole', () => {
  it('reads the algorithm the configuration writes as a constant', async () => {
    const scanned = await scanDocument(sensitivePlan(constant('aws:kms')));
    const finding = findingOf(scanned, 'common.encryption.storage-at-rest', 'aws_s3_bucket.main');
    expect(finding.status).toBe('PASS');
    expect(JSON.stringify(scanned.findings)).not.toContain('arn:aws:kms:ap-northeast-1:111122223333:key/k');
    // The key itself is the sensitive variable's: never read.
    expect(findingOf(scanned, 'aws.s3.bucket-cmk-encryption', 'aws_s3_bucket.main').status).toBe('UNKNOWN');
  });

  it('leaves an algorithm of a variable unread', async () => {
    const scanned = await scanDocument(sensitivePlan(ref('var.algorithm')));
    expect(findingOf(scanned, 'common.encryption.storage-at-rest', 'aws_s3_bucket.main').status).toBe(
      'UNKNOWN',
    );
  });
});
