import type { AwsIamUserFacts, AwsManagedAccessKey } from '../../../model/aws.ts';
import { cloudDefault, explicit } from '../../../model/fact.ts';
import type { Resource } from '../../../model/resource.ts';
import { isCreated, type TfInstance } from '../document.ts';
import type { JsonObject } from '../kind.ts';
import type { Translation } from '../translation.ts';
import {
  type BuildContext,
  instanceWithArn,
  isLeftOut,
  type PartLink,
  partsOf,
  removedPart,
  type TerraformAdapter,
  type Unit,
} from './adapter.ts';
import { readPolicy } from './aws-policy-document.ts';
import { configItem, fromConfigItem } from './aws-record.ts';

/**
 * IAM users, roles and groups with their policy attachments and inline policies, as the
 * AWS::IAM::User/Role/Group Config items (`attachedManagedPolicies`, `<kind>PolicyList`).
 */

interface Principal {
  readonly configType: string;
  /** The Config field of the name and of the inline policy list. */
  readonly nameField: string;
  readonly policyList: string;
  /** The attribute of attachments and inline policies naming the principal. */
  readonly linkAttribute: string;
  readonly attachment: string;
  readonly inlinePolicy: string;
}

function principal(kind: 'user' | 'role' | 'group', configType: string): Principal {
  return {
    configType,
    nameField: `${kind}Name`,
    policyList: `${kind}PolicyList`,
    linkAttribute: kind,
    attachment: `aws_iam_${kind}_policy_attachment`,
    inlinePolicy: `aws_iam_${kind}_policy`,
  };
}

function build(p: Principal, unit: Unit, tr: Translation, ctx: BuildContext): Resource {
  const self = unit.primary;
  const configuration: JsonObject = {};
  const name = tr.read(self, 'name', `configuration.${p.nameField}`);
  if (name !== undefined) configuration[p.nameField] = name;

  const attachedPath = 'configuration.attachedManagedPolicies';
  const inlinePath = `configuration.${p.policyList}`;
  tr.mark(attachedPath, `${self.address} (${p.attachment})`, 'known');
  tr.mark(inlinePath, `${self.address} (${p.inlinePolicy})`, 'known');
  const attached = new AttachedPolicies(tr, ctx, attachedPath, inlinePath);
  // aws_iam_role's `managed_policy_arns` (exclusive, deprecated in provider v5): computed from
  // the role when the configuration leaves it out (none for a new role); when set, its list.
  const exclusive = tr.valuesOf(self).read('managed_policy_arns');
  if (exclusive.state === 'known' && Array.isArray(exclusive.value)) {
    tr.read(self, 'managed_policy_arns', attachedPath);
    for (const arn of exclusive.value) attached.add(self, 'managed_policy_arns', arn);
  } else if (exclusive.state === 'unknown' && !isLeftOut(tr, ctx, self, 'managed_policy_arns')) {
    attached.addReferenced(self, 'managed_policy_arns');
  }
  for (const attachment of [...partsOf(unit, p.attachment), ...partsOf(unit, SHARED_ATTACHMENT)])
    attached.addAttachment(attachment);
  configuration.attachedManagedPolicies = attached.arns.map((policyArn) => ({ policyArn }));

  const inline: JsonObject[] = [...attached.documents];
  inline.push(...inlinePolicyBlocks(tr, ctx, self, inlinePath));
  for (const policy of partsOf(unit, p.inlinePolicy)) {
    const document = readPolicy(tr, ctx, policy, 'policy', inlinePath);
    if (document !== undefined)
      inline.push({
        policyName: tr.read(policy, 'name', inlinePath) ?? policy.address,
        policyDocument: document,
      });
  }
  configuration[p.policyList] = inline;

  if (p.configType === 'AWS::IAM::Role') {
    const trust = readPolicy(tr, ctx, self, 'assume_role_policy', 'configuration.assumeRolePolicyDocument');
    if (trust !== undefined) configuration.assumeRolePolicyDocument = trust;
  }
  if (p.configType === 'AWS::IAM::User') {
    const groups = membershipGroups(unit, tr);
    if (groups) configuration.groupList = groups;
  }
  const resource = fromConfigItem(configItem(p.configType, configuration), tr);
  return p.configType === 'AWS::IAM::User'
    ? { ...resource, facts: { ...resource.facts, ...signIn(unit), ...managedAccessKeys(unit) } }
    : resource;
}

