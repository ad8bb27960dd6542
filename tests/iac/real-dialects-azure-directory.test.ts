import { describe, expect, it } from 'vitest';
import { type Change, constant, type Json, plan, ref } from './dialect-plan.ts';
import { findingOf, scanDocument } from './helpers.ts';

/**
 * The directory users a configuration reads to assign them a role (`data.azuread_user`,
 * `data.azuread_users`, read while planning into `prior_state`) or manages (`azuread_user`):
 * the user a role assignment's `principal_id` names, so the guest checks can tell a guest
 * Owner or Contributor. Modelled on hashicorp/terraform-provider-azuread `docs/data-sources/user.md`
 * (`user_type` Guest or Member, `object_id`, `user_principal_name`), `docs/data-sources/users.md`
 * (`users` objects without `user_type`, `object_ids`) and `docs/resources/user.md` (`user_type`
 * and `object_id` computed).
 */

const providers = { azurerm: { features: constant([{}]) }, azuread: {} };
const subscription = (n: number) => `/subscriptions/3e5a7c9b-2d4f-4a6b-8c0e-1f3a5b7c9d0${n}`;
const OWNER = '8e3af657-a8ff-443c-a75c-2fe8c4bcb635';

const GUEST = 'a1f0c2d3-4e5f-4a6b-9c7d-8e9f0a1b2c3d';
const MEMBER = 'b2e1d3c4-5f6a-4b7c-8d9e-0f1a2b3c4d5e';
const LISTED_GUEST = 'c3d2e4f5-6a7b-4c8d-9e0f-1a2b3c4d5e6f';

/** A role assignment to a principal read while planning: `principal_id` is known. */
const assignment = (
  name: string,
  scope: string,
  role: string,
  principal: string,
  reference: string,
): Change => ({
  address: `azurerm_role_assignment.${name}`,
  after: { scope, role_definition_name: role, principal_id: principal, condition: null },
  afterUnknown: { id: true, principal_type: true, role_definition_id: true },
  expressions: {
    scope: constant(scope),
    role_definition_name: constant(role),
    principal_id: ref(reference, reference.split('.').slice(0, 3).join('.')),
  },
});

const dataSource = (type: string, name: string, values: Json): Json => ({
  address: `data.${type}.${name}`,
  mode: 'data',
  type,
  name,
  provider_name: 'registry.terraform.io/hashicorp/azuread',
  schema_version: 0,
  values,
  sensitive_values: {},
});

/** A plan of these changes whose `prior_state` holds the data sources read while planning. */
function withPriorState(changes: Change[], read: Json[]): Json {
  const document = plan(changes, { terraformVersion: '1.9.8', providers }) as Record<string, Json>;
  return {
    ...document,
    prior_state: {
      format_version: '1.0',
      terraform_version: '1.9.8',
      values: { root_module: { resources: read } },
    },
  };
}

