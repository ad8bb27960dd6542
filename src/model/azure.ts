import type { Fact } from './fact.ts';
import type { CommonFacts } from './facts.ts';

/**
 * The facts each Azure native type carries (filled by `src/sources/azure/adapters`). Every key
 * is optional: records of one resource can arrive from several files and are merged, and
 * checks read them with `factOf`. Paths in the facts name the ARM property (`properties.…`).
 */

/** microsoft.resources/subscriptions (the account resource, `/subscriptions/<guid>`). */
export interface AzureSubscriptionFacts {
  /** Enabled, Warned, PastDue, Disabled, Deleted. */
  readonly state?: Fact<string>;
  /**
   * The subscription's own diagnostic settings (the Activity Log's) were listed: true when a
   * listing answered, even with none (then there are none); unknown, with why, when a live
   * listing failed. Absent when nothing listed them (an export without that listing).
   */
  readonly activityLogSettingsListed?: Fact<boolean>;
  /** The subscription's budgets were listed (as `activityLogSettingsListed`). */
  readonly budgetsListed?: Fact<boolean>;
  /**
   * The diagnostic settings of every resource of the subscription whose settings a check reads
   * were listed (as `activityLogSettingsListed`): such a resource that none targets has none.
   */
  readonly resourceSettingsListed?: Fact<boolean>;
  /**
   * The keys of every Key Vault vault of the subscription were listed (as
   * `activityLogSettingsListed`; `--save-inventory`'s `keyvault-keys-<subscription id>.json`): a
   * vault none of whose keys it holds has none.
   */
  readonly vaultKeysListed?: Fact<boolean>;
  /**
   * The keys of every managed HSM of the subscription were listed (as `vaultKeysListed`, by ARM's
   * `GET <hsm id>/keys`; `--save-inventory`'s `managed-hsm-keys-<subscription id>.json`).
   */
  readonly hsmKeysListed?: Fact<boolean>;
  /**
   * The management groups the subscription is under, its parent first, to the tenant root group
   * (their names, lower case: Resource Graph's `properties.managementGroupAncestorsChain`).
   * Absent when the record does not show them; unknown when the scan read role assignments of
   * management groups and not which groups the subscription is under (scan/management-groups.ts).
   */
  readonly managementGroups?: Fact<readonly string[]>;
  /**
   * The role assignments that apply to the subscription (its own, and those it inherits from
   * the management groups above it and the root `/`) were all read: unknown, with why, when a
   * live scan's query of them failed (or the inventory such a scan saved says so). Absent
   * otherwise: the role assignments an export holds are taken as all there are.
   */
  readonly roleAssignmentsRead?: Fact<boolean>;
}

/**
 * A resource whose own diagnostic settings were listed (a live scan lists them for each
 * resource a check reads them of): true when the listing answered, even with none (then it has
 * none); unknown, with why, when it failed. Absent when nothing listed them.
 */
export interface AzureDiagnosedFacts {
  readonly diagnosticSettingsListed?: Fact<boolean>;
}

/** microsoft.storage/storageaccounts */
export interface AzureStorageAccountFacts extends CommonFacts {
  /** Anonymous read access to containers and blobs is allowed on the account. */
  readonly allowBlobPublicAccess?: Fact<boolean>;
  /**
   * The account kind: StorageV2, Storage, BlobStorage, BlockBlobStorage (premium blobs) or
   * FileStorage (premium file shares only: no blob service, so blob settings do not apply).
   */
  readonly kind?: Fact<string>;
  /** Enabled, Disabled, SecuredByPerimeter (`securedByPerimeter`). */
  readonly publicNetworkAccess?: Fact<string>;
  /** The storage firewall's default action: Allow (all networks) or Deny. */
  readonly networkDefaultAction?: Fact<string>;
  readonly httpsTrafficOnly?: Fact<boolean>;
  /** TLS1_0, TLS1_1, TLS1_2, TLS1_3. */
  readonly minimumTlsVersion?: Fact<string>;
  /** Microsoft.Storage (Microsoft-managed key) or Microsoft.Keyvault (customer-managed key). */
  readonly encryptionKeySource?: Fact<string>;
  /** The paired region geo-redundant SKUs (*GRS, *GZRS) copy the data to (LOC-2). */
  readonly secondaryRegion?: Fact<string>;
  /** Requests may be authorized with the account access keys (Shared Key). */
  readonly allowSharedKeyAccess?: Fact<boolean>;
  /** When each access key was last created or rotated (`keyCreationTime.key1`, `.key2`), ISO dates; null for a key Azure has no time for. */
  readonly keyCreationTimes?: Fact<readonly (string | null)[]>;
}

