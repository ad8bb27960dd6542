import { describe, expect, it } from 'vitest';
import { bucketV3, type Change, constant, type Json, plan, ref } from './dialect-plan.ts';
import { findingOf, resourceOf, scanDocument } from './helpers.ts';

/**
 * IAM policies reached through attachments (SOURCES.md, "Dialects of public plans"): a customer
 * managed `aws_iam_policy` the plan creates has an ARN known only after apply, so the attachment
 * names it through the configuration's `references`; its document is judged as the principal's.
 * A document or a policy the plan does not show leaves the principal's rights unknown, never
 * passed.
 */

const ACCOUNT = 'arn:aws:iam::(unknown):root';
const COUNT = 'aws.iam.privileged-principal-count';

const document = (effect: string, action: string) =>
  `{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Action": [\n        "${action}"\n      ],\n      "Effect": "${effect}",\n      "Resource": "*"\n    }\n  ]\n}\n`;

/** A new aws_iam_policy (format 0.1 leaves its heredoc out of `configuration`). */
const policy = (name: string, text: string | null): Change => ({
  address: `aws_iam_policy.${name}`,
  after: { name, path: '/', name_prefix: null, ...(text !== null && { policy: text }) },
  afterUnknown: { arn: true, id: true, policy_id: true, ...(text === null && { policy: true }) },
  expressions: { name: constant(name) },
});

const user = (name: string): Change => ({
  address: `aws_iam_user.${name}`,
  after: { name, path: '/', force_destroy: false, permissions_boundary: null, tags: null },
  afterUnknown: { arn: true, id: true, unique_id: true, tags_all: true },
  expressions: { name: constant(name) },
});

/** A new role of provider v3/v4: `inline_policy` and `managed_policy_arns` computed when left out. */
const role = (name: string, expressions: Json = {}): Change => ({
  address: `aws_iam_role.${name}`,
  after: {
    name,
    assume_role_policy:
      '{"Version":"2012-10-17","Statement":[{"Action":"sts:AssumeRole","Principal":{"Service":"ec2.amazonaws.com"},"Effect":"Allow"}]}',
  },
  afterUnknown: { arn: true, id: true, unique_id: true, inline_policy: true, managed_policy_arns: true },
  expressions: { name: constant(name), ...expressions },
});

const group = (name: string): Change => ({
  address: `aws_iam_group.${name}`,
  after: { name, path: '/' },
  afterUnknown: { arn: true, id: true, unique_id: true },
  expressions: { name: constant(name) },
});

/** `aws_iam_<kind>_policy_attachment` to a policy of the plan (`policy_arn = aws_iam_policy.x.arn`). */
const attachment = (kind: 'user' | 'role' | 'group', principal: string, policyRef: Json): Change => ({
  address: `aws_iam_${kind}_policy_attachment.${principal}`,
  after: { [kind]: principal },
  afterUnknown: { id: true, policy_arn: true },
  expressions: {
    [kind]: ref(`aws_iam_${kind}.${principal}.name`, `aws_iam_${kind}.${principal}`),
    policy_arn: policyRef,
  },
});

const policyRef = (name: string) => ref(`aws_iam_policy.${name}.arn`, `aws_iam_policy.${name}`);

