import { describe, expect, it } from 'vitest';
import guestOwner from '../../../src/checks/azure/iam/guest-owner.ts';
import guestWrite from '../../../src/checks/azure/iam/guest-write.ts';
import privilegedCount from '../../../src/checks/azure/iam/privileged-count.ts';
import { evaluate } from '../../helpers/checks.ts';
import { assessmentRow, graphResources, SUBSCRIPTION, SUBSCRIPTION_ID } from './arg-rows.ts';

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

describe('azure.iam.privileged-count', () => {
  it.each([
    { name: 'one owner', rows: [assignment(principal(1), OWNER)], status: 'PASS', count: 1 },
    {
      name: 'three principals, one holding both roles (limit 3)',
      rows: [
        assignment(principal(1), OWNER),
        assignment(principal(1), USER_ACCESS_ADMINISTRATOR),
        assignment(principal(2), OWNER),
        assignment(principal(3), USER_ACCESS_ADMINISTRATOR),
      ],
      status: 'PASS',
      count: 3,
    },
    {
      name: 'four principals',
      rows: [1, 2, 3, 4].map((n) => assignment(principal(n), OWNER)),
      status: 'FAIL',
      count: 4,
    },
    {
      name: 'contributors and resource-group owners do not count',
      rows: [
        assignment(principal(1), OWNER),
        ...[2, 3, 4].map((n) => assignment(principal(n), CONTRIBUTOR)),
        ...[5, 6, 7].map((n) =>
          assignment(principal(n), OWNER, `${SUBSCRIPTION_ID}/resourcegroups/rg-kansa`),
        ),
      ],
      status: 'PASS',
      count: 1,
    },
    {
      name: 'an assignment without its role',
      rows: [assignment(principal(1), OWNER), assignment(principal(2), undefined)],
      status: 'UNKNOWN',
      count: 1,
    },
    { name: 'no role assignments exported', rows: [], status: 'UNKNOWN', count: undefined },
  ])('$name → $status', ({ rows, status, count }) => {
    const result = evaluate(privilegedCount, graphResources(...rows), SUBSCRIPTION_ID);
    expect(result.status).toBe(status);
    if (count !== undefined) expect(result.data).toMatchObject({ count });
  });

  it('takes the limit from the framework parameters', () => {
    const rows = [1, 2].map((n) => assignment(principal(n), OWNER));
    const result = evaluate(privilegedCount, graphResources(...rows), SUBSCRIPTION_ID, {
      maxPrivilegedPrincipals: 1,
    });
    expect(result).toMatchObject({ status: 'FAIL', message: 'tooMany', data: { max: 1 } });
  });
});

describe.each([
  { check: guestOwner, key: '20606e75-05c4-48c0-9d97-add6daa2109a' },
  { check: guestWrite, key: '0354476c-a12a-4fcc-a79d-f0ab7ffffdbb' },
])('$check.meta.id', ({ check, key }) => {
  it.each([
    { code: 'Healthy', status: 'PASS' },
    { code: 'Unhealthy', status: 'FAIL' },
    { code: 'NotApplicable', status: 'NOT_APPLICABLE' },
  ])('$code → $status', ({ code, status }) => {
    expect(evaluate(check, graphResources(assessmentRow(key, code)), SUBSCRIPTION_ID).status).toBe(status);
  });

  it('is UNKNOWN without the assessment', () => {
    const mfa = assessmentRow('6240402e-f77c-46fa-9060-a7ce53997754', 'Healthy');
    expect(evaluate(check, graphResources(mfa), SUBSCRIPTION_ID)).toMatchObject({
      status: 'UNKNOWN',
      message: 'noAssessment',
    });
  });
});