/** microsoft.compute/disks and microsoft.compute/snapshots */
export interface AzureDiskFacts extends CommonFacts {
  /** EncryptionAtRestWithPlatformKey, EncryptionAtRestWithCustomerKey, EncryptionAtRestWithPlatformAndCustomerKeys. */
  readonly encryptionType?: Fact<string>;
}

/** microsoft.compute/virtualmachines */
export interface AzureVirtualMachineFacts extends Pick<CommonFacts, 'customerManagedKey'> {
  /** Host-based encryption of temp disks and caches (securityProfile.encryptionAtHost). */
  readonly encryptionAtHost?: Fact<boolean>;
}

/** microsoft.keyvault/vaults and microsoft.keyvault/managedhsms */
export interface AzureKeyVaultFacts extends CommonFacts {
  /** standard or premium (premium can hold HSM-protected keys). */
  readonly skuName?: Fact<string>;
  readonly softDeleteEnabled?: Fact<boolean>;
  readonly purgeProtectionEnabled?: Fact<boolean>;
  readonly publicNetworkAccess?: Fact<string>;
  /** The vault firewall's default action (`networkAcls.defaultAction`): Allow or Deny. */
  readonly networkDefaultAction?: Fact<string>;
  /**
   * The vault's keys were listed whole, even none (a live scan's `GET <vault>/keys`, a recorded
   * listing of a vault the recording holds); unknown, with why, where that listing failed. A
   * listing with keys is known by them too (`AzureKeyVaultKeyFacts.vaultKeysListed`), and a
   * subscription's listing of its vaults' keys by its `vaultKeysListed`.
   */
  readonly keysListed?: Fact<boolean>;
}

/**
 * Analytics, AI, search and configuration services (Azure Machine Learning, Databricks, Data
 * Factory, Azure AI services, AI Search, App Configuration), and images.
 */
export interface AzureDataServiceFacts extends CommonFacts {
  readonly publicNetworkAccess?: Fact<string>;
}

/** Database servers and accounts: SQL logical servers, PostgreSQL/MySQL flexible servers, Cosmos DB accounts. */
export interface AzureDatabaseFacts extends CommonFacts {
  readonly publicNetworkAccess?: Fact<string>;
  /**
   * The oldest TLS version accepted: SQL `minimalTlsVersion` (None, 1.0…1.3), Cosmos DB
   * `minimalTlsVersion` (Tls, Tls11, Tls12). Flexible servers keep it in server parameters.
   */
  readonly minimalTlsVersion?: Fact<string>;
  /**
   * PostgreSQL / MySQL flexible servers' `require_secure_transport` server parameter: off, the
   * server accepts connections without TLS whatever the minimal version says.
   */
  readonly requireSecureTransport?: Fact<boolean>;
  /** SQL server auditing (`servers/auditingSettings/default` `state`): Enabled or Disabled. */
  readonly auditingState?: Fact<string>;
}

/**
 * A database server's IP firewall rule (`microsoft.sql/servers/firewallrules` and the flexible
 * servers' `firewallrules`): the range of client addresses it admits. They matter only while the
 * server's public network access is enabled.
 */
export interface AzureDatabaseFirewallRuleFacts {
  readonly startIpAddress?: Fact<string>;
  readonly endIpAddress?: Fact<string>;
}

/** microsoft.containerregistry/registries */
export interface AzureContainerRegistryFacts extends CommonFacts {
  readonly adminUserEnabled?: Fact<boolean>;
  readonly publicNetworkAccess?: Fact<string>;
}

/** microsoft.operationalinsights/workspaces */
export interface AzureLogAnalyticsWorkspaceFacts {
  readonly retentionInDays?: Fact<number>;
}

/**
 * microsoft.insights/diagnosticsettings: one per setting. Activity Log export is a setting on
 * the subscription; resource logs are settings on the resource. Checks find them with
 * `ctx.inventory` by `targetResourceId` (several settings of one target are read together).
 */
