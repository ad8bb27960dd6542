import { describe, expect, it } from 'vitest';
import { accountResourceId } from '../../src/model/resource.ts';
import { findingOf, resourceOf, scanDocument } from './helpers.ts';

/**
 * Account-wide AWS settings in a plan: `aws_iam_account_password_policy` (attributes as in
 * hashicorp/terraform-provider-aws, internal/service/iam/account_password_policy.go: the
 * `require_*` flags and `password_reuse_prevention` Optional+Computed, `minimum_password_length`
 * defaulting to 6) and the deletion of an account's settings.
 */

type Json = Record<string, unknown>;
const AWS = 'registry.terraform.io/hashicorp/aws';
const ACCOUNT_ID = accountResourceId('aws', '123456789012');
const STRICT = {
  allow_users_to_change_password: true,
  minimum_password_length: 14,
  require_lowercase_characters: true,
  require_numbers: true,
  require_symbols: true,
  require_uppercase_characters: true,
  password_reuse_prevention: 24,
  hard_expiry: false,
  max_password_age: 0,
};

function change(
  address: string,
  actions: string[],
  before: Json | null,
  after: Json | null,
  unknown: Json = {},
): Json {
  const [type, name] = address.split('.');
  return {
    address,
    mode: 'managed',
    type,
    name,
    provider_name: AWS,
    change: {
      actions,
      before,
      after,
      after_unknown: unknown,
      before_sensitive: before ? {} : false,
      after_sensitive: after ? {} : false,
    },
  };
}

/** A plan of one account (the provider block names it), with the `resource` blocks' attributes. */
function plan(changes: Json[], configured: Record<string, string[]> = {}): Json {
  return {
    format_version: '1.2',
    terraform_version: '1.9.8',
    planned_values: { root_module: {} },
    resource_changes: changes,
    configuration: {
      provider_config: {
        aws: {
          name: 'aws',
          full_name: AWS,
          expressions: {
            region: { constant_value: 'ap-northeast-1' },
            allowed_account_ids: { constant_value: ['123456789012'] },
          },
        },
      },
      root_module: {
        resources: Object.entries(configured).map(([address, attributes]) => {
          const [type, name] = address.split('.');
          return {
            address,
            mode: 'managed',
            type,
            name,
            provider_config_key: 'aws',
            expressions: Object.fromEntries(attributes.map((a) => [a, { constant_value: true }])),
          };
        }),
      },
    },
  };
}

const CHECK = 'aws.iam.password-policy';

describe('aws_iam_account_password_policy in a plan', () => {
  it('a new strict policy passes, on the account, with the attributes as evidence', async () => {
    const scanned = await scanDocument(
      plan([change('aws_iam_account_password_policy.strict', ['create'], null, STRICT)]),
    );
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
    const scanned = await scanDocument(
      plan(
        [
          change('aws_iam_account_password_policy.p', ['create'], null, rest, {
            require_symbols: true,
            password_reuse_prevention: true,
          }),
        ],
        {
          'aws_iam_account_password_policy.p': [
            'minimum_password_length',
            'require_lowercase_characters',
            'require_numbers',
            'require_uppercase_characters',
          ],
        },
      ),
    );
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
    const scanned = await scanDocument(
      plan([change('aws_iam_account_password_policy.p', ['create'], null, rest, { require_symbols: true })], {
        'aws_iam_account_password_policy.p': ['require_symbols'],
      }),
    );
    expect(findingOf(scanned, CHECK, ACCOUNT_ID).status).toBe('UNKNOWN');
  });

  it('a short minimum length fails (the provider default of 6 is shown by the plan)', async () => {
    const scanned = await scanDocument(
      plan([
        change('aws_iam_account_password_policy.p', ['create'], null, {
          ...STRICT,
          minimum_password_length: 6,
        }),
      ]),
    );
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
    const scanned = await scanDocument(
      plan([change('aws_iam_account_password_policy.strict', ['delete'], STRICT, null)]),
    );
    expect(scanned.coverage.skipped).toEqual([]);
    const finding = findingOf(scanned, CHECK, ACCOUNT_ID);
    expect(finding.status).toBe('FAIL');
    expect(finding.change).toBe('introduced');
    expect(finding.evidence).toContainEqual(
      expect.objectContaining({ path: 'aws_iam_account_password_policy.strict', value: false }),
    );
  });

  it('deleting a weak policy keeps the failure that was there', async () => {
    const weak = { ...STRICT, minimum_password_length: 8 };
    const scanned = await scanDocument(
      plan([change('aws_iam_account_password_policy.p', ['delete'], weak, null)]),
    );
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
  const bucket = [
    change('aws_s3_bucket.open', ['no-op'], PUBLIC_BUCKET, PUBLIC_BUCKET),
    change('aws_s3_bucket_public_access_block.open', ['no-op'], OWN_BLOCKS, OWN_BLOCKS),
  ];

  it('turns every block off: a bucket it guarded becomes public', async () => {
    const guarded = await scanDocument(
      plan([change('aws_s3_account_public_access_block.this', ['no-op'], BLOCKS, BLOCKS), ...bucket]),
    );
    expect(findingOf(guarded, 'aws.s3.bucket-public-access', 'aws_s3_bucket.open').status).toBe('PASS');

    const removed = await scanDocument(
      plan([change('aws_s3_account_public_access_block.this', ['delete'], BLOCKS, null), ...bucket]),
    );
    const finding = findingOf(removed, 'aws.s3.bucket-public-access', 'aws_s3_bucket.open');
    expect(finding.status).toBe('FAIL');
    expect(finding.evidence).toContainEqual(
      expect.objectContaining({ path: 'aws_s3_account_public_access_block.this', value: false }),
    );
  });
});
