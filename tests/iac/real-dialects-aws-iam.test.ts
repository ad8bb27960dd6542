import { describe, expect, it } from 'vitest';
import { type Change, constant, type Json, plan, ref } from './dialect-plan.ts';
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

  it('counts no administrator when no attached document allows everything (all rights known), and leaves the account to the inventory', async () => {
    const narrow = changes.filter((c) => !c.address.includes('admins') && !c.address.endsWith('.admin'));
    const scanned = await scanDocument(plan(narrow, options));
    // Principals made outside the configuration are not in the plan: never a PASS on it.
    expect(findingOf(scanned, COUNT, ACCOUNT)).toMatchObject({
      status: 'UNKNOWN',
      messageId: 'notInPlan',
      data: { count: 0 },
    });
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

  it('links an attachment whose role comes through a local by the role’s name the plan shows', async () => {
    // `role = local.app_role` lists only `local.app_role` in the configuration; its value, the
    // role's constant name, is known in the plan.
    const viaLocal: Change = {
      address: 'aws_iam_role_policy_attachment.app',
      after: { role: 'app' },
      afterUnknown: { id: true, policy_arn: true },
      expressions: { role: ref('local.app_role'), policy_arn: policyRef('admin') },
    };
    const admins = ['b', 'c', 'd'].map((name) => ({
      ...attachment('role', name, policyRef('admin')),
      address: `aws_iam_role_policy_attachment.${name}`,
    }));
    const scanned = await scanDocument(
      plan([
        role('app'),
        ...['b', 'c', 'd'].map((name) => role(name)),
        policy('admin', document('Allow', '*')),
        viaLocal,
        ...admins,
      ]),
    );
    expect(findingOf(scanned, COUNT, ACCOUNT)).toMatchObject({ status: 'FAIL', data: { count: 4 } });
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
    expect(findingOf(scanned, COUNT, ACCOUNT)).toMatchObject({ messageId: 'notInPlan', data: { count: 0 } });
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
    expect(findingOf(scanned, COUNT, ACCOUNT)).toMatchObject({ messageId: 'notInPlan', data: { count: 0 } });
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

describe('virtual MFA devices (aws_iam_virtual_mfa_device): read with the user they are enabled for', () => {
  const UNASSIGNED =
    'a virtual MFA device shown enabled for no user (user_name empty; known only after apply for a new device, which Terraform cannot enable; not recorded before provider 5.8)';
  const existing: Change = {
    address: 'aws_iam_user.ops',
    actions: ['no-op'],
    before: { name: 'ops', arn: 'arn:aws:iam::111122223333:user/ops' },
    after: { name: 'ops', arn: 'arn:aws:iam::111122223333:user/ops' },
    expressions: { name: constant('ops') },
  };
  const device = (name: string, values: Json): Change => ({
    address: `aws_iam_virtual_mfa_device.${name}`,
    actions: ['no-op'],
    before: { virtual_mfa_device_name: name, ...values },
    after: { virtual_mfa_device_name: name, ...values },
    expressions: { virtual_mfa_device_name: constant(name) },
  });

  it('passes over a device enabled for no user, a new one and one of a provider before 5.8, saying so', async () => {
    const scanned = await scanDocument(
      plan([
        existing,
        device('spare', { user_name: '', enable_date: '' }),
        device('old', {}),
        {
          address: 'aws_iam_virtual_mfa_device.fresh',
          after: { virtual_mfa_device_name: 'fresh', path: '/' },
          afterUnknown: { arn: true, id: true, user_name: true, enable_date: true },
          expressions: { virtual_mfa_device_name: constant('fresh') },
        },
      ]),
    );
    expect(scanned.coverage.skipped.map((s) => s.reason)).toEqual([
      `aws_iam_virtual_mfa_device.spare: ${UNASSIGNED}`,
      `aws_iam_virtual_mfa_device.old: ${UNASSIGNED}`,
      `aws_iam_virtual_mfa_device.fresh: ${UNASSIGNED}`,
    ]);
    expect(resourceOf(scanned, 'aws_iam_user.ops').facts).not.toHaveProperty('mfaActive');
  });

  it('reads a device enabled for the user as its MFA, and one enabled for a user outside the plan as that user’s', async () => {
    const scanned = await scanDocument(
      plan([
        existing,
        device('ops', { user_name: 'ops', enable_date: '2025-06-02T01:22:10Z' }),
        device('other', { user_name: 'someone-else', enable_date: '2025-06-02T01:22:10Z' }),
      ]),
    );
    expect(resourceOf(scanned, 'aws_iam_user.ops').facts).toMatchObject({
      mfaActive: { value: true, path: 'aws_iam_virtual_mfa_device.ops.enable_date' },
    });
    expect(scanned.coverage.skipped.map((s) => s.reason)).toEqual([
      'aws_iam_virtual_mfa_device.other: the aws_iam_user it configures (user_name) is not in this plan',
    ]);
  });
});