export interface AzureDiagnosticSettingFacts {
  /** The lower-cased id of the subscription or resource whose logs the setting exports. */
  readonly targetResourceId?: Fact<string>;
  /** Where logs go: ids of the Log Analytics workspace, storage account, Event Hub rule, partner. */
  readonly destinations?: Fact<readonly string[]>;
  /** Log categories enabled (Administrative, Security, Policy, … or a resource's categories). */
  readonly enabledCategories?: Fact<readonly string[]>;
  /** Category groups enabled (allLogs, audit). */
  readonly enabledCategoryGroups?: Fact<readonly string[]>;
}

/** microsoft.security/assessments (Defender for Cloud recommendations' results). */
export interface AzureSecurityAssessmentFacts {
  /** The assessment key (the recommendation's GUID, the record's name), lower-case. */
  readonly assessmentKey?: Fact<string>;
  /** Healthy, Unhealthy, NotApplicable. */
  readonly statusCode?: Fact<string>;
  /** Why the status is what it is (`status.cause`): OffByPolicy and Exempt mean the recommendation was not evaluated. */
  readonly statusCause?: Fact<string>;
  /** The lower-cased id of the assessed resource (the subscription for identity recommendations). */
  readonly assessedResourceId?: Fact<string>;
}

/** microsoft.security/pricings (Defender for Cloud plans). */
export interface AzureSecurityPricingFacts {
  /** Free or Standard. */
  readonly pricingTier?: Fact<string>;
  /** The plan is deprecated (replaced by another, `replacedBy`), so its tier no longer matters. */
  readonly deprecated?: Fact<boolean>;
}

/**
 * The roles of the classic subscription administrators (microsoft.authorization/classicadministrators,
 * retired in 2024), as a role assignment's `roleDefinitionId` names them: they have no GUID.
 * https://learn.microsoft.com/azure/role-based-access-control/classic-administrators
 */
export const CLASSIC_SERVICE_ADMINISTRATOR = 'classic:serviceadministrator';
export const CLASSIC_CO_ADMINISTRATOR = 'classic:coadministrator';
export const CLASSIC_ACCOUNT_ADMINISTRATOR = 'classic:accountadministrator';

/** microsoft.authorization/roleassignments (and classicadministrators, read as assignments) */
export interface AzureRoleAssignmentFacts {
  readonly principalId?: Fact<string>;
  /** User, Group, ServicePrincipal, ForeignGroup, Device. */
  readonly principalType?: Fact<string>;
  /**
   * The role definition's GUID, lower-case (Owner is 8e3af657-a8ff-443c-a75c-2fe8c4bcb635); a
   * classic administrator's, its role's name (CLASSIC_CO_ADMINISTRATOR…).
   */
  readonly roleDefinitionId?: Fact<string>;
  /** The lower-cased scope id the role is granted at. */
  readonly scope?: Fact<string>;
  /**
   * The principal's sign-in name (`az role assignment list`'s `principalName`, PowerShell's
   * `SignInName`): a guest's is its home address with `#EXT#` (`ann_contoso.com#EXT#@…`).
   */
  readonly principalName?: Fact<string>;
  /** The assignment's ABAC condition (`condition`, version 2.0); null: none. */
  readonly condition?: Fact<string | null>;
}

/**
 * An Entra ID user (Microsoft Graph's `user` and its registration details, Steampipe's
 * `azuread_user`): who the principal id of
 * a role assignment is. Read at the tenant's root, filed under a subscription by the scan, and
 * looked up by its id, azureDirectoryUserId(object id).
 */
export interface AzureDirectoryUserFacts {
  /** `Member` or `Guest` (Graph's `userType`). */
  readonly userType?: Fact<string>;
  /** The sign-in name; a guest's is its home address with `#EXT#` (`ann_contoso.com#EXT#@…`). */
  readonly userPrincipalName?: Fact<string>;
  /**
   * The user has registered a method that can do MFA (Graph's userRegistrationDetails
   * `isMfaRegistered`). False: the user cannot be signing in with Entra ID MFA; true does not
   * show that MFA is required at sign-in.
   */
  readonly mfaRegistered?: Fact<boolean>;
  /**
   * The user may sign in (Graph's `accountEnabled`). False: the account is blocked, so no
   * sign-in of it goes without MFA, whatever it has registered.
   */
  readonly accountEnabled?: Fact<boolean>;
}

/** The resource id of the Entra ID user of this object id (a role assignment's `principalId`). */
export function azureDirectoryUserId(objectId: string): string {
  return `/users/${objectId.toLowerCase()}`;
}

