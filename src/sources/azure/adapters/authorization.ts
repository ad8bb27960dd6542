import { memoized } from '../../../base/memo.ts';
import {
  type AzureRoleAssignmentFacts,
  type AzureRoleDefinitionFacts,
  azureRoleDefinitionId,
  CLASSIC_ACCOUNT_ADMINISTRATOR,
  CLASSIC_CO_ADMINISTRATOR,
  CLASSIC_SERVICE_ADMINISTRATOR,
} from '../../../model/azure.ts';
import { derived, explicit, type Fact, unknown } from '../../../model/fact.ts';
import { type ArmRecord, get, isObject, type JsonObject } from '../arm-record.ts';
import { asString, derivedFact, notSet, propertyFact } from '../property-facts.ts';
import type { Adapter } from './adapter.ts';

const NOT_EXPORTED = notSet('absent: not in this export', '未設定: このエクスポートに含まれていません');

const lowerCase = (value: unknown) => (typeof value === 'string' ? value.toLowerCase() : undefined);

/** The GUID at the end of a role definition id (`…/roleDefinitions/8e3af657-…`). */
const roleGuid = (value: unknown) =>
  typeof value === 'string' ? value.split('/').pop()?.toLowerCase() || undefined : undefined;

export const roleAssignment: Adapter = {
  kansaType: 'iam.role-assignment',
  facts(record): AzureRoleAssignmentFacts {
    return {
      principalId: propertyFact(record, ['principalId'], lowerCase, NOT_EXPORTED),
      principalType: propertyFact(record, ['principalType'], asString, NOT_EXPORTED),
      roleDefinitionId: propertyFact(record, ['roleDefinitionId'], roleGuid, NOT_EXPORTED),
      scope: propertyFact(record, ['scope'], lowerCase, NOT_EXPORTED),
      principalName: propertyFact(record, ['principalName'], asString, NOT_EXPORTED),
      // https://learn.microsoft.com/azure/role-based-access-control/conditions-overview
      condition: propertyFact(record, ['condition'], asString, {
        default: null,
        note: { ja: '未設定: 条件はありません', en: 'absent: no condition' },
      }),
    };
  },
};

/**
 * A classic subscription administrator (`GET …/providers/Microsoft.Authorization/classicAdministrators`,
 * and the CLI's rows of them: classic-administrators.ts) as a role assignment at the subscription:
 * `properties.role` lists its roles (`ServiceAdministrator;AccountAdministrator`), the most
 * privileged of which is its role; the principal is its Entra object id, else its e-mail address.
 */
export const classicAdministrator: Adapter = {
  kansaType: 'iam.role-assignment',
  facts(record): AzureRoleAssignmentFacts {
    const roles = propertyFact(record, ['role'], asString, NOT_EXPORTED);
    const principal = propertyFact(record, ['principalId', 'emailAddress'], lowerCase, NOT_EXPORTED);
    return {
      principalId: principal,
      roleDefinitionId: derivedFact(roles, classicRole),
      scope: explicit(`/subscriptions/${record.subscriptionId}`, 'id'),
    };
  },
};

/** `ServiceAdministrator;AccountAdministrator`, `Co-Administrator`: the most privileged role named. */
function classicRole(roles: string): string | undefined {
  const named = roles.toLowerCase().replace(/[\s-]/g, '').split(';');
  if (named.includes('serviceadministrator')) return CLASSIC_SERVICE_ADMINISTRATOR;
  if (named.includes('coadministrator')) return CLASSIC_CO_ADMINISTRATOR;
  return named.includes('accountadministrator') ? CLASSIC_ACCOUNT_ADMINISTRATOR : undefined;
}

/**
 * A role definition as Resource Graph (`authorizationresources`), ARM (`GET …/roleDefinitions`,
 * templates) and `az role definition list` give it: the CLI flattens `properties` and calls
 * `properties.type` `roleType` (the record's own `type` being the resource type's), older CLI
 * versions keep `properties`. https://learn.microsoft.com/azure/role-based-access-control/role-definitions
 */
