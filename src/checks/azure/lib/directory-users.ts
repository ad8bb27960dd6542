import {
  type AzureDirectoryUserFacts,
  type AzureRoleAssignmentFacts,
  azureDirectoryUserId,
  CLASSIC_CO_ADMINISTRATOR,
  CLASSIC_SERVICE_ADMINISTRATOR,
} from '../../../model/azure.ts';
import {
  CONTRIBUTOR_ROLE,
  OWNER_ROLE,
  PRIVILEGED_BUILT_IN_ROLES,
} from '../../../model/azure-built-in-roles.ts';
import type { Fact } from '../../../model/fact.ts';
import { controlsSubscription, type Resource } from '../../../model/resource.ts';
import { type CheckContext, type CheckResult, type Evidence, fail } from '../../check.ts';
import { type AssessmentMessage, evaluateAssessment } from './assessment.ts';
import { mayAssign } from './role-conditions.ts';
import { roleGrants } from './role-grants.ts';

/**
 * The users that Defender for Cloud's identity recommendations judge, found without them: who
 * holds a role on a subscription (its role assignments) and what the directory says of them
 * (Microsoft Graph's users and registration details, Steampipe's azuread_user). Each finding is
 * a FAIL only: a group, a principal the directory export leaves out or an assignment the export
 * does not list may hold what the listed ones do not, so their absence proves nothing.
 */

/** An assignment of a role with an Owner's access: Owner and the classic subscription administrators. */
export function ownsSubscription(assignment: Resource<AzureRoleAssignmentFacts>): boolean {
  const role = assignment.facts.roleDefinitionId?.value;
  return role === OWNER_ROLE || role === CLASSIC_SERVICE_ADMINISTRATOR || role === CLASSIC_CO_ADMINISTRATOR;
}

/**
 * An assignment of a role that writes Azure resources for certain: Owner, Contributor, the roles
 * that may assign any role (User Access Administrator, Role Based Access Control Administrator,
 * the classic administrators), a role whose definition in the export may assign roles, and one
 * whose definition writes every provider's resources as Contributor does (`*` less
 * Microsoft.Authorization's writes). A built-in role that assigns roles, limited by the
 * assignment's condition to roles it names (lib/role-conditions.ts), writes only if one of those
 * does: a delegate who may assign Reader alone cannot give itself write. A role that writes some
 * services only (Network Contributor, a custom role of `Microsoft.Network/*`) is not judged here.
 */
export function writesResources(assignment: Resource<AzureRoleAssignmentFacts>, ctx: CheckContext): boolean {
  const { roleDefinitionId: role, condition } = assignment.facts;
  if (role?.value === undefined) return false;
  if (role.value === OWNER_ROLE || role.value === CONTRIBUTOR_ROLE) return true;
  const { grants, writesEveryProvider } = roleGrants(role.value, ctx);
  if (writesEveryProvider) return true;
  if (grants !== true) return false;
  if (!(role.value in PRIVILEGED_BUILT_IN_ROLES) || condition?.source !== 'explicit' || !condition.value)
    return true;
  return (
    mayAssign(condition.value, (assignable) => {
      if (assignable === CONTRIBUTOR_ROLE) return true;
      const told = roleGrants(assignable, ctx);
      return told.writesEveryProvider || told.grants;
    }) === true
  );
}

/** The assignments the test accepts, on the subscription or above it, to users (or principals of no known type). */
function userAssignments(
  subscription: Resource,
  ctx: CheckContext,
  holds: (assignment: Resource<AzureRoleAssignmentFacts>, ctx: CheckContext) => boolean,
): readonly Resource<AzureRoleAssignmentFacts>[] {
  const assignments = ctx.inventory.inAccount(
    'azure',
    subscription.account,
    'iam.role-assignment',
  ) as Resource<AzureRoleAssignmentFacts>[];
  return assignments.filter((assignment) => {
    const { scope, principalType: type } = assignment.facts;
    return (
      scope?.value !== undefined &&
      controlsSubscription(scope.value, subscription.id) &&
      (type?.value === undefined || type.value.toLowerCase() === 'user') &&
      holds(assignment, ctx)
    );
  });
}

/** A user who holds a role, by sign-in name (or object id), with the facts that tell what the finding says. */
export interface RoleHolder {
  readonly name: string;
  readonly evidence: readonly Evidence[];
}

/**
 * The guest an assignment is to: its sign-in name, the assignment's own (`principalName`) or that
 * of the directory user of its principal id, holds `#EXT#`, or the directory user is of `userType`
 * Guest (an "internal guest" signs in with a name of the tenant's own domain, no `#EXT#`). With
 * the assignment's role as evidence.
 */
export function guestOf(
  assignment: Resource<AzureRoleAssignmentFacts>,
  ctx: CheckContext,
): RoleHolder | undefined {
  const { principalName: name, roleDefinitionId: role } = assignment.facts;
  const byRole = role ? [{ ...role, resourceId: assignment.id }] : [];
  if (name?.source === 'explicit' && isGuestName(name.value))
    return { name: name.value, evidence: [{ ...name, resourceId: assignment.id }, ...byRole] };
  const directory = directoryUserOf(assignment, ctx);
  if (!directory) return undefined;
  const { user, id } = directory;
  const { userType, userPrincipalName: upn } = user.facts;
  const guestType = userType?.source === 'explicit' && userType.value.toLowerCase() === 'guest';
  const guestName = upn?.source === 'explicit' && isGuestName(upn.value);
  if (!(guestType || guestName)) return undefined;
  const told = [guestType ? userType : undefined, upn].flatMap((fact) => (fact ? [fact] : []));
  return {
    name: holderName(user, id),
    evidence: [
      { ...id, resourceId: assignment.id },
      ...told.map((fact) => ({ ...fact, resourceId: user.id })),
      ...byRole,
    ],
  };
}

