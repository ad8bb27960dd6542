import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, findingOf, resourceOf, type Scanned, scanFile } from './helpers.ts';

const PLAN = path.join(FIXTURES, 'aws/plan.json');
let scan: Scanned;

beforeAll(async () => {
  scan = await scanFile(PLAN);
});

describe('AWS plan (terraform show -json, format_version 1.2)', () => {
  it('is detected by its shape, and deletions and data sources are skipped with a reason', () => {
    expect(scan.coverage.format).toBe('terraform-json');
    expect(scan.coverage.error).toBeUndefined();
    expect(scan.coverage.skipped.map((s) => s.reason).sort()).toEqual([
      'aws_ebs_volume.scratch: deleted by the plan: not evaluated',
      'data.aws_iam_policy_document.deny_http: data source: it reads, it does not deploy',
    ]);
    expect(scan.resources.map((r) => r.id)).not.toContain('aws_ebs_volume.scratch');
  });

  it('links split S3 resources in a for_each module by reference alone (the child bucket is unknown)', () => {
    const open = resourceOf(scan, 'module.storage.aws_s3_bucket.this["public"]');
    expect(open.origin.iac?.parts).toEqual([
      'module.storage.aws_s3_bucket_public_access_block.this["public"]',
      'module.storage.aws_s3_bucket_acl.this["public"]',
    ]);
    expect(open.origin.iac?.moduleSources).toEqual(['./modules/storage']);
    const finding = findingOf(scan, 'aws.s3.bucket-public-access', open.id);
    expect(finding.status).toBe('FAIL');
    expect(finding.change).toBe('introduced');
    expect(finding.evidence.map((e) => e.path)).toContain(
      'module.storage.aws_s3_bucket_acl.this["public"].acl',
    );

    const closed = findingOf(
      scan,
      'aws.s3.bucket-public-access',
      'module.storage.aws_s3_bucket.this["data"]',
    );
    expect(closed.status).toBe('PASS');
  });

  it('pairs count instances by index and follows a module variable back to the root bucket', () => {
    const first = resourceOf(scan, 'aws_s3_bucket.archive[0]');
    const second = resourceOf(scan, 'aws_s3_bucket.archive[1]');
    expect(first.origin.iac?.parts).toEqual([
      'aws_s3_bucket_server_side_encryption_configuration.archive[0]',
    ]);
    expect(second.origin.iac?.parts).toEqual([
      'aws_s3_bucket_server_side_encryption_configuration.archive[1]',
      'module.audit.aws_s3_bucket_public_access_block.this',
    ]);
  });

  it('resolves a KMS key the plan creates (its ARN known only after apply) as customer managed', () => {
    const finding = findingOf(scan, 'aws.s3.bucket-cmk-encryption', 'aws_s3_bucket.archive[0]');
    expect(finding.status).toBe('PASS');
  });

  it('places resources by their provider block, aliases included, a region variable by its value in the plan', () => {
    expect(resourceOf(scan, 'aws_security_group.web').region).toBe('ap-northeast-3');
    expect(resourceOf(scan, 'aws_kms_key.archive').region).toBe('ap-northeast-1');
    // `aws.dr` sets `region = var.dr_region`, which the plan's `variables` give as us-west-2.
    expect(resourceOf(scan, 'aws_s3_bucket.replica').region).toBe('us-west-2');
    expect(findingOf(scan, 'common.location.data-in-japan', 'aws_s3_bucket.replica').status).toBe('FAIL');
    expect(findingOf(scan, 'common.location.data-in-japan', 'aws_kms_key.archive').status).toBe('PASS');
    expect(resourceOf(scan, 'aws_iam_role.ops').region).toBe('global');
  });

  it('takes the account from the provider block, and gives region-only aliases the same account', () => {
    expect(new Set(scan.resources.map((r) => r.account))).toEqual(new Set(['123456789012']));
  });

  it('merges inline and split security group rules', () => {
    const finding = findingOf(scan, 'aws.ec2.security-group-open-ports', 'aws_security_group.web');
    expect(finding.status).toBe('FAIL');
    expect(JSON.stringify(finding.evidence)).toContain('"fromPort":22');
  });

  it('says an update brings a failure in when the resource passed before it', () => {
    const finding = findingOf(scan, 'aws.rds.instance-public-access', 'aws_db_instance.main');
    expect(finding.status).toBe('FAIL');
    expect(finding.change).toBe('introduced');
    expect(resourceOf(scan, 'aws_db_instance.main').origin.iac?.action).toBe('update');
  });

  it('judges a created unencrypted volume, and leaves unchanged resources as kept', () => {
    const volume = findingOf(scan, 'common.encryption.disk-at-rest', 'aws_ebs_volume.data');
    expect(volume.status).toBe('FAIL');
    expect(volume.change).toBe('introduced');
    // The trail is judged on the account it covers.
    const trail = findingOf(scan, 'aws.cloudtrail.multi-region-trail', 'arn:aws:iam::123456789012:root');
    expect(trail.status).toBe('PASS');
    expect(trail.change).toBeUndefined();
  });

  it('sees the policy a split attachment gives a role', () => {
    const role = resourceOf(scan, 'aws_iam_role.ops');
    const facts = role.facts as { attachedPolicyArns?: { value?: string[] } };
    expect(facts.attachedPolicyArns?.value).toEqual(['arn:aws:iam::aws:policy/AdministratorAccess']);
  });

  it('finds the resource declarations in the .tf files beside the plan, modules included', () => {
    expect(resourceOf(scan, 'aws_db_instance.main').origin.iac?.declaration).toEqual({
      file: path.join(FIXTURES, 'aws/main.tf'),
      line: 88,
    });
    const declared = resourceOf(scan, 'module.storage.aws_s3_bucket.this["data"]').origin.iac?.declaration;
    expect(declared?.file.endsWith(path.join('aws', 'modules', 'storage', 'main.tf'))).toBe(true);
    expect(declared?.line).toBe(9);
  });

  it('never prints a sensitive value', () => {
    expect(JSON.stringify(scan.findings)).not.toContain('example-not-a-secret');
    expect(JSON.stringify(scan.resources)).not.toContain('example-not-a-secret');
  });
});