describe('data.azuread_user and data.azuread_users: the users a plan assigns roles to', () => {
  const document = withPriorState(
    [
      assignment('auditor_owner', subscription(1), 'Owner', GUEST, 'data.azuread_user.auditor.object_id'),
      assignment('admin_owner', subscription(2), 'Owner', MEMBER, 'data.azuread_user.admin.object_id'),
      assignment(
        'partner_contributor',
        subscription(3),
        'Contributor',
        LISTED_GUEST,
        'data.azuread_users.partners.object_ids',
      ),
    ],
    [
      dataSource('azuread_user', 'auditor', {
        object_id: GUEST,
        id: GUEST,
        user_principal_name: 'auditor_example.org#EXT#@contoso.onmicrosoft.com',
        user_type: 'Guest',
        mail: 'auditor@example.org',
        account_enabled: true,
      }),
      dataSource('azuread_user', 'admin', {
        object_id: MEMBER,
        id: MEMBER,
        user_principal_name: 'admin@contoso.onmicrosoft.com',
        user_type: 'Member',
        account_enabled: true,
      }),
      dataSource('azuread_users', 'partners', {
        user_principal_names: ['dev_fabrikam.example#EXT#@contoso.onmicrosoft.com'],
        object_ids: [LISTED_GUEST],
        users: [
          {
            object_id: LISTED_GUEST,
            user_principal_name: 'dev_fabrikam.example#EXT#@contoso.onmicrosoft.com',
            display_name: 'Dev (Fabrikam)',
            account_enabled: true,
            mail: 'dev@fabrikam.example',
            mail_nickname: 'dev_fabrikam.example#EXT#',
            usage_location: 'JP',
          },
        ],
      }),
    ],
  );

  it('fails guest-owner where a guest read while planning is made Owner', async () => {
    const scanned = await scanDocument(document);
    const guest = findingOf(scanned, 'azure.iam.guest-owner', subscription(1));
    expect(guest.status).toBe('FAIL');
    expect(guest.evidence.map((fact) => fact.path)).toContain('data.azuread_user.auditor.user_type');
    // A member Owner is no guest; with no Defender assessment, the check does not pass either.
    expect(findingOf(scanned, 'azure.iam.guest-owner', subscription(2)).status).toBe('UNKNOWN');
  });

  it('fails guest-write for a guest of data.azuread_users, known by #EXT# in its sign-in name', async () => {
    const scanned = await scanDocument(document);
    const finding = findingOf(scanned, 'azure.iam.guest-write', subscription(3));
    expect(finding.status).toBe('FAIL');
    expect(finding.evidence.map((fact) => fact.path)).toContain(
      'data.azuread_users.partners.users[0].user_principal_name',
    );
  });
});

describe('data.azuread_user in planned_values only (a plan written without prior_state)', () => {
  it('names the user a role assignment is to by the values read while planning', async () => {
    const document = plan(
      [assignment('auditor_owner', subscription(5), 'Owner', GUEST, 'data.azuread_user.auditor.object_id')],
      { terraformVersion: '1.9.8', providers },
    ) as { planned_values: { root_module: { resources: Json[] } } };
    document.planned_values.root_module.resources.push(
      dataSource('azuread_user', 'auditor', {
        object_id: GUEST,
        user_principal_name: 'auditor_example.org#EXT#@contoso.onmicrosoft.com',
        user_type: 'Guest',
      }),
    );
    const scanned = await scanDocument(document);
    expect(findingOf(scanned, 'azure.iam.guest-owner', subscription(5)).status).toBe('FAIL');
  });
});

describe('azuread_user: a managed directory user', () => {
  it('names the user a state holds by its object id, a guest as its user_type says', async () => {
    const state = {
      format_version: '1.0',
      terraform_version: '1.9.8',
      values: {
        root_module: {
          resources: [
            {
              address: 'azuread_user.vendor',
              mode: 'managed',
              type: 'azuread_user',
              name: 'vendor',
              provider_name: 'registry.terraform.io/hashicorp/azuread',
              schema_version: 0,
              values: {
                id: GUEST,
                object_id: GUEST,
                user_principal_name: 'vendor_example.org#EXT#@contoso.onmicrosoft.com',
                user_type: 'Guest',
                account_enabled: true,
                display_name: 'Vendor',
              },
              sensitive_values: {},
            },
            {
              address: 'azurerm_role_assignment.vendor_owner',
              mode: 'managed',
              type: 'azurerm_role_assignment',
              name: 'vendor_owner',
              provider_name: 'registry.terraform.io/hashicorp/azurerm',
              schema_version: 0,
              values: {
                id: `${subscription(4)}/providers/Microsoft.Authorization/roleAssignments/5d6e7f80-1a2b-4c3d-8e4f-5a6b7c8d9e0f`,
                scope: subscription(4),
                role_definition_id: `${subscription(4)}/providers/Microsoft.Authorization/roleDefinitions/${OWNER}`,
                role_definition_name: 'Owner',
                principal_id: GUEST,
                principal_type: 'User',
                condition: null,
              },
              sensitive_values: {},
            },
          ],
        },
      },
    };
    const scanned = await scanDocument(state, 'state.json');
    const finding = findingOf(scanned, 'azure.iam.guest-owner', subscription(4));
    expect(finding.status).toBe('FAIL');
    expect(finding.evidence.map((fact) => fact.path)).toContain('azuread_user.vendor.user_type');
  });
});
