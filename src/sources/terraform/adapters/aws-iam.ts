import type { Resource } from '../../../model/resource.ts';
import { isObject, type JsonObject, type TfInstance } from '../document.ts';
import type { Translation } from '../translation.ts';
import { partsOf, type TerraformAdapter, type Unit } from './adapter.ts';
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

function build(p: Principal, unit: Unit, tr: Translation): Resource {
  const self = unit.primary;
  const configuration: JsonObject = {};
  const name = tr.read(self, 'name', `configuration.${p.nameField}`);
  if (name !== undefined) configuration[p.nameField] = name;

  const attachedPath = 'configuration.attachedManagedPolicies';
  tr.mark(attachedPath, `${self.address} (${p.attachment})`, 'known');
  const arns: unknown[] = [];
  // aws_iam_role's `managed_policy_arns` (exclusive, deprecated in provider v5): computed from
  // the role when it exists, unknown for a new role, whose attachments are then the whole list.
  if (tr.valuesOf(self).read('managed_policy_arns').state === 'known') {
    const own = tr.read(self, 'managed_policy_arns', attachedPath);
    if (Array.isArray(own)) arns.push(...own);
  }
  for (const attachment of partsOf(unit, p.attachment))
    arns.push(tr.read(attachment, 'policy_arn', attachedPath));
  configuration.attachedManagedPolicies = arns
    .filter((arn) => typeof arn === 'string')
    .map((policyArn) => ({ policyArn }));

  const inlinePath = `configuration.${p.policyList}`;
  tr.mark(inlinePath, `${self.address} (${p.inlinePolicy})`, 'known');
  const inline: JsonObject[] = [];
  const blocks =
    tr.valuesOf(self).read('inline_policy').state === 'known'
      ? tr.read(self, 'inline_policy', inlinePath)
      : [];
  for (const block of Array.isArray(blocks) ? blocks : []) {
    if (isObject(block)) inline.push({ policyName: block.name, policyDocument: block.policy });
  }
  for (const policy of partsOf(unit, p.inlinePolicy)) {
    const document = tr.read(policy, 'policy', inlinePath);
    if (document !== undefined)
      inline.push({
        policyName: tr.read(policy, 'name', inlinePath) ?? policy.address,
        policyDocument: document,
      });
  }
  configuration[p.policyList] = inline;

  if (p.configType === 'AWS::IAM::Role') {
    const trust = tr.read(self, 'assume_role_policy', 'configuration.assumeRolePolicyDocument');
    if (trust !== undefined) configuration.assumeRolePolicyDocument = trust;
  }
  if (p.configType === 'AWS::IAM::User') {
    const groups = membershipGroups(unit, tr);
    if (groups) configuration.groupList = groups;
  }
  return fromConfigItem(configItem(p.configType, configuration), tr);
}

/** The groups `aws_iam_user_group_membership` puts the user in (other memberships may exist outside). */
function membershipGroups(unit: Unit, tr: Translation): unknown[] | undefined {
  const memberships: TfInstance[] = [...partsOf(unit, 'aws_iam_user_group_membership')];
  if (memberships.length === 0) {
    tr.mark(
      'configuration.groupList',
      `${unit.primary.address} (no aws_iam_user_group_membership)`,
      'unmanaged',
    );
    return undefined;
  }
  const groups: unknown[] = [];
  for (const membership of memberships) {
    const list = tr.read(membership, 'groups', 'configuration.groupList');
    if (Array.isArray(list)) groups.push(...list);
  }
  return groups;
}

function adapter(
  p: Principal,
  extraParts: Readonly<Record<string, { attribute: string; parentKeys: string[] }>> = {},
): TerraformAdapter {
  const link = { attribute: p.linkAttribute, parentKeys: ['name', 'id'] };
  return {
    provider: 'aws',
    global: true,
    parts: { [p.attachment]: link, [p.inlinePolicy]: link, ...extraParts },
    build: (unit, tr) => build(p, unit, tr),
  };
}

export const awsIamAdapters: Readonly<Record<string, TerraformAdapter>> = {
  aws_iam_user: adapter(principal('user', 'AWS::IAM::User'), {
    aws_iam_user_group_membership: { attribute: 'user', parentKeys: ['name', 'id'] },
  }),
  aws_iam_role: adapter(principal('role', 'AWS::IAM::Role')),
  aws_iam_group: adapter(principal('group', 'AWS::IAM::Group')),
};
