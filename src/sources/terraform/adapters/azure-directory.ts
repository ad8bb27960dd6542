import { type AzureDirectoryUserFacts, azureDirectoryUserId } from '../../../model/azure.ts';
import { explicit, unknown } from '../../../model/fact.ts';
import type { Resource } from '../../../model/resource.ts';
import { TENANT_ROOT } from '../../azure/arm-record.ts';
import type { TfInstance } from '../document.ts';
import { KNOWN_AFTER_APPLY, SENSITIVE_NOTE, type Translation } from '../translation.ts';
import type { BuildContext, TerraformAdapter } from './adapter.ts';

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
  idOf: (unit, ctx) => userIdOf(unit.primary, 'user_id', ctx),
  build: (unit, tr) => {
    const guest = unit.primary;
    // azuread 2.x before `user_type` invites guests only: the resource itself says what the user is.
    return directoryUser(
      tr.valuesOf(guest).read('user_type').state === 'absent'
        ? { userType: explicit('Guest', guest.address) }
        : userFact(guest, tr, 'user_type', 'userType'),
    );
  },
};

/**
 * `azuread_user` (a user the configuration manages, or imported into it) and the
 * `data.azuread_user` a configuration reads to assign a role to someone who exists already
 * (`principal_id = data.azuread_user.x.object_id`, known while planning): the directory user, as
 * Steampipe's azuread_user row is, at the tenant's root and by its object id (a new user's, known
 * only after apply, by its address, as the plan's role assignments name it). `user_type` (Guest or
 * Member, computed: a new user's is known only after apply) and `user_principal_name` (a guest's
 * holds `#EXT#`) tell whether it is a guest.
 * https://registry.terraform.io/providers/hashicorp/azuread/latest/docs/resources/user
 * https://registry.terraform.io/providers/hashicorp/azuread/latest/docs/data-sources/user
 */
const user: TerraformAdapter = {
  provider: 'azure',
  global: true,
  accountOf: () => TENANT_ROOT,
  idOf: (unit, ctx) => userIdOf(unit.primary, 'object_id', ctx),
  build: (unit, tr) => {
    const { primary } = unit;
    return directoryUser({
      ...userFact(primary, tr, 'user_type', 'userType'),
      ...userFact(primary, tr, 'user_principal_name', 'userPrincipalName'),
    });
  },
};

/**
 * `data.azuread_users`: each user of its `users` list (`object_id`, `user_principal_name`, no
 * `user_type`), read as a `data.azuread_user` is, its address the list entry's
 * (`data.azuread_users.x.users[0]`). Its role assignments name the users by object id
 * (`data.azuread_users.x.object_ids[0]`, known while planning).
 * https://registry.terraform.io/providers/hashicorp/azuread/latest/docs/data-sources/users
 */
const users: TerraformAdapter = {
  ...user,
  each: (reading) => {
    const list = reading.after.read('users');
    const count = list.state === 'known' && Array.isArray(list.value) ? list.value.length : 0;
    return Array.from({ length: count }, (_, i) => ({
      ...reading,
      address: `${reading.address}.users[${i}]`,
      after: reading.after.at(`users.${i}`),
    }));
  },
};

/** The id of a directory user: by its object id when the plan knows it, else by its address. */
function userIdOf(instance: TfInstance, attribute: string, ctx: BuildContext): string {
  return azureDirectoryUserId(instance.after.knownText(attribute) ?? ctx.idOf(instance));
}

/** A fact of the directory user from an attribute: unknown when the plan cannot show it, none when absent. */
function userFact<K extends keyof AzureDirectoryUserFacts>(
  instance: TfInstance,
  tr: Translation,
  attribute: string,
  fact: K,
): Partial<AzureDirectoryUserFacts> {
  const read = tr.valuesOf(instance).read(attribute);
  const path = `${instance.address}.${attribute}`;
  if (read.state === 'known' && typeof read.value === 'string' && read.value !== '')
    return { [fact]: explicit(read.value, path) };
  if (read.state === 'unknown' || read.state === 'sensitive')
    return { [fact]: unknown(path, read.state === 'sensitive' ? SENSITIVE_NOTE : KNOWN_AFTER_APPLY) };
  return {};
}

/** The directory user with these facts; identity, account and origin are set by the caller. */
function directoryUser(facts: AzureDirectoryUserFacts): Resource<AzureDirectoryUserFacts> {
  return {
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
}

/** Data sources that show the directory users who exist: those the plan's role assignments name. */
export const azureDirectoryReadings: Readonly<Record<string, TerraformAdapter>> = {
  azuread_user: user,
  azuread_users: users,
};

export const azureDirectoryAdapters: Readonly<Record<string, TerraformAdapter>> = {
  azuread_invitation: invitation,
  azuread_user: user,
};
