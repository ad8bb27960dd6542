import { explicit, unknown } from '../../model/fact.ts';
import type { GcpBinding, GcpHierarchyNodeFacts } from '../../model/gcp.ts';
import type { Resource } from '../../model/resource.ts';
import { PROJECT_TYPE } from './adapters/index.ts';
import { isObject, type JsonObject } from './json.ts';
import { assetToResource } from './to-resource.ts';

/** iam/member_bindings.py's member types, by the prefix IAM names them with. */
const MEMBER_PREFIXES = {
  users: 'user',
  groups: 'group',
  service_accounts: 'serviceAccount',
  domains: 'domain',
} as const;

/**
 * iam/member_bindings.py: the project's IAM policy (getIamPolicy) as one entry per binding, keyed by
 * a hash of the role: `name` the role's last part, `custom_role` for a project's custom role, and
 * `members` grouped as `users`, `groups`, `service_accounts` and `domains`. ScoutSuite drops the
 * binding's condition and every other member (`principal://`, `principalSet://`, `deleted:`), and
 * writes no binding where the call failed: the project holds at least these grants
 * (`grantedBindings`, of which too many owners already fails), its whole policy unknown. A role
 * that is no project's custom role is read as a predefined one (`roles/<name>`).
 */
export function projectBindingsResource(
  project: string,
  entries: readonly JsonObject[],
  origin: { file: string },
): Resource {
  const bindings: GcpBinding[] = entries.flatMap((entry) => {
    if (typeof entry.name !== 'string' || entry.name === '' || !isObject(entry.members)) return [];
    const role =
      entry.custom_role === true ? `projects/${project}/roles/${entry.name}` : `roles/${entry.name}`;
    const grouped = entry.members;
    const members = Object.entries(MEMBER_PREFIXES).flatMap(([kind, prefix]) => {
      const listed = grouped[kind];
      return Array.isArray(listed)
        ? listed.filter((member) => typeof member === 'string').map((member) => `${prefix}:${member}`)
        : [];
    });
    return members.length > 0 ? [{ role, members }] : [];
  });
  const resource = assetToResource(
    {
      name: `//cloudresourcemanager.googleapis.com/projects/${project}`,
      assetType: PROJECT_TYPE,
      ancestors: [],
      resource: { data: { projectId: project }, dataPath: 'resource.data' },
    },
    origin,
  );
  const facts: GcpHierarchyNodeFacts = {
    bindings: unknown('bindings', NOT_WHOLE),
    grantedBindings: explicit(bindings, 'bindings'),
  };
  return { ...resource, facts: { ...resource.facts, ...facts } };
}

const NOT_WHOLE = {
  ja: 'ScoutSuite の結果は IAM ポリシーのバインディングの条件と一部のメンバー（principal://、principalSet:// など）を保持しません',
  en: "ScoutSuite's results do not keep the IAM policy bindings' conditions and some of their members (principal://, principalSet://, …)",
};
