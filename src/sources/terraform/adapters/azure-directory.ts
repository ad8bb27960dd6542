import { type AzureDirectoryUserFacts, azureDirectoryUserId } from '../../../model/azure.ts';
import { explicit, unknown } from '../../../model/fact.ts';
import type { Resource } from '../../../model/resource.ts';
import { TENANT_ROOT } from '../../azure/arm-record.ts';
import { KNOWN_AFTER_APPLY, SENSITIVE_NOTE } from '../translation.ts';
import type { TerraformAdapter } from './adapter.ts';

/**
 * `azuread_invitation` (hashicorp/azuread 2.x on): an external user invited into the tenant,
 * whom Entra ID adds as a guest: early 2.x ("an invitation of a guest user") has no `user_type`,
 * later versions `user_type` (Guest by default, Member only by a Global Administrator). It is
 * the directory user a role assignment's `principal_id = azuread_invitation.x.user_id` names, read
 * as Steampipe's azuread_user row is (steampipe-directory.ts): at the tenant's root, by the user's
 * object id, or, while the plan knows it only after apply, by the invitation's address, which is
 * how the plan's role assignments name it.
 * https://registry.terraform.io/providers/hashicorp/azuread/latest/docs/resources/invitation
 */
const invitation: TerraformAdapter = {
  provider: 'azure',
  global: true,
  accountOf: () => TENANT_ROOT,
  idOf: (unit, ctx) => {
    const user = unit.primary.after.read('user_id');
    return azureDirectoryUserId(
      user.state === 'known' && typeof user.value === 'string' && user.value !== ''
        ? user.value
        : ctx.idOf(unit.primary),
    );
  },
  build: (unit, tr) => {
    const guest = unit.primary;
    const path = `${guest.address}.user_type`;
    const type = tr.valuesOf(guest).read('user_type');
    // azuread 2.x before `user_type` invites guests only: the resource itself says what the user is.
    const facts: AzureDirectoryUserFacts = {
      userType:
        type.state === 'known'
          ? explicit(String(type.value), path)
          : type.state === 'absent'
            ? explicit('Guest', guest.address)
            : unknown(path, type.state === 'sensitive' ? SENSITIVE_NOTE : KNOWN_AFTER_APPLY),
    };
    const resource: Resource<AzureDirectoryUserFacts> = {
      provider: 'azure',
      account: TENANT_ROOT,
      region: 'global',
      kansaType: 'iam.user',
      nativeType: 'microsoft.graph/users',
      id: '',
      name: '',
      tags: {},
      facts,
      origin: { file: '' },
    };
    return resource;
  },
};

export const azureDirectoryAdapters: Readonly<Record<string, TerraformAdapter>> = {
  azuread_invitation: invitation,
};