/**
 * microsoft.authorization/roledefinitions: a role's permissions. A role definition's GUID is one
 * role across the tenant, whichever scope a listing names it under (`az role definition list`
 * prefixes every id with the subscription listed, Resource Graph gives built-in roles none): its
 * resource id is `azureRoleDefinitionId(guid)`.
 */
export interface AzureRoleDefinitionFacts {
  /** The role's display name (Owner, a custom role's own). */
  readonly roleName?: Fact<string>;
  /** BuiltInRole or CustomRole (`properties.type`; the CLI's `roleType`). */
  readonly roleType?: Fact<string>;
  /**
   * The role may grant any role, as Owner and User Access Administrator can: a permission's
   * `actions` grant `Microsoft.Authorization/roleAssignments/write`, or
   * `Microsoft.Authorization/roleDefinitions/write` (its holder rewrites the custom role it
   * holds), by name or by a wildcard (`*`, `Microsoft.Authorization/*`, …), and its `notActions`
   * do not take it back. Derived from the `actions` that grant it, or from `permissions` when
   * none does.
   */
  readonly grantsRoles?: Fact<boolean>;
  /**
   * The role may write the resources of every provider, as Contributor can: a permission's
   * `actions` grant a write whatever the provider (`*`, or `*` followed by `/write`), and its
   * `notActions` do not take it back (Contributor's take back Microsoft.Authorization's alone).
   * False: not every provider's (a role of one service, `Microsoft.Network/*`, or none), which
   * does not say it writes nothing.
   */
  readonly writesEveryProvider?: Fact<boolean>;
}

/** The resource id of the role definition with this GUID (lower case), wherever a record lists it. */
export function azureRoleDefinitionId(guid: string): string {
  return `/providers/microsoft.authorization/roledefinitions/${guid}`;
}

/** One inbound rule of a network security group, as the adapter normalizes it. */
export interface AzureNsgRule {
  readonly name: string;
  /** Allow or Deny. */
  readonly access: string;
  /** Lower number wins (100–4096; the default rules 65000–65500). */
  readonly priority: number;
  /** Tcp, Udp, Icmp, Esp, Ah or `*`. */
  readonly protocol: string;
  /** `sourceAddressPrefix` and `sourceAddressPrefixes` together (`*`, `Internet`, CIDRs, service tags). */
  readonly sourcePrefixes: readonly string[];
  /** `destinationPortRange` and `destinationPortRanges` together (`22`, `20-30`, `*`). */
  readonly destinationPorts: readonly string[];
  /** `sourcePortRange` and `sourcePortRanges` together; `*` when neither is set. */
  readonly sourcePorts: readonly string[];
  /** The lower-cased ids of `sourceApplicationSecurityGroups`: VMs of the network, by group. */
  readonly sourceGroups: readonly string[];
  /**
   * `destinationAddressPrefix` and `…Prefixes` together (`*`, `VirtualNetwork`, CIDRs); `*` when
   * neither is set nor a destination group.
   */
  readonly destinations: readonly string[];
  /** The lower-cased ids of `destinationApplicationSecurityGroups`. */
  readonly destinationGroups: readonly string[];
}

/** microsoft.network/networksecuritygroups */
export interface AzureNetworkSecurityGroupFacts {
  /** Inbound rules, custom (`securityRules`) and default (`defaultSecurityRules`). */
  readonly inboundRules?: Fact<readonly AzureNsgRule[]>;
}

/** A subnet of a virtual network and the NSG associated with it. */
export interface AzureSubnet {
  /** Lower-cased subnet id. */
  readonly id: string;
  /** Lower-cased NSG id, or null when the subnet has none. */
  readonly networkSecurityGroupId: string | null;
}

/** microsoft.network/virtualnetworks */
export interface AzureVirtualNetworkFacts {
  readonly subnets?: Fact<readonly AzureSubnet[]>;
  /**
   * Whether the inventory holds every flow log of the network, its subnets and their NSGs: true
   * for a Terraform plan's new network whose subnets and NSGs are new too (it has those of the
   * plan, no other); unknown, with why, otherwise. Absent for exports.
   */
  readonly flowLogsListed?: Fact<boolean>;
}