describe('regula-style plans: policies attached through aws_iam_policy_attachment and per-principal attachments', () => {
  // Modelled on fugue/regula `rego/tests/rules/tf/aws/iam/inputs/user_attached_policy_infra.json`
  // and `admin_policy_infra.json` (format 0.1, Terraform 0.13.5): `aws_iam_policy_attachment`
  // listing `users` / `roles` / `groups` by reference, `policy_arn` in `after_unknown`;
  // `aws_iam_group_membership` listing a group's users.
  const shared = (name: string, lists: Record<string, string[]>, policyName: string): Change => ({
    address: `aws_iam_policy_attachment.${name}`,
    after: {
      name,
      users: lists.users ?? null,
      roles: lists.roles ?? null,
      groups: lists.groups ?? null,
    },
    afterUnknown: { id: true, policy_arn: true },
    expressions: {
      name: constant(name),
      policy_arn: policyRef(policyName),
      ...Object.fromEntries(
        Object.entries(lists).map(([attribute, names]) => [
          attribute,
          ref(...names.map((n) => `aws_iam_${attribute.slice(0, -1)}.${n}`)),
        ]),
      ),
    },
  });
  const changes: Change[] = [
    policy('admin', document('Allow', '*')),
    policy('deny_all', document('Deny', '*')),
    policy('describe', document('Allow', 'ec2:Describe*')),
    user('ops_a'),
    user('ops_b'),
    user('viewer'),
    user('denied'),
    user('member'),
    role('deployer'),
    role('reader'),
    group('admins'),
    shared('admins_to_people', { users: ['ops_a', 'ops_b'], roles: ['deployer'] }, 'admin'),
    shared('describe_to_reader', { roles: ['reader'] }, 'describe'),
    shared('deny_to_denied', { users: ['denied'] }, 'deny_all'),
    attachment('user', 'viewer', policyRef('describe')),
    attachment('group', 'admins', policyRef('admin')),
    {
      address: 'aws_iam_group_membership.admins',
      after: { name: 'admins-membership', group: 'admins', users: ['member'] },
      afterUnknown: { id: true, users: [false] },
      expressions: {
        name: constant('admins-membership'),
        group: ref('aws_iam_group.admins'),
        users: ref('aws_iam_user.member'),
      },
    },
  ];
  const options = { formatVersion: '0.1', terraformVersion: '0.13.5', bareProviderNames: true };

  it('judges the attached documents: four administrators, over the limit of three', async () => {
    const scanned = await scanDocument(plan(changes, options));
    const finding = findingOf(scanned, COUNT, ACCOUNT);
    expect(finding.status).toBe('FAIL');
    expect(finding.data?.principals).toEqual(
      expect.arrayContaining(['ops_a', 'ops_b', 'deployer', 'member']),
    );
    expect(finding.data?.count).toBe(4);
  });

  it('reads an attached Allow * on * as administrator rights, a Deny or a narrower Allow as none', async () => {
    const scanned = await scanDocument(plan(changes, options));
    const admin = (id: string) =>
      (resourceOf(scanned, id).facts as { fullAdminInlinePolicies?: { value?: unknown } })
        .fullAdminInlinePolicies?.value;
    expect(admin('aws_iam_user.ops_a')).toEqual(['aws_iam_policy.admin (attached)']);
    expect(admin('aws_iam_role.deployer')).toEqual(['aws_iam_policy.admin (attached)']);
    expect(admin('aws_iam_user.viewer')).toEqual([]);
    expect(admin('aws_iam_user.denied')).toEqual([]);
    expect(admin('aws_iam_role.reader')).toEqual([]);
    expect(resourceOf(scanned, 'aws_iam_user.member').facts).toMatchObject({ groups: { value: ['admins'] } });
  });

  it('passes when no attached document allows everything (all rights known)', async () => {
    const narrow = changes.filter((c) => !c.address.includes('admins') && !c.address.endsWith('.admin'));
    const scanned = await scanDocument(plan(narrow, options));
    expect(findingOf(scanned, COUNT, ACCOUNT).status).toBe('PASS');
  });

  it('lists a policy no principal of the plan uses as read through its attachments', async () => {
    const scanned = await scanDocument(plan(changes, options));
    expect(scanned.coverage.skipped.map((s) => s.reason)).toContain(
      'aws_iam_policy.admin: aws_iam_policy is judged with the IAM users, roles and groups it is attached to',
    );
  });
});