/**
 * What the credential report will say of the user's console password and MFA. A user the plan
 * creates has a password only through the plan's `aws_iam_user_login_profile`, and no MFA device
 * (Terraform can create a virtual MFA device but not enable it, which takes two codes from the
 * device). An existing user has a password where the plan or state holds its login profile, and
 * none once the plan destroys it (a user has one login profile at most); it has MFA where its
 * `aws_iam_virtual_mfa_device` was read as enabled for it (`user_name`, `enable_date`, which the
 * provider reads from ListVirtualMFADevices since 5.8). What neither shows (a profile or a device
 * made outside the configuration, a hardware key) is in its credential report, which a plan does
 * not hold.
 * https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/iam_virtual_mfa_device
 */
function signIn(unit: Unit): Pick<AwsIamUserFacts, 'passwordEnabled' | 'mfaActive'> {
  const user = unit.primary;
  const profile = partsOf(unit, LOGIN_PROFILE)[0];
  if (isCreated(user))
    return {
      passwordEnabled: profile
        ? explicit(true, profile.address)
        : explicit(false, `${user.address} (no ${LOGIN_PROFILE})`),
      mfaActive: cloudDefault(false, user.address, {
        ja: '新しい IAM ユーザには MFA デバイスがありません（Terraform は有効化できません）',
        en: 'a new IAM user has no MFA device (Terraform cannot enable one)',
      }),
    };
  const destroyed = removedPart(unit, LOGIN_PROFILE);
  const device = partsOf(unit, MFA_DEVICE).find(isEnabledDevice);
  return {
    ...(profile
      ? { passwordEnabled: explicit(true, profile.address) }
      : destroyed && { passwordEnabled: explicit(false, `${destroyed.address} (destroyed)`) }),
    ...(device && { mfaActive: explicit(true, `${device.address}.enable_date`) }),
  };
}

/** A virtual MFA device, linked to the user it is enabled for by its `user_name`. */
const MFA_DEVICE = 'aws_iam_virtual_mfa_device';

/**
 * A device the provider read as enabled, in a refreshed state or plan: one never enabled has an
 * empty `enable_date`, and a new one's is known only after apply.
 */
function isEnabledDevice(device: TfInstance): boolean {
  return device.after.knownText('enable_date') !== undefined;
}

/** A user's console password. */
const LOGIN_PROFILE = 'aws_iam_user_login_profile';

/**
 * The user's active `aws_iam_access_key`s whose creation the plan or state shows (an existing
 * key's; a new key's `create_date` is known only after apply). A key's age is known from it,
 * though not every key of the user: those made outside the configuration are not in the plan.
 * https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/iam_access_key
 */
function managedAccessKeys(unit: Unit): Pick<AwsIamUserFacts, 'managedAccessKeys'> {
  const keys = partsOf(unit, ACCESS_KEY).flatMap((key): AwsManagedAccessKey[] => {
    const status = key.after.read('status');
    const created = key.after.knownText('create_date');
    // `status` defaults to Active; a key the plan suspends (Inactive) authorises nothing.
    const active = status.state === 'absent' || (status.state === 'known' && status.value === 'Active');
    return active && created !== undefined ? [{ address: key.address, created }] : [];
  });
  if (keys.length === 0) return {};
  return { managedAccessKeys: explicit(keys, keys.map((key) => `${key.address}.create_date`).join(',')) };
}

const ACCESS_KEY = 'aws_iam_access_key';

/**
 * `inline_policy` blocks (aws_iam_role): Optional+Computed, none when a new role leaves them out.
 * Each block's policy is read by itself, so that one made by a policy document read on apply is
 * worked out from the data source.
 */