/** microsoft.network/networkwatchers/flowlogs (NSG and virtual network flow logs). */
export interface AzureFlowLogFacts {
  /** The lower-cased id of the NSG, virtual network, subnet or NIC whose traffic it logs. */
  readonly targetResourceId?: Fact<string>;
  readonly enabled?: Fact<boolean>;
}

/** microsoft.containerservice/managedclusters */
export interface AzureManagedClusterFacts extends CommonFacts {
  /** `apiServerAccessProfile.enablePrivateCluster`: the API server has a private IP only. */
  readonly privateCluster?: Fact<boolean>;
  /** `apiServerAccessProfile.authorizedIPRanges`: the public API server accepts only these ranges. */
  readonly authorizedIpRanges?: Fact<readonly string[]>;
  readonly enableRbac?: Fact<boolean>;
  /** Local accounts (the static cluster-admin credential) are disabled: Entra ID only. */
  readonly disableLocalAccounts?: Fact<boolean>;
}

/** microsoft.web/sites, merged with its `config/web` record (`az webapp config show`). */
export interface AzureWebAppFacts extends CommonFacts {
  readonly httpsOnly?: Fact<boolean>;
  /** `siteConfig.minTlsVersion`: 1.0, 1.1, 1.2, 1.3. */
  readonly minTlsVersion?: Fact<string>;
  /** `siteConfig.ftpsState`: AllAllowed (plain FTP too), FtpsOnly, Disabled. */
  readonly ftpsState?: Fact<string>;
  readonly publicNetworkAccess?: Fact<string>;
}

/** microsoft.cache/redis */
export interface AzureRedisFacts extends CommonFacts {
  readonly enableNonSslPort?: Fact<boolean>;
  /** 1.0, 1.1, 1.2. */
  readonly minimumTlsVersion?: Fact<string>;
  readonly publicNetworkAccess?: Fact<string>;
}

/** microsoft.keyvault/vaults/keys (the ARM management-plane key, not the data-plane `kid`). */
export interface AzureKeyVaultKeyFacts extends CommonFacts {
  /**
   * Days after which the rotation policy creates a new version (a `Rotate` lifetime action);
   * null when the key has no automatic rotation.
   */
  readonly rotationPeriodDays?: Fact<number | null>;
  /** Expiry (`attributes.exp`, Unix seconds) as an ISO date; null when the key never expires. */
  readonly expiresOn?: Fact<string | null>;
  /**
   * The key was read from a listing of its vault's keys read whole (`az keyvault key list`, a
   * `GET <vault>/keys` list body without a next page): its vault's keys are all in the input.
   * Absent on a key read alone (`az keyvault key show`); a table's row of a query that selected
   * some keys has it but is picked (Resource.picked), which the key checks read as no listing.
   */
  readonly vaultKeysListed?: Fact<boolean>;
}

/**
 * `publicNetworkAccess: SecuredByPerimeter` (storage, Key Vault, SQL, Cosmos DB, Event Hubs, …):
 * "Inbound and Outbound communication is controlled by the network security perimeter and
 * profile's access rules". Those inbound rules may admit public address prefixes or whole
 * subscriptions; they are resources of the perimeter (`networkSecurityPerimeters/profiles/
 * accessRules`), not of the resource, so its own record does not tell who reaches it.
 */
export const securedByPerimeter = (publicNetworkAccess: string): boolean =>
  publicNetworkAccess.trim().toLowerCase() === 'securedbyperimeter';

/**
 * The subscription and resource group of a record that does not name them (an ARM template's
 * resources, a Key Vault data-plane key), as the REST specs write a path's parameters.
 */
export const PLACEHOLDER_SUBSCRIPTION = '/subscriptions/{subscriptionId}';
export const PLACEHOLDER_SCOPE = `${PLACEHOLDER_SUBSCRIPTION}/resourceGroups/{resourceGroupName}`;

/** microsoft.consumption/budgets */
export interface AzureBudgetFacts {
  /** Names of the budget's notifications that are enabled and have recipients. */
  readonly enabledNotifications?: Fact<readonly string[]>;
  /** When Cost Management starts evaluating the budget (`timePeriod.startDate`). */
  readonly periodStart?: Fact<string>;
  /** When it stops (`timePeriod.endDate`); null: not given, ten years after the start. */
  readonly periodEnd?: Fact<string | null>;
  /** Whether a `filter` (`filters` before API version 2019-01-01) counts only some resources, meters or tags. */
  readonly filtered?: Fact<boolean>;
}
