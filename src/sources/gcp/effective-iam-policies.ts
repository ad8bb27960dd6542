import type { DocumentFormat } from '../format.ts';
import { HIERARCHY_TYPES } from './adapters/index.ts';
import type { CloudAsset } from './asset.ts';
import { assetTypeOfName } from './iam-policies.ts';
import { arrayOf, field, isObject, type JsonObject } from './json.ts';
import { assetToResource } from './to-resource.ts';

const RESOURCE_MANAGER = '//cloudresourcemanager.googleapis.com/';

/**
 * `gcloud asset get-effective-iam-policy --scope=… --names=…` (BatchGetEffectiveIamPolicies):
 * per named resource (`fullResourceName`), the policies that apply to it, each with the resource
 * it is attached to (`attachedResource`), from the resource itself up to the organization. Each
 * attached policy is read as its resource's IAM policy, and the resources after it in the chain
 * as its ancestors (a bucket's project, a project's folders and organization). A policy without
 * `auditConfigs` leaves the node's audit configs unknown: the reference does not say that the
 * answer carries them. The Python client writes the same in snake_case (`policy_results`).
 * https://cloud.google.com/asset-inventory/docs/reference/rest/v1/effectiveIamPolicies/batchGet
 */
export const gcpEffectiveIamPolicies: DocumentFormat = {
  id: 'gcp-effective-iam-policies',
  provider: 'gcp',
  kind: 'document',
  description:
    'gcloud asset get-effective-iam-policy --format=json (the policies of each resource and its ancestors, by attached resource)',
  matches(document) {
    if (!isObject(document)) return false;
    const first = arrayOf(field(document, 'policyResults', 'policy_results'))[0];
    return isObject(first) && typeof field(first, 'fullResourceName', 'full_resource_name') === 'string';
  },
  *read(document, ctx) {
    const results = arrayOf(
      isObject(document) ? field(document, 'policyResults', 'policy_results') : undefined,
    );
    for (const [index, result] of results.entries()) {
      if (!isObject(result)) {
        ctx.skip('a policy result that is not an object', { index });
        continue;
      }
      const policies = arrayOf(result.policies);
      const chain = policies.map((info) =>
        isObject(info) ? field(info, 'attachedResource', 'attached_resource') : undefined,
      );
      for (const [position, info] of policies.entries()) {
        const asset = isObject(info)
          ? attachedPolicyAsset(info, chain.slice(position + 1))
          : { skip: 'an effective policy that is not an object' };
        if ('skip' in asset) ctx.skip(asset.skip, { index });
        else yield assetToResource(asset, { file: ctx.file, index });
      }
    }
  },
};

function attachedPolicyAsset(
  info: JsonObject,
  above: readonly unknown[],
): CloudAsset | { readonly skip: string } {
  const name = field(info, 'attachedResource', 'attached_resource');
  if (typeof name !== 'string' || !name.startsWith('//') || !isObject(info.policy))
    return { skip: 'an effective policy without its attachedResource or policy' };
  const assetType = assetTypeOfName(name);
  if (!assetType) return { skip: `${name}: its type cannot be told from its name` };
  const policy = info.policy;
  return {
    name,
    assetType,
    // Only the hierarchy's nodes are ancestors (`projects/p`, `folders/f`, `organizations/o`).
    ancestors: above.flatMap((node) =>
      typeof node === 'string' && node.startsWith(RESOURCE_MANAGER)
        ? [node.slice(RESOURCE_MANAGER.length)]
        : [],
    ),
    iamPolicy: {
      policy,
      path: 'policy',
      ...(HIERARCHY_TYPES.has(assetType) &&
        field(policy, 'auditConfigs', 'audit_configs') === undefined && { withoutAuditConfigs: true }),
    },
  };
}
