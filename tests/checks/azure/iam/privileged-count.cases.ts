import { graphQuery } from '../../../helpers/exports.ts';
import { type AnyCase, byVerdict, type RuleTests } from '../../../helpers/rule-tester.ts';
import { SUBSCRIPTION, SUBSCRIPTION_ID, subscriptionRow } from '../arg-rows.ts';
import { withSubscription } from '../graph.ts';

const OWNER = '8e3af657-a8ff-443c-a75c-2fe8c4bcb635';
const USER_ACCESS_ADMINISTRATOR = '18d7d88d-d35e-4fb5-a5c3-7773c20a72d9';
const CONTRIBUTOR = 'b24988ac-6180-42a0-ab88-20f7382dd24c';

let next = 0;
/** An authorizationresources row as `az graph query` prints it. */
function assignment(principal: string, role: string | undefined, scope = SUBSCRIPTION_ID) {
  const name = `5b0c4a2e-1111-4c1e-9d2a-${String(++next).padStart(12, '0')}`;
  return {
    id: `${scope}/providers/Microsoft.Authorization/roleAssignments/${name}`,
    name,
    type: 'microsoft.authorization/roleassignments',
    subscriptionId: SUBSCRIPTION,
    resourceGroup: '',
    location: '',
    properties: {
      principalId: principal,
      principalType: 'User',
      ...(role
        ? { roleDefinitionId: `${SUBSCRIPTION_ID}/providers/Microsoft.Authorization/RoleDefinitions/${role}` }
        : {}),
      scope,
    },
  };
}
const principal = (n: number) => `11111111-aaaa-4bbb-8ccc-${String(n).padStart(12, '0')}`;

const cases: AnyCase[] = [
  {
    name: 'one owner',
    records: [assignment(principal(1), OWNER)],
    status: 'PASS',
    messageId: 'withinLimit',
    data: { count: 1 },
  },
  {
    name: 'three principals, one holding both roles (limit 3)',
    records: [
      assignment(principal(1), OWNER),
      assignment(principal(1), USER_ACCESS_ADMINISTRATOR),
      assignment(principal(2), OWNER),
      assignment(principal(3), USER_ACCESS_ADMINISTRATOR),
    ],
    status: 'PASS',
    messageId: 'withinLimit',
    data: { count: 3 },
  },
  {
    name: 'four principals',
    records: [1, 2, 3, 4].map((n) => assignment(principal(n), OWNER)),
    status: 'FAIL',
    messageId: 'tooMany',
    data: { count: 4 },
  },
  {
    name: 'contributors and resource-group owners do not count',
    records: [
      assignment(principal(1), OWNER),
      ...[2, 3, 4].map((n) => assignment(principal(n), CONTRIBUTOR)),
      ...[5, 6, 7].map((n) => assignment(principal(n), OWNER, `${SUBSCRIPTION_ID}/resourcegroups/rg-kansa`)),
    ],
    status: 'PASS',
    messageId: 'withinLimit',
    data: { count: 1 },
  },
  {
    name: 'an assignment without its role',
    records: [assignment(principal(1), OWNER), assignment(principal(2), undefined)],
    status: 'UNKNOWN',
    messageId: 'incomplete',
    data: { count: 1 },
  },
  {
    name: 'no role assignments exported',
    records: [graphQuery([subscriptionRow()])],
    status: 'UNKNOWN',
    messageId: 'notExported',
  },
  {
    name: 'takes the limit from the framework parameters',
    records: [1, 2].map((n) => assignment(principal(n), OWNER)),
    params: { maxPrivilegedPrincipals: 1 },
    status: 'FAIL',
    messageId: 'tooMany',
    data: { max: 1 },
  },
];

export default { wrap: withSubscription, ...byVerdict(cases) } satisfies RuleTests;
