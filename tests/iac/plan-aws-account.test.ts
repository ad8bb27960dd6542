import { describe, expect, it } from 'vitest';
import { accountResourceId } from '../../src/model/resource.ts';
import { type Change, constant, type Json, plan, STRICT_PASSWORD_POLICY } from './dialect-plan.ts';
import { findingOf, resourceOf, scanDocument } from './helpers.ts';

/**
 * Account-wide AWS settings in a plan: `aws_iam_account_password_policy` (attributes as in
 * hashicorp/terraform-provider-aws, internal/service/iam/account_password_policy.go: the
 * `require_*` flags and `password_reuse_prevention` Optional+Computed, `minimum_password_length`
 * defaulting to 6) and the deletion of an account's settings.
 */

const ACCOUNT_ID = accountResourceId('aws', '123456789012');
const CHECK = 'aws.iam.password-policy';
const STRICT = STRICT_PASSWORD_POLICY;
/** Every attribute the configuration sets, as constants. */
const configured = (values: Json) =>
  Object.fromEntries(Object.keys(values).map((key) => [key, constant(values[key])]));

/** A plan of one account: the provider block names it. */
function scanPlan(...changes: Change[]) {
  return scanDocument(
    plan(changes, {
      providers: {
        aws: { region: constant('ap-northeast-1'), allowed_account_ids: constant(['123456789012']) },
      },
    }),
  );
}

describe('aws_iam_account_password_policy in a plan', () => {
  it('a new strict policy passes, on the account, with the attributes as evidence', async () => {
    const scanned = await scanPlan({
      address: 'aws_iam_account_password_policy.strict',
      after: STRICT,
      expressions: configured(STRICT),
    });
    const account = resourceOf(scanned, ACCOUNT_ID);
    expect(account.origin.iac?.address).toBe('aws_iam_account_password_policy.strict');
    const finding = findingOf(scanned, CHECK, ACCOUNT_ID);
    expect(finding.status).toBe('PASS');
    expect(finding.evidence.map((e) => e.path)).toContain(
      'aws_iam_account_password_policy.strict.minimum_password_length',
    );
  });

  it('a flag the configuration leaves out is what IAM resets it to (false), so the policy falls short', async () => {
    const { require_symbols: _left, password_reuse_prevention: _out, ...rest } = STRICT;
    const scanned = await scanPlan({
      address: 'aws_iam_account_password_policy.p',
      after: rest,
      afterUnknown: { require_symbols: true, password_reuse_prevention: true },
      expressions: configured(rest),
    });
    const finding = findingOf(scanned, CHECK, ACCOUNT_ID);
    expect(finding.status).toBe('FAIL');
    expect(finding.change).toBe('introduced');
    const symbols = finding.evidence.find(
      (e) => e.path === 'aws_iam_account_password_policy.p.require_symbols',
    );
    expect(symbols).toMatchObject({ value: false, source: 'default' });
    expect(finding.evidence.map((e) => e.path)).toContain(
      'aws_iam_account_password_policy.p.password_reuse_prevention',
    );
  });

  it('a flag set from a value known only after apply leaves the verdict open', async () => {
    const { require_symbols: _later, ...rest } = STRICT;
    const scanned = await scanPlan({
      address: 'aws_iam_account_password_policy.p',
      after: rest,
      afterUnknown: { require_symbols: true },
      expressions: { ...configured(rest), require_symbols: { references: ['data.external.policy.result'] } },
    });
    expect(findingOf(scanned, CHECK, ACCOUNT_ID).status).toBe('UNKNOWN');
  });

  it('a short minimum length fails (the provider default of 6 is shown by the plan)', async () => {
    const { minimum_password_length: _default, ...rest } = STRICT;
    const scanned = await scanPlan({
      address: 'aws_iam_account_password_policy.p',
      after: { ...STRICT, minimum_password_length: 6 },
      expressions: configured(rest),
    });
    const finding = findingOf(scanned, CHECK, ACCOUNT_ID);
    expect(finding.status).toBe('FAIL');
    expect(finding.evidence).toContainEqual(
      expect.objectContaining({
        path: 'aws_iam_account_password_policy.p.minimum_password_length',
        value: 6,
      }),
    );
  });

  it('deleting the policy leaves the account with none: a failure the plan brings in', async () => {
    const scanned = await scanPlan({
      address: 'aws_iam_account_password_policy.strict',
      actions: ['delete'],
      before: STRICT,
      after: null,
    });
    expect(scanned.coverage.skipped).toEqual([]);
    const finding = findingOf(scanned, CHECK, ACCOUNT_ID);
    expect(finding.status).toBe('FAIL');
    expect(finding.change).toBe('introduced');
    expect(finding.evidence).toContainEqual(
      expect.objectContaining({ path: 'aws_iam_account_password_policy.strict', value: false }),
    );
  });

  it('deleting a weak policy keeps the failure that was there', async () => {
    const scanned = await scanPlan({
      address: 'aws_iam_account_password_policy.p',
      actions: ['delete'],
      before: { ...STRICT, minimum_password_length: 8 },
      after: null,
    });
    const finding = findingOf(scanned, CHECK, ACCOUNT_ID);
    expect(finding.status).toBe('FAIL');
    expect(finding.change).toBe('kept');
  });
});

describe('deleting the account-wide S3 Block Public Access', () => {
  const BLOCKS = {
    account_id: '123456789012',
    block_public_acls: true,
    block_public_policy: true,
    ignore_public_acls: true,
    restrict_public_buckets: true,
    id: '123456789012',
  };
  const PUBLIC_BUCKET = {
    arn: 'arn:aws:s3:::city-open-data',
    bucket: 'city-open-data',
    id: 'city-open-data',
    region: 'ap-northeast-1',
    acl: 'public-read',
    grant: [],
    policy: '',
    tags: {},
    tags_all: {},
  };
  // The bucket's own blocks are off: only the account's guarded it.
  const OWN_BLOCKS = {
    bucket: 'city-open-data',
    id: 'city-open-data',
    block_public_acls: false,
    block_public_policy: false,
    ignore_public_acls: false,
    restrict_public_buckets: false,
  };
  const unchanged = (address: string, values: Json): Change => ({
    address,
    actions: ['no-op'],
    before: values,
    after: values,
  });
  const bucket = [
    unchanged('aws_s3_bucket.open', PUBLIC_BUCKET),
    unchanged('aws_s3_bucket_public_access_block.open', OWN_BLOCKS),
  ];

  it('turns every block off: a bucket it guarded becomes public', async () => {
    const guarded = await scanPlan(unchanged('aws_s3_account_public_access_block.this', BLOCKS), ...bucket);
    expect(findingOf(guarded, 'aws.s3.bucket-public-access', 'aws_s3_bucket.open').status).toBe('PASS');

    const removed = await scanPlan(
      {
        address: 'aws_s3_account_public_access_block.this',
        actions: ['delete'],
        before: BLOCKS,
        after: null,
      },
      ...bucket,
    );
    const finding = findingOf(removed, 'aws.s3.bucket-public-access', 'aws_s3_bucket.open');
    expect(finding.status).toBe('FAIL');
    expect(finding.evidence).toContainEqual(
      expect.objectContaining({ path: 'aws_s3_account_public_access_block.this', value: false }),
    );
  });
});