export const roleDefinition: Adapter = {
  kansaType: 'iam.role',
  // `/subscriptions/<listed>/providers/…/roleDefinitions/<guid>` in the CLI's list of every
  // subscription, `/providers/…` in Resource Graph's: one role, found by its GUID.
  canonicalId: (record) => azureRoleDefinitionId(roleGuid(record.id) ?? record.id),
  facts(record): AzureRoleDefinitionFacts {
    return {
      roleName: propertyFact(record, ['roleName'], asString, NOT_EXPORTED),
      roleType: propertyFact(record, ['type', 'roleType'], roleTypeOf, NOT_EXPORTED),
      grantsRoles: grantedBy(record, ROLE_GRANTING_ACTIONS),
      writesEveryProvider: grantedBy(record, [ANY_PROVIDER_WRITE]),
    };
  },
};

/** BuiltInRole, CustomRole: not the resource type the flattened record's `type` holds. */
const roleTypeOf = (value: unknown) =>
  typeof value === 'string' && !value.includes('/') ? value : undefined;

/** The permission blocks, each with lists of strings only where it has `actions` or `notActions`. */
const permissionList = (value: unknown): readonly JsonObject[] | undefined =>
  Array.isArray(value) &&
  value.every(
    (entry) =>
      isObject(entry) && isStringList(get(entry, 'actions')) && isStringList(get(entry, 'notActions')),
  )
    ? value
    : undefined;

const isStringList = (value: unknown) =>
  value === undefined ||
  value === null ||
  (Array.isArray(value) && value.every((item) => typeof item === 'string'));

/**
 * The actions by which a role's holder grants any role: assigning one
 * (`Microsoft.Authorization/roleAssignments/write`), or rewriting the definition of a custom role
 * it holds (`roleDefinitions/write`) to add that. `elevateAccess/Action` is left out: only an
 * Entra ID Global Administrator may call it, whatever Azure role holds it.
 * https://learn.microsoft.com/azure/role-based-access-control/custom-roles#who-can-create-delete-update-or-view-a-custom-role
 */
const ROLE_GRANTING_ACTIONS = [
  'microsoft.authorization/roleassignments/write',
  'microsoft.authorization/roledefinitions/write',
];

/**
 * A write of a provider no pattern names (`.invalid`: no Azure namespace ends so): covered only by
 * an action pattern that covers the writes of every provider, `*`, or `*` followed by `/write`.
 */
const ANY_PROVIDER_WRITE = 'kansa.invalid/anytype/write';

/**
 * Whether the role may do one of `granted` (ROLE_GRANTING_ACTIONS, ANY_PROVIDER_WRITE). Each
 * permission grants its `actions` less its `notActions` (Azure's wildcards: `*` stands for any
 * text, and case does not matter); a role has what any of its permissions grants. Derived from
 * the `actions` that grant it, or from `permissions` when none does.
 * https://learn.microsoft.com/azure/role-based-access-control/role-definitions#notactions
 */
function grantedBy(record: ArmRecord, granted: readonly string[]): Fact<boolean> {
  const permissions = propertyFact(record, ['permissions'], permissionList, NOT_EXPORTED);
  if (permissions.source === 'unknown') return unknown(permissions.path, permissions.note);
  const at = permissions.value.findIndex((permission) =>
    granted.some(
      (granting) =>
        stringsOf(get(permission, 'actions')).some((action) => covers(action)(granting)) &&
        !stringsOf(get(permission, 'notActions')).some((action) => covers(action)(granting)),
    ),
  );
  if (at === -1) return derived(false, permissions);
  const granting = permissions.value[at]!;
  return derived(true, explicit(stringsOf(get(granting, 'actions')), `${permissions.path}[${at}].actions`));
}

const stringsOf = (value: unknown): readonly string[] => (Array.isArray(value) ? (value as string[]) : []);

/** Whether an action pattern (`*`, `Microsoft.Authorization/*`, `Microsoft.Authorization/roleAssignments/*`) covers an action. */
const covers = memoized((pattern) => {
  const source = pattern
    .trim()
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  const glob = new RegExp(`^${source}$`, 'i');
  return (action: string) => glob.test(action);
});
