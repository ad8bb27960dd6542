import { describe, expect, it } from 'vitest';
import { constant, plan } from './dialect-plan.ts';
import { findingOf, resourceOf, scanDocument } from './helpers.ts';

/**
 * Where a resource is when its values do not say (SOURCES.md, "Dialects of public plans"): the
 * resource identity Terraform 1.12 and later record (`identity` of a state instance, with
 * `identity_schema_version`; `after_identity` of a change), which the AWS provider 6.x fills with
 * `account_id` and `region`; and a deleted resource, placed by its values before the plan.
 */

const ACCOUNT = '408187654321';

describe('the AWS provider’s resource identity', () => {
  it('places a state’s bucket in the account and Region its identity names (its ARN names no account)', async () => {
    const state = {
      version: 4,
      terraform_version: '1.12.2',
      serial: 2,
      lineage: '6f5e4d3c-2b1a-4098-8776-5544332211ff',
      outputs: {},
      resources: [
        {
          mode: 'managed',
          type: 'aws_s3_bucket',
          name: 'logs',
          provider: 'provider["registry.terraform.io/hashicorp/aws"]',
          instances: [
            {
              schema_version: 0,
              attributes: {
                arn: 'arn:aws:s3:::kansa-identity-logs',
                bucket: 'kansa-identity-logs',
                id: 'kansa-identity-logs',
              },
              sensitive_attributes: [],
              identity_schema_version: 0,
              identity: { account_id: ACCOUNT, bucket: 'kansa-identity-logs', region: 'ap-northeast-3' },
            },
          ],
        },
      ],
      check_results: null,
    };
    const bucket = resourceOf(await scanDocument(state, 'terraform.tfstate'), 'aws_s3_bucket.logs');
    expect([bucket.account, bucket.region]).toEqual([ACCOUNT, 'ap-northeast-3']);
  });
});

describe('a deleted resource', () => {
  it('is placed by its values before the plan, not by the provider block of a configuration it left', async () => {
    const before = {
      arn: `arn:aws:guardduty:ap-northeast-3:${ACCOUNT}:detector/0a1b2c3d4e5f`,
      enable: true,
      id: '0a1b2c3d4e5f',
    };
    const document = plan(
      [
        { address: 'aws_guardduty_detector.osaka', actions: ['delete'], before, after: null },
        {
          address: 'aws_kms_key.data',
          actions: ['no-op'],
          before: { arn: `arn:aws:kms:ap-northeast-3:${ACCOUNT}:key/1`, enable_key_rotation: true },
          after: { arn: `arn:aws:kms:ap-northeast-3:${ACCOUNT}:key/1`, enable_key_rotation: true },
        },
      ],
      { providers: { aws: { region: constant('ap-northeast-1') } } },
    );
    const scanned = await scanDocument(document);
    expect(resourceOf(scanned, 'aws_guardduty_detector.osaka').region).toBe('ap-northeast-3');
    const finding = findingOf(scanned, 'aws.guardduty.enabled-all-regions', `arn:aws:iam::${ACCOUNT}:root`);
    expect(finding.status).toBe('FAIL');
    expect(finding.data).toMatchObject({ regions: ['ap-northeast-3'] });
  });
});
