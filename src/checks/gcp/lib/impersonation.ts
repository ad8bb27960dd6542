import { explicit, unknown } from '../../../model/fact.ts';
import type { GcpBinding } from '../../../model/gcp.ts';
import type { Resource } from '../../../model/resource.ts';
import type { Evidence } from '../../check.ts';

/**
 * Acting as a service account: a principal that may get a service account's tokens (or sign as
 * it, create its keys, or rewrite its IAM policy to allow that) holds what the service account
 * holds. A grant on the project reaches the project's service accounts; one on a folder or the
 * organization reaches those of every project under it, which the project's policy does not
 * tell. Rhino Security Labs' GCP privilege escalation list (iam.serviceAccounts.getAccessToken,
 * signBlob, signJwt, implicitDelegation, iam.serviceAccountKeys.create,
 * iam.serviceAccounts.setIamPolicy). `roles/iam.serviceAccountUser` (`actAs`) is not among them:
 * it attaches a service account to a resource, and reaches it only with a permission to create
 * one (Compute Engine, Cloud Functions, …) left out here.
 * https://cloud.google.com/iam/docs/service-account-permissions
 * https://rhinosecuritylabs.com/gcp/privilege-escalation-google-cloud-platform-part-1/
 */

/** Predefined roles that act as a service account, by the permission that does. */
export const IMPERSONATING_ROLES: Readonly<Record<string, string>> = {
  'roles/iam.serviceAccountTokenCreator': 'iam.serviceAccounts.getAccessToken',
  'roles/iam.serviceAccountKeyAdmin': 'iam.serviceAccountKeys.create',
  'roles/iam.serviceAccountAdmin': 'iam.serviceAccounts.setIamPolicy',
};

/** A binding that acts as service accounts, on the node it is granted on (`project` for the project's own). */
export interface Impersonation {
  readonly node: string;
  readonly binding: GcpBinding;
  /** The permission that does, for the evidence. */
  readonly permission: string;
  /** A binding of a service account's own IAM policy (`node` the service account): it reaches that one only. */
  readonly only?: string;
}

/**
 * The principals the bindings let act as a counted service account, and those that may (the
 * service account's project not known to be under the node): to the fixpoint, as a principal
 * that may act as a service account may itself be one. `counted` holds the principals already
 * counted; the result adds to it.
 */
export function impersonators(
  onNodes: readonly Impersonation[],
  counted: ReadonlySet<string>,
  project: Resource,
  /** The bindings of a service account's own IAM policy that act as it, when the export holds it. */
  ownPolicy: (email: string) => readonly Impersonation[],
): Impersonators {
  const impersonations = [...onNodes];
  const policiesRead = new Set<string>();
  const all = new Set(counted);
  const added = new Set<string>();
  const maybe = new Set<string>();
  const evidence: Evidence[] = [];
  const maybeEvidence: Evidence[] = [];
  for (let grew = true; grew; ) {
    grew = false;
    for (const member of all) {
      const email = member.startsWith('serviceAccount:') ? member.slice('serviceAccount:'.length) : undefined;
      if (email === undefined || policiesRead.has(email)) continue;
      policiesRead.add(email);
      impersonations.push(...ownPolicy(email));
    }
    for (const { node, binding, permission, only } of impersonations) {
      const members = binding.members.filter((member) => !member.startsWith('deleted:'));
      for (const target of [...all].filter((member) => member.startsWith('serviceAccount:'))) {
        const email = target.slice('serviceAccount:'.length);
        if (only !== undefined && only !== email) continue;
        const reach = only !== undefined || reaches(node, email, project);
        if (reach === false) continue;
        for (const member of members) {
          if (member === target || all.has(member)) continue;
          if (reach === undefined) {
            if (!maybe.has(member))
              maybeEvidence.push({
                ...unknown('iamPolicy.bindings[].members', {
                  ja: `${member} は ${binding.role} で ${target} として振る舞えるかもしれませんが、このサービスアカウントが付与先（${node === 'project' ? 'このプロジェクト' : node}）の下のプロジェクトのものかがエクスポートから分かりません`,
                  en: `${member} may act as ${target} through ${binding.role}, but the export does not tell whether that service account belongs to a project under where the role is granted (${node === 'project' ? 'this project' : node})`,
                }),
                resourceId: node === 'project' ? project.id : node,
              });
            maybe.add(member);
            continue;
          }
          all.add(member);
          added.add(member);
          grew = true;
          evidence.push({
            ...explicit(`${binding.role} (${permission}) → ${target}`, 'iamPolicy.bindings[].role'),
            resourceId: node === 'project' ? project.id : node,
          });
        }
      }
    }
  }
  for (const member of added) maybe.delete(member);
  return { added, maybe, evidence, maybeEvidence };
}

export interface Impersonators {
  /** Principals that act as a counted service account. */
  readonly added: ReadonlySet<string>;
  /** Principals that may: the service account's project is not known to be under the grant. */
  readonly maybe: ReadonlySet<string>;
  /** The bindings that made the added count, naming the service account. */
  readonly evidence: Evidence[];
  /** Why each principal that may is undecided. */
  readonly maybeEvidence: Evidence[];
}

/**
 * Whether a grant on `node` reaches the service account: on the project, those of the project;
 * on a folder or the organization, those too, and others only perhaps. Google's service agents
 * (`service-<number>@gcp-sa-….iam.gserviceaccount.com`, `…@cloudservices.gserviceaccount.com`)
 * belong to Google, not to a project of the customer's. Undefined when the email does not tell
 * its project, or the project's id is not in the export.
 */
function reaches(node: string, email: string, project: Resource): boolean | undefined {
  const inProject = ofProject(email, project);
  if (inProject !== false || node === 'project') return inProject;
  return isServiceAgent(email) ? false : undefined;
}

function ofProject(email: string, project: Resource): boolean | undefined {
  if (isServiceAgent(email)) return false;
  const number = /^\d+$/.test(project.account) ? project.account : undefined;
  const id = number ? project.accountAlias : project.account;
  const byId =
    /^[^@]+@([a-z][-a-z0-9]*)\.iam\.gserviceaccount\.com$/.exec(email)?.[1] ??
    /^([^@]+)@appspot\.gserviceaccount\.com$/.exec(email)?.[1];
  if (byId !== undefined) return id === undefined ? undefined : byId === id;
  const byNumber = /^(\d+)-compute@developer\.gserviceaccount\.com$/.exec(email)?.[1];
  if (byNumber !== undefined) return number === undefined ? undefined : byNumber === number;
  return undefined;
}

function isServiceAgent(email: string): boolean {
  return (
    /@gcp-sa-[-a-z0-9]+\.iam\.gserviceaccount\.com$/.test(email) ||
    email.endsWith('@cloudservices.gserviceaccount.com')
  );
}