function inlinePolicyBlocks(
  tr: Translation,
  ctx: BuildContext,
  role: TfInstance,
  inlinePath: string,
): JsonObject[] {
  const values = tr.valuesOf(role);
  if (isLeftOut(tr, ctx, role, 'inline_policy') || values.read('inline_policy').state === 'absent') return [];
  // The list itself known only after apply (a dynamic block over unknown values).
  if (!values.present('inline_policy')) {
    tr.read(role, 'inline_policy', inlinePath);
    return [];
  }
  const blocks: JsonObject[] = [];
  for (let i = 0; values.present(`inline_policy.${i}`); i++) {
    const policyDocument = readPolicy(tr, ctx, role, `inline_policy.${i}.policy`, inlinePath);
    const name = values.read(`inline_policy.${i}.name`);
    if (policyDocument !== undefined)
      blocks.push({
        policyName: name.state === 'known' ? name.value : `inline_policy[${i}]`,
        policyDocument,
      });
  }
  return blocks;
}

/** `aws_iam_policy_attachment`: one managed policy, attached to the users, roles and groups it lists. */
const SHARED_ATTACHMENT = 'aws_iam_policy_attachment';

/** An AWS managed policy (`arn:aws:iam::aws:policy/…`): AWS writes it; AdministratorAccess is the one that allows `*` on `*`. */
const AWS_MANAGED_POLICY = /^arn:aws[\w-]*:iam::aws:policy\//;

/**
 * The managed policies attached to a principal: their ARNs, as Config lists them, and the
 * documents of the customer managed policies (`aws_iam_policy`), which Config keeps on the
 * policies' own items. A document allowing `*` on `*` makes the principal an administrator as
 * an inline one does, so the documents are judged with the inline policies. An attachment
 * whose policy the plan knows only after apply names the plan's `aws_iam_policy` through the
 * configuration (`policy_arn = aws_iam_policy.x.arn`); a customer managed policy the plan does
 * not hold, or whose document is known only after apply, leaves the rights unknown.
 */
class AttachedPolicies {
  readonly arns: string[] = [];
  readonly documents: JsonObject[] = [];
  readonly #tr: Translation;
  readonly #ctx: BuildContext;
  readonly #attachedPath: string;
  readonly #inlinePath: string;

  constructor(tr: Translation, ctx: BuildContext, attachedPath: string, inlinePath: string) {
    this.#tr = tr;
    this.#ctx = ctx;
    this.#attachedPath = attachedPath;
    this.#inlinePath = inlinePath;
  }

  addAttachment(attachment: TfInstance): void {
    const arn = this.#tr.valuesOf(attachment).read('policy_arn');
    if (arn.state === 'known') {
      this.#tr.read(attachment, 'policy_arn', this.#attachedPath);
      this.add(attachment, 'policy_arn', arn.value);
    } else this.addReferenced(attachment, 'policy_arn');
  }

  /** A policy ARN the plan shows: an AWS managed policy's, or a customer managed one's. */
  add(from: TfInstance, attribute: string, arn: unknown): void {
    // A blank ARN (plans trimmed by hand) names no policy.
    if (typeof arn !== 'string' || arn === '') return;
    this.arns.push(arn);
    if (AWS_MANAGED_POLICY.test(arn)) return;
    const policy = instanceWithArn(this.#ctx, POLICY, arn);
    if (policy) this.#addDocument(policy);
    else
      this.#tr.mark(this.#inlinePath, `${from.address}.${attribute}`, 'unknown', {
        ja: `カスタマー管理ポリシー ${arn} は計画にないため、その内容が分かりません`,
        en: `the customer managed policy ${arn} is not in the plan: its document is not shown`,
      });
  }

  /** Policies an attribute known only after apply refers to: the plan's `aws_iam_policy`s. */
  addReferenced(from: TfInstance, attribute: string): void {
    const policies = this.#ctx.referenced(from, attribute, [POLICY]);
    // A local, a data source or another module's policy the plan does not name: unknown.
    if (policies.length === 0) {
      this.#tr.read(from, attribute, this.#attachedPath);
      return;
    }
    this.#tr.mark(this.#attachedPath, `${from.address}.${attribute}`, 'known');
    for (const policy of policies) {
      const arn = policy.after.read('arn');
      this.arns.push(arn.state === 'known' ? String(arn.value) : this.#ctx.idOf(policy));
      this.#addDocument(policy);
    }
  }

  #addDocument(policy: TfInstance): void {
    const document = readPolicy(this.#tr, this.#ctx, policy, 'policy', this.#inlinePath);
    if (document !== undefined)
      this.documents.push({ policyName: `${policy.address} (attached)`, policyDocument: document });
  }
}

