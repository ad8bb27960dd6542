import { describe, expect, it } from 'vitest';
import { type Change, constant, plan } from './dialect-plan.ts';
import { findingOf, scanDocument } from './helpers.ts';

/**
 * `azurerm_role_assignment` naming a built-in role by `role_definition_name`, as azurerm 2.x–4.x
 * plans show it (SOURCES.md, "Dialects of public plans"): the provider computes
 * `role_definition_id` from the name, so the plan knows it only after apply.
 */

const SUBSCRIPTION = '0c9d8e7f-6a5b-4c3d-9e2f-1a0b9c8d7e6f';
const SCOPE = `/subscriptions/${SUBSCRIPTION}`;

function assignment(name: string, role: string, principal: string): Change {
  return {
    address: `azurerm_role_assignment.${name}`,
    after: { scope: SCOPE, role_definition_name: role, principal_id: principal },
    afterUnknown: { id: true, name: true, principal_type: true, role_definition_id: true },
    expressions: {
      scope: constant(SCOPE),
      role_definition_name: constant(role),
      principal_id: constant(principal),
    },
  };
}

const providers = { azurerm: { features: [{}], subscription_id: constant(SUBSCRIPTION) } };

describe('azurerm_role_assignment by built-in role name', () => {
  it('counts every privileged built-in role by its name, in any case', async () => {
    const document = plan(
      [
        assignment('owner', 'Owner', '00000000-0000-4000-8000-000000000001'),
        assignment('owner_lower', 'owner', '00000000-0000-4000-8000-000000000002'),
        assignment(
          'rbac_admin',
          'Role Based Access Control Administrator',
          '00000000-0000-4000-8000-000000000003',
        ),
        assignment('uaa', 'User Access Administrator', '00000000-0000-4000-8000-000000000004'),
      ],
      { providers },
    );
    const finding = findingOf(await scanDocument(document), 'azure.iam.privileged-count', SCOPE);
    expect(finding.status).toBe('FAIL');
    expect(finding.evidence.map((e) => e.path)).toContain(
      'azurerm_role_assignment.rbac_admin.role_definition_name',
    );
  });

  it('knows the unprivileged built-in roles by name too: no role left in doubt', async () => {
    const document = plan(
      [
        assignment('owner', 'Owner', '00000000-0000-4000-8000-000000000001'),
        assignment('vaults', 'Key Vault Administrator', '00000000-0000-4000-8000-000000000005'),
        assignment('network', 'network contributor', '00000000-0000-4000-8000-000000000006'),
      ],
      { providers },
    );
    const finding = findingOf(await scanDocument(document), 'azure.iam.privileged-count', SCOPE);
    // One Owner known, and the plan does not hold the assignments made outside it.
    expect(finding.status).toBe('UNKNOWN');
    expect(finding.data).toMatchObject({ count: 1, uncertain: 0, roles: [] });
  });
});

describe('azurerm_role_assignment at a management group', () => {
  it('counts for a subscription only through the management groups it is known to be under', async () => {
    const group = '/providers/Microsoft.Management/managementGroups/kansa-platform';
    const document = plan(
      [
        assignment('owner', 'Owner', '00000000-0000-4000-8000-000000000001'),
        assignment('owner_b', 'Owner', '00000000-0000-4000-8000-000000000002'),
        ...['a', 'b', 'c'].map((key, index) => {
          const at = assignment(`group_owner_${key}`, 'Owner', `00000000-0000-4000-8000-00000000010${index}`);
          return {
            ...at,
            after: { ...at.after, scope: group },
            expressions: { ...at.expressions, scope: constant(group) },
          };
        }),
      ],
      { providers },
    );
    const finding = findingOf(await scanDocument(document), 'azure.iam.privileged-count', SCOPE);
    // Two Owners of its own; the group's three count only if the subscription is under the group,
    // which the plan does not say (its provider's subscription is no proof).
    expect(finding.status).toBe('UNKNOWN');
    expect(finding.data).toMatchObject({ count: 2 });
  });
});
