import { explicit } from '../../../model/fact.ts';
import { ROLE_UPDATE } from '../../../model/gcp-escalation.ts';
import type { Resource } from '../../../model/resource.ts';
import type { Evidence } from '../../check.ts';

/**
 * Rewriting a custom role one holds: a principal that may update custom roles
 * (`iam.roles.update`) and holds one adds `resourcemanager.projects.setIamPolicy` to it, and so
 * grants itself roles/owner. A project's custom roles (`projects/<id>/roles/…`) are updated with
 * the permission on the project, or inherited from above it; an organization's
 * (`organizations/<n>/roles/…`), with the permission on the organization. Rhino Security Labs'
 * GCP privilege escalation list (iam.roles.update).
 * https://cloud.google.com/iam/docs/creating-custom-roles#required-permissions
 */

/** Predefined roles that include `iam.roles.update`. */
export const ROLE_UPDATING_ROLES: ReadonlySet<string> = new Set([
  'roles/iam.roleAdmin',
  'roles/iam.organizationRoleAdmin',
]);

/** A binding that may update custom roles, on the node it is granted on (`project` for the project's own). */
export interface RoleUpdate {
  readonly node: string;
  readonly role: string;
  readonly members: readonly string[];
}

/**
 * The members of the bindings that may update a custom role they hold (`held`: each member's
 * custom roles on the project and above it), each with the evidence naming both roles.
 */
export function roleRewriters(
  updates: readonly RoleUpdate[],
  held: ReadonlyMap<string, ReadonlySet<string>>,
  project: Resource,
): Map<string, Evidence> {
  const rewriters = new Map<string, Evidence>();
  for (const { node, role, members } of updates) {
    for (const member of members) {
      if (rewriters.has(member)) continue;
      const own = [...(held.get(member) ?? [])].find((custom) => reaches(node, custom));
      if (own === undefined) continue;
      rewriters.set(member, {
        ...explicit(`${role} (${ROLE_UPDATE}) → ${own}`, 'iamPolicy.bindings[].role'),
        resourceId: node === 'project' ? project.id : node,
      });
    }
  }
  return rewriters;
}

/** The permission granted on `node` reaches the custom role: a project's from anywhere on its chain, an organization's from it. */
function reaches(node: string, custom: string): boolean {
  if (custom.startsWith('projects/')) return true;
  const organization = /^(organizations\/\d+)\/roles\//.exec(custom)?.[1];
  return organization !== undefined && node === `//cloudresourcemanager.googleapis.com/${organization}`;
}