const POLICY = 'aws_iam_policy';

/** IAM types read only through the resources that refer to them, with what reads them. */
export const IAM_READ_THROUGH: Readonly<Record<string, string>> = {
  [POLICY]: 'judged with the IAM users, roles and groups it is attached to',
};

/**
 * The groups the plan puts the user in: `aws_iam_user_group_membership` (a user's groups) and
 * `aws_iam_group_membership` (a group's users). A user the plan creates is in those alone; one
 * that exists may have been put in others outside the configuration.
 */
function membershipGroups(unit: Unit, tr: Translation): unknown[] | undefined {
  const path = 'configuration.groupList';
  const user = unit.primary;
  const byUser = partsOf(unit, 'aws_iam_user_group_membership');
  const byGroup = partsOf(unit, GROUP_MEMBERSHIP);
  const isNew = isCreated(user);
  if (byUser.length === 0 && byGroup.length === 0 && !isNew) {
    tr.mark(path, `${user.address} (no aws_iam_user_group_membership)`, 'unmanaged');
    return undefined;
  }
  tr.mark(path, `${user.address} (aws_iam_user_group_membership, ${GROUP_MEMBERSHIP})`, 'known');
  const groups: unknown[] = [];
  for (const membership of byUser) {
    const list = tr.read(membership, 'groups', path);
    if (Array.isArray(list)) groups.push(...list);
  }
  for (const membership of byGroup) {
    const group = tr.read(membership, 'group', path);
    if (group !== undefined) groups.push(group);
  }
  return groups;
}

/** `aws_iam_group_membership`: a group's users, listed by name (exclusive: its only members). */
const GROUP_MEMBERSHIP = 'aws_iam_group_membership';

function adapter(p: Principal, extraParts: Readonly<Record<string, PartLink>> = {}): TerraformAdapter {
  const link = { attribute: p.linkAttribute, parentKeys: ['name', 'id'] };
  // aws_iam_policy_attachment lists its principals by name: `users`, `roles`, `groups`.
  const shared: PartLink = { attribute: `${p.linkAttribute}s`, parentKeys: ['name', 'id'], many: true };
  return {
    provider: 'aws',
    global: true,
    parts: { [p.attachment]: link, [p.inlinePolicy]: link, [SHARED_ATTACHMENT]: shared, ...extraParts },
    build: (unit, tr, ctx) => build(p, unit, tr, ctx),
  };
}

export const awsIamAdapters: Readonly<Record<string, TerraformAdapter>> = {
  aws_iam_user: adapter(principal('user', 'AWS::IAM::User'), {
    [LOGIN_PROFILE]: { attribute: 'user', parentKeys: ['name', 'id'] },
    [ACCESS_KEY]: { attribute: 'user', parentKeys: ['name', 'id'] },
    [MFA_DEVICE]: {
      attribute: 'user_name',
      parentKeys: ['name', 'id'],
      unassigned:
        'a virtual MFA device shown enabled for no user (user_name empty; known only after apply for a new device, which Terraform cannot enable; not recorded before provider 5.8)',
    },
    aws_iam_user_group_membership: { attribute: 'user', parentKeys: ['name', 'id'] },
    [GROUP_MEMBERSHIP]: { attribute: 'users', parentKeys: ['name', 'id'], many: true },
  }),
  aws_iam_role: adapter(principal('role', 'AWS::IAM::Role')),
  aws_iam_group: adapter(principal('group', 'AWS::IAM::Group')),
};