/**
 * The member user an assignment is to, when the directory says it has registered no method that
 * can do MFA (`isMfaRegistered` false) and does not say its account is disabled (`accountEnabled`
 * false: it cannot sign in). Guests are left out: a guest may do MFA in its home
 * tenant, which this tenant's registration details do not show.
 */
export function unregisteredMemberOf(
  assignment: Resource<AzureRoleAssignmentFacts>,
  ctx: CheckContext,
): RoleHolder | undefined {
  const directory = directoryUserOf(assignment, ctx);
  if (!directory) return undefined;
  const { user, id } = directory;
  const { roleDefinitionId: role } = assignment.facts;
  const { userType, mfaRegistered, accountEnabled } = user.facts;
  const member = userType?.source === 'explicit' && userType.value.toLowerCase() === 'member';
  if (!member || mfaRegistered?.source !== 'explicit' || mfaRegistered.value) return undefined;
  // A blocked account cannot sign in: none of its sign-ins goes without MFA.
  if (accountEnabled?.source === 'explicit' && !accountEnabled.value) return undefined;
  return {
    name: holderName(user, id),
    evidence: [
      { ...id, resourceId: assignment.id },
      ...(role ? [{ ...role, resourceId: assignment.id }] : []),
      { ...userType, resourceId: user.id },
      { ...mfaRegistered, resourceId: user.id },
    ],
  };
}

/**
 * The users `pick` finds among those holding an assignment the test accepts on the subscription or
 * above it (userAssignments): each once, by name, with the evidence of every assignment that makes it one.
 */
function holdersOf(
  subscription: Resource,
  ctx: CheckContext,
  holds: (assignment: Resource<AzureRoleAssignmentFacts>, ctx: CheckContext) => boolean,
  pick: (assignment: Resource<AzureRoleAssignmentFacts>, ctx: CheckContext) => RoleHolder | undefined,
): readonly RoleHolder[] {
  return byHolder(
    userAssignments(subscription, ctx, holds).flatMap((assignment) => pick(assignment, ctx) ?? []),
  );
}

/**
 * Defender for Cloud's assessment (`keys`) where it tells; without it, a FAIL (`messageId`) naming
 * under `key` the users `pick` finds among the holders of an assignment the test accepts
 * (holdersOf), or the assessment's UNKNOWN when there are none: their absence proves nothing.
 */
export function assessedOrHolders<M extends string>(
  subscription: Resource,
  ctx: CheckContext,
  keys: readonly string[],
  holds: (assignment: Resource<AzureRoleAssignmentFacts>, ctx: CheckContext) => boolean,
  pick: (assignment: Resource<AzureRoleAssignmentFacts>, ctx: CheckContext) => RoleHolder | undefined,
  messageId: M,
  key: string,
): CheckResult<AssessmentMessage | M> {
  const result = evaluateAssessment(subscription, keys, ctx);
  if (result.status !== 'UNKNOWN') return result;
  const holders = holdersOf(subscription, ctx, holds, pick);
  if (holders.length === 0) return result;
  return fail(
    messageId,
    holders.flatMap(({ evidence }) => evidence),
    { [key]: holders.map(({ name }) => name) },
  );
}

/** Each holder once, by name, with the evidence of every assignment that makes it one. */
function byHolder(holders: readonly RoleHolder[]): readonly RoleHolder[] {
  const byName = new Map<string, Evidence[]>();
  for (const { name, evidence } of holders) {
    const known = byName.get(name);
    if (known) known.push(...evidence);
    else byName.set(name, [...evidence]);
  }
  return [...byName].map(([name, evidence]) => ({ name, evidence }));
}

type ExplicitFact<T> = Extract<Fact<T>, { readonly source: 'explicit' }>;

/** The directory user of an assignment's principal id, with that id, when the assignment states it. */
function directoryUserOf(
  assignment: Resource<AzureRoleAssignmentFacts>,
  ctx: CheckContext,
): { user: Resource<AzureDirectoryUserFacts>; id: ExplicitFact<string> } | undefined {
  const id = assignment.facts.principalId;
  if (id?.source !== 'explicit') return undefined;
  const user = ctx.inventory.byId('azure', azureDirectoryUserId(id.value)) as
    | Resource<AzureDirectoryUserFacts>
    | undefined;
  return user && { user, id };
}

/** A directory user's name in findings: its sign-in name, or without it the object id it is assigned by. */
function holderName(user: Resource<AzureDirectoryUserFacts>, id: ExplicitFact<string>): string {
  const upn = user.facts.userPrincipalName;
  return upn?.source === 'explicit' ? upn.value : id.value;
}

const isGuestName = (name: string) => name.toUpperCase().includes('#EXT#');