describe('policies the plan does not show: UNKNOWN, never PASS', () => {
  const withRole = (extra: Change[], roleExpressions: Json = {}) =>
    plan([role('app', roleExpressions), ...extra]);

  it('a document known only after apply (a policy document data source reading unknown ARNs)', async () => {
    const scanned = await scanDocument(
      withRole([policy('app', null), attachment('role', 'app', policyRef('app'))]),
    );
    expect(findingOf(scanned, COUNT, ACCOUNT).status).toBe('UNKNOWN');
  });

  it('a policy named through a local (the configuration lists only `local.x`)', async () => {
    const scanned = await scanDocument(
      withRole([policy('app', document('Allow', '*')), attachment('role', 'app', ref('local.policy_arn'))]),
    );
    expect(findingOf(scanned, COUNT, ACCOUNT).status).toBe('UNKNOWN');
  });

  it('a customer managed policy that exists outside the plan', async () => {
    const existing: Change = {
      address: 'aws_iam_role_policy_attachment.app',
      after: { role: 'app', policy_arn: 'arn:aws:iam::123456789012:policy/ops' },
      afterUnknown: { id: true },
      expressions: {
        role: ref('aws_iam_role.app.name', 'aws_iam_role.app'),
        policy_arn: constant('arn:aws:iam::123456789012:policy/ops'),
      },
    };
    const scanned = await scanDocument(withRole([existing]));
    expect(findingOf(scanned, COUNT, ACCOUNT).status).toBe('UNKNOWN');
  });

  it('an attachment whose policy_arn was blanked (a plan trimmed by hand) names no policy', async () => {
    // terraform-compliance/cli `tests/functional/test_issue_522/plan.out.json` (format 0.1,
    // Terraform 1.0.0): values blanked for the test, `policy_arn = ""` on a no-op attachment.
    const blank: Change = {
      address: 'aws_iam_role_policy_attachment.app',
      actions: ['no-op'],
      before: { role: 'app', policy_arn: '' },
      after: { role: 'app', policy_arn: '' },
      expressions: { role: ref('aws_iam_role.app'), policy_arn: constant('') },
    };
    const scanned = await scanDocument(withRole([blank]));
    expect(findingOf(scanned, COUNT, ACCOUNT).status).toBe('PASS');
  });

  it('an AWS managed policy other than AdministratorAccess is known not to grant everything', async () => {
    const managed: Change = {
      address: 'aws_iam_role_policy_attachment.app',
      after: { role: 'app', policy_arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' },
      afterUnknown: { id: true },
      expressions: {
        role: ref('aws_iam_role.app.name', 'aws_iam_role.app'),
        policy_arn: constant('arn:aws:iam::aws:policy/ReadOnlyAccess'),
      },
    };
    const scanned = await scanDocument(withRole([managed]));
    expect(findingOf(scanned, COUNT, ACCOUNT).status).toBe('PASS');
  });

  it('a new role’s managed_policy_arns naming the plan’s policies (the list is known after apply)', async () => {
    const admins = ['a', 'b', 'c', 'd'].map((name) =>
      role(name, {
        managed_policy_arns: { references: ['aws_iam_policy.admin.arn', 'aws_iam_policy.admin'] },
      }),
    );
    const scanned = await scanDocument(plan([policy('admin', document('Allow', '*')), ...admins]));
    expect(findingOf(scanned, COUNT, ACCOUNT)).toMatchObject({ status: 'FAIL', data: { count: 4 } });
  });

  it('a role’s inline_policy set to a document known only after apply', async () => {
    const scanned = await scanDocument(
      plan([
        {
          ...role('app', {
            inline_policy: [{ name: constant('x'), policy: ref('data.aws_iam_policy_document.x.json') }],
          }),
          afterUnknown: {
            arn: true,
            id: true,
            unique_id: true,
            inline_policy: true,
            managed_policy_arns: true,
          },
        },
      ]),
    );
    expect(findingOf(scanned, COUNT, ACCOUNT).status).toBe('UNKNOWN');
  });
});

describe('policies rendered by an aws_iam_policy_document the plan reads on apply', () => {
  // Modelled on bridgecrewio/checkov `tests/terraform/checks/data/aws/example_GithubActionsOIDCTrustPolicy/tfplan.json`
  // (format 1.2, Terraform 1.5.7): `data.aws_iam_policy_document` entries in `resource_changes`
  // with action `read` (a statement refers to a resource known only after apply), their `json` in
  // `after_unknown`; `assume_role_policy = data.aws_iam_policy_document.x[each.key].json`, listed
  // as `["data.aws_iam_policy_document.x", "each.key"]`; and the S3 bucket policies of the
  // provider's examples, `resources = [aws_s3_bucket.b.arn, "${aws_s3_bucket.b.arn}/*"]`.
  const dataSource = (name: string, statement: Json[], statementUnknown: Json[], index?: string) => ({
    address: `data.aws_iam_policy_document.${name}${index === undefined ? '' : `["${index}"]`}`,
    mode: 'data',
    type: 'aws_iam_policy_document',
    name,
    ...(index !== undefined && { index }),
    provider_name: 'registry.terraform.io/hashicorp/aws',
    change: {
      actions: ['read'],
      before: null,
      after: {
        override_json: null,
        override_policy_documents: null,
        policy_id: null,
        source_json: null,
        source_policy_documents: null,
        version: null,
        statement,
      },
      after_unknown: { id: true, json: true, statement: statementUnknown },
    },
  });
  const withData = (document: Json, ...sources: Json[]) => ({
    ...document,
    resource_changes: [...(document.resource_changes as Json[]), ...sources],
  });
  const statement = (fields: Json): Json => ({
    sid: null,
    effect: 'Allow',
    actions: null,
    not_actions: null,
    resources: null,
    not_resources: null,
    principals: [],
    not_principals: [],
    condition: [],
    ...fields,
  });

  it('judges a trust policy from the statements when their principals are known', async () => {
    const trusting = (account: string) =>
      statement({
        actions: ['sts:AssumeRole'],
        principals: [{ type: 'AWS', identifiers: [`arn:aws:iam::${account}:root`] }],
      });
    const roles: Change[] = ['inside', 'outside'].map((key) => ({
      address: `aws_iam_role.ci["${key}"]`,
      after: { name: `ci-${key}`, path: '/' },
      afterUnknown: {
        arn: true,
        id: true,
        assume_role_policy: true,
        inline_policy: true,
        managed_policy_arns: true,
      },
      expressions: { assume_role_policy: ref('data.aws_iam_policy_document.trust', 'each.key') },
    }));
    const base = plan(roles, {
      providers: {
        aws: { region: constant('ap-northeast-1'), allowed_account_ids: constant(['111122223333']) },
      },
    });
    // A keyed instance's address: `aws_iam_role.ci["inside"]`, index "inside".
    for (const change of base.resource_changes as Json[]) {
      change.name = 'ci';
      change.index = String(change.address).slice('aws_iam_role.ci["'.length, -'"]'.length);
    }
    const config = (base.configuration as { root_module: { resources: Json[] } }).root_module;
    config.resources = [{ ...config.resources[0], address: 'aws_iam_role.ci', name: 'ci' }];
    const scanned = await scanDocument(
      withData(
        base,
        dataSource(
          'trust',
          [trusting('111122223333')],
          [{ principals: [{ identifiers: [false] }] }],
          'inside',
        ),
        dataSource(
          'trust',
          [trusting('999988887777')],
          [{ principals: [{ identifiers: [false] }] }],
          'outside',
        ),
      ),
    );
    expect(findingOf(scanned, 'aws.iam.role-trust', 'aws_iam_role.ci["inside"]').status).toBe('PASS');
    expect(findingOf(scanned, 'aws.iam.role-trust', 'aws_iam_role.ci["outside"]').status).toBe('FAIL');
  });

  it('leaves a trust policy unknown when a principal is known only after apply', async () => {
    const role: Change = {
      address: 'aws_iam_role.web',
      after: { name: 'web', path: '/' },
      afterUnknown: {
        arn: true,
        id: true,
        assume_role_policy: true,
        inline_policy: true,
        managed_policy_arns: true,
      },
      expressions: {
        assume_role_policy: ref(
          'data.aws_iam_policy_document.trust.json',
          'data.aws_iam_policy_document.trust',
        ),
      },
    };
    const scanned = await scanDocument(
      withData(
        plan([role]),
        dataSource(
          'trust',
          [
            statement({
              actions: ['sts:AssumeRoleWithWebIdentity'],
              principals: [{ type: 'Federated', identifiers: [null] }],
            }),
          ],
          [{ principals: [{ identifiers: [true] }] }],
        ),
      ),
    );
    expect(findingOf(scanned, 'aws.iam.role-trust', 'aws_iam_role.web').status).toBe('UNKNOWN');
  });

  it('judges provider v3’s inline bucket policy made by such a data source (it was read as none)', async () => {
    // fugue/regula `rego/tests/rules/tf/aws/s3/inputs/*_infra.json` style (format 0.1, Terraform
    // 0.13.5, AWS provider v3): `aws_s3_bucket.policy = data.aws_iam_policy_document.x.json`.
    const bucket = bucketV3('open', {}, { policy: true });
    const scanned = await scanDocument(
      withData(
        plan(
          [
            {
              ...bucket,
              expressions: {
                ...bucket.expressions,
                policy: ref('data.aws_iam_policy_document.open.json', 'data.aws_iam_policy_document.open'),
              },
            },
          ],
          {
            formatVersion: '0.1',
            terraformVersion: '0.13.5',
            bareProviderNames: true,
          },
        ),
        dataSource(
          'open',
          [
            statement({
              actions: ['s3:GetObject'],
              resources: [null],
              principals: [{ type: '*', identifiers: ['*'] }],
            }),
          ],
          [{ resources: [true] }],
        ),
      ),
    );
    expect(findingOf(scanned, 'aws.s3.bucket-public-access', 'aws_s3_bucket.open').status).toBe('FAIL');
  });

  it('judges an S3 bucket policy whose resources are the new bucket’s ARN', async () => {
    const bucket: Change = {
      address: 'aws_s3_bucket.site',
      after: { bucket: 'site-bucket', force_destroy: false },
      afterUnknown: { arn: true, id: true, policy: true, acl: true, region: true },
      expressions: { bucket: constant('site-bucket') },
    };
    const policy: Change = {
      address: 'aws_s3_bucket_policy.site',
      after: {},
      afterUnknown: { id: true, bucket: true, policy: true },
      expressions: {
        bucket: ref('aws_s3_bucket.site.id', 'aws_s3_bucket.site'),
        policy: ref('data.aws_iam_policy_document.site.json', 'data.aws_iam_policy_document.site'),
      },
    };
    const scanned = await scanDocument(
      withData(
        plan([bucket, policy]),
        dataSource(
          'site',
          [
            statement({
              sid: 'DenyPlainHttp',
              effect: 'Deny',
              actions: ['s3:*'],
              resources: [null, null],
              principals: [{ type: '*', identifiers: ['*'] }],
              condition: [{ test: 'Bool', variable: 'aws:SecureTransport', values: ['false'] }],
            }),
          ],
          [{ resources: [true, true] }],
        ),
      ),
    );
    expect(findingOf(scanned, 'aws.s3.bucket-tls-only', 'aws_s3_bucket.site').status).toBe('PASS');
  });
});

describe('a role’s inline_policy block made by a policy document read on apply', () => {
  // The aws_iam_role of bridgecrewio/checkov's GithubActionsOIDCTrustPolicy plan (format 1.2,
  // Terraform 1.5.7) with `inline_policy { policy = data.aws_iam_policy_document.x.json }`, the
  // block's `policy` in `after_unknown` because the data source is read on apply.
  it('works each block’s document out from the data source’s statements', async () => {
    const roles = ['a', 'b', 'c', 'd'].map(
      (name): Change => ({
        address: `aws_iam_role.${name}`,
        after: { name, path: '/', inline_policy: [{ name: 'everything', policy: null }] },
        afterUnknown: {
          arn: true,
          id: true,
          unique_id: true,
          managed_policy_arns: true,
          assume_role_policy: true,
          inline_policy: [{ policy: true }],
        },
        expressions: {
          name: constant(name),
          inline_policy: [
            {
              name: constant('everything'),
              policy: ref(
                'data.aws_iam_policy_document.everything.json',
                'data.aws_iam_policy_document.everything',
              ),
            },
          ],
        },
      }),
    );
    const base = plan(roles);
    const scanned = await scanDocument({
      ...base,
      resource_changes: [
        ...(base.resource_changes as Json[]),
        {
          address: 'data.aws_iam_policy_document.everything',
          mode: 'data',
          type: 'aws_iam_policy_document',
          name: 'everything',
          provider_name: 'registry.terraform.io/hashicorp/aws',
          change: {
            actions: ['read'],
            before: null,
            after: {
              version: null,
              statement: [
                { effect: 'Allow', actions: ['*'], resources: ['*'], principals: [], condition: [] },
              ],
            },
            after_unknown: { id: true, json: true, statement: [{ actions: [false], resources: [false] }] },
          },
        },
      ],
    });
    expect(findingOf(scanned, COUNT, ACCOUNT)).toMatchObject({ status: 'FAIL', data: { count: 4 } });
  });
});
