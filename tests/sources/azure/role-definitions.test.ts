import { describe, expect, it } from 'vitest';
import { azureRoleDefinitionId } from '../../../src/model/azure.ts';
import { azureArm } from '../../../src/sources/azure/arm.ts';
import { azureGraphCli } from '../../../src/sources/azure/graph-cli.ts';
import { graphCliOutput, readDocument, SUBSCRIPTION, TENANT } from '../../checks/azure/arg-rows.ts';
import { readRecords } from '../../helpers/checks.ts';

const GUID = '4c3b2a19-8d7e-4f6a-9b5c-0d1e2f3a4b5c';

/** `az role definition list` as the CLI prints a role: flattened, `roleType`, the subscription it ran in. */
const cliRole = (permissions: unknown, extra: Record<string, unknown> = {}) => ({
  assignableScopes: [`/subscriptions/${SUBSCRIPTION}`],
  description: 'city IT',
  id: `/subscriptions/${SUBSCRIPTION}/providers/Microsoft.Authorization/roleDefinitions/${GUID}`,
  name: GUID,
  permissions,
  roleName: 'City Admin',
  roleType: 'CustomRole',
  type: 'Microsoft.Authorization/roleDefinitions',
  ...extra,
});

const cli = (record: unknown) => readRecords(azureArm, [record])[0]!;

describe('role definitions', () => {
  it('the CLI’s flattened record: one resource of the tenant by its GUID, its roleType read', () => {
    const role = cli(cliRole([{ actions: ['*'], notActions: [] }]));
    expect(role).toMatchObject({
      id: azureRoleDefinitionId(GUID),
      account: '/',
      kansaType: 'iam.role',
      nativeType: 'microsoft.authorization/roledefinitions',
      facts: {
        roleName: { value: 'City Admin' },
        roleType: { source: 'explicit', value: 'CustomRole', path: 'properties.roleType' },
        grantsRoles: { value: true },
      },
    });
  });

  it('Resource Graph’s row at the root (`/providers/…`, no subscription): read, not skipped', () => {
    const [role] = readDocument(
      azureGraphCli,
      graphCliOutput([
        {
          id: `/providers/Microsoft.Authorization/RoleDefinitions/${GUID.toUpperCase()}`,
          name: GUID,
          type: 'microsoft.authorization/roledefinitions',
          tenantId: TENANT,
          subscriptionId: '',
          properties: { roleName: 'City Admin', type: 'CustomRole', permissions: [{ actions: ['*/read'] }] },
        },
      ]),
    );
    expect(role).toMatchObject({
      id: azureRoleDefinitionId(GUID),
      facts: { roleType: { value: 'CustomRole', path: 'properties.type' }, grantsRoles: { value: false } },
    });
  });

  it.each([
    [[{ actions: ['*'] }], true],
    [[{ actions: ['microsoft.authorization/*'] }], true],
    [[{ Actions: ['Microsoft.Authorization/roleAssignments/*'] }], true],
    [[{ actions: ['Microsoft.Authorization/*/write'] }], true],
    [[{ actions: ['Microsoft.Authorization/roleAssignments/write'] }], true],
    [[{ actions: ['*'], notActions: ['Microsoft.Authorization/*/Write'] }], false],
    // Its holder may still rewrite the custom role it holds, taking the notAction out.
    [[{ actions: ['*'], notActions: ['Microsoft.Authorization/roleAssignments/*'] }], true],
    [
      [
        {
          actions: ['*'],
          notActions: [
            'Microsoft.Authorization/roleAssignments/*',
            'Microsoft.Authorization/roleDefinitions/*',
          ],
        },
      ],
      false,
    ],
    // notActions take back only what their own permission grants.
    [
      [
        { actions: ['*/read'], notActions: [] },
        { actions: ['*'], notActions: ['*/write'] },
      ],
      false,
    ],
    [[{ actions: ['Microsoft.Authorization/*'], notActions: ['*/delete'] }], true],
    [
      [{ actions: ['Microsoft.Authorization/*/read', 'Microsoft.Authorization/roleDefinitions/write'] }],
      true,
    ],
    [
      [{ actions: ['Microsoft.Authorization/*/read', 'Microsoft.Authorization/elevateAccess/Action'] }],
      false,
    ],
    [[{ actions: [], dataActions: ['*'] }], false],
    [[], false],
  ])('permissions %j → grants roles: %s', (permissions, assigns) => {
    expect(cli(cliRole(permissions)).facts).toMatchObject({
      grantsRoles: { source: 'explicit', value: assigns },
    });
  });

  it.each([
    // Contributor's own actions and notActions.
    [
      [
        {
          actions: ['*'],
          notActions: ['Microsoft.Authorization/*/Delete', 'Microsoft.Authorization/*/Write'],
        },
      ],
      true,
    ],
    [[{ actions: ['*/read', '*/write'] }], true],
    [[{ actions: ['Microsoft.Network/*', 'Microsoft.Compute/*/write', '*/read'] }], false],
    [[{ actions: ['*'], notActions: ['*/write'] }], false],
    [[{ actions: ['*'], notActions: ['Microsoft.Compute/*'] }], true],
    [[{ actions: [], dataActions: ['*'] }], false],
  ])('permissions %j → writes every provider: %s', (permissions, writes) => {
    expect(cli(cliRole(permissions)).facts).toMatchObject({
      writesEveryProvider: { source: 'explicit', value: writes },
    });
  });

  it('evidence names the actions that grant roleAssignments/write, in their permission', () => {
    const { grantsRoles } = cli(
      cliRole([{ actions: ['*/read'] }, { actions: ['Microsoft.Authorization/roleAssignments/write'] }]),
    ).facts as { grantsRoles: { path: string; field?: { value: unknown } } };
    expect(grantsRoles.path).toBe('properties.permissions[1].actions');
    expect(grantsRoles.field?.value).toEqual(['Microsoft.Authorization/roleAssignments/write']);
  });

  it.each([
    ['permissions not a list', { permissions: 'everything' }],
    ['actions not a list of strings', { permissions: [{ actions: '*' }] }],
    ['a permission that is no object', { permissions: ['*'] }],
  ])('%s: unknown, never “may not assign roles”', (_, extra) => {
    expect(cli(cliRole(undefined, extra)).facts).toMatchObject({ grantsRoles: { source: 'unknown' } });
  });

  it('without permissions: unknown', () => {
    const { permissions: _, ...role } = cliRole([]);
    expect(cli(role).facts).toMatchObject({ grantsRoles: { source: 'unknown' } });
  });
});
