/**
 * What a role assignment's condition lets its holder assign, as Microsoft Learn's "Delegate Azure
 * role assignment management to others with conditions" and the portal's templates write it:
 * `((!(ActionMatches{'Microsoft.Authorization/roleAssignments/write'})) OR
 * (@Request[Microsoft.Authorization/roleAssignments:RoleDefinitionId] ForAnyOfAnyValues:GuidEquals
 * {<role>, …})) AND (… delete …)`. Returns the role GUIDs an allow-list of the roles written names,
 * `'any'` when the condition does not limit the roles written (it limits deletions, or the
 * principals only), and undefined for another form (a deny-list, `GuidNotEquals`, lets it assign
 * any custom role that itself assigns roles): the condition does not tell.
 * https://learn.microsoft.com/azure/role-based-access-control/delegate-role-assignments-portal
 */
function assignableRoles(condition: string): 'any' | readonly string[] | undefined {
  if (!WRITE_ACTION.test(condition)) return 'any';
  const limits = [...condition.matchAll(ROLE_WRITTEN)];
  if (limits.length === 0) return 'any';
  if (!limits.every(([, operator]) => /^ForAnyOfAnyValues:GuidEquals$/i.test(operator ?? '')))
    return undefined;
  return limits.flatMap(([, , list]) => (list ?? '').split(',').map((guid) => guid.trim().toLowerCase()));
}

const WRITE_ACTION = /ActionMatches\{'Microsoft\.Authorization\/roleAssignments\/write'\}/i;
/** The role of the assignment being written (`@Request`; a deletion's is `@Resource`) and the operator limiting it. */
const ROLE_WRITTEN =
  /@Request\[Microsoft\.Authorization\/roleAssignments:RoleDefinitionId\]\s+(\S+)\s*\{([^}]*)\}/gi;

/**
 * Whether a condition lets its holder assign a role `test` accepts: true when it does not limit
 * the roles written or names one `test` accepts, false when `test` refuses every one it names,
 * undefined when the condition does not tell (assignableRoles) or `test` cannot tell of one.
 */
export function mayAssign(
  condition: string,
  test: (role: string) => boolean | undefined,
): boolean | undefined {
  const roles = assignableRoles(condition);
  if (roles === 'any') return true;
  const accepted = roles?.map(test);
  if (accepted?.includes(true)) return true;
  return accepted === undefined || accepted.includes(undefined) ? undefined : false;
}
