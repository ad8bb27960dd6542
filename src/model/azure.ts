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
}

/** microsoft.storage/storageaccounts */
export interface AzureStorageAccountFacts extends CommonFacts {
  /** Anonymous read access to containers and blobs is allowed on the account. */
  readonly allowBlobPublicAccess?: Fact<boolean>;
  /** Enabled, Disabled, SecuredByPerimeter. */
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
}

/** microsoft.compute/disks and microsoft.compute/snapshots */
export interface AzureDiskFacts extends CommonFacts {
  /** EncryptionAtRestWithPlatformKey, EncryptionAtRestWithCustomerKey, EncryptionAtRestWithPlatformAndCustomerKeys. */
  readonly encryptionType?: Fact<string>;
}

/** microsoft.compute/virtualmachines */
export interface AzureVirtualMachineFacts {
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
}

/** Database servers and accounts: SQL logical servers, PostgreSQL/MySQL flexible servers, Cosmos DB accounts. */
export interface AzureDatabaseFacts extends CommonFacts {
  readonly publicNetworkAccess?: Fact<string>;
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
  /** The lower-cased id of the assessed resource (the subscription for identity recommendations). */
  readonly assessedResourceId?: Fact<string>;
}

/** microsoft.security/pricings (Defender for Cloud plans). */
export interface AzureSecurityPricingFacts {
  /** Free or Standard. */
  readonly pricingTier?: Fact<string>;
}

/** microsoft.authorization/roleassignments */
export interface AzureRoleAssignmentFacts {
  readonly principalId?: Fact<string>;
  /** User, Group, ServicePrincipal, ForeignGroup, Device. */
  readonly principalType?: Fact<string>;
  /** The role definition's GUID, lower-case (Owner is 8e3af657-a8ff-443c-a75c-2fe8c4bcb635). */
  readonly roleDefinitionId?: Fact<string>;
  /** The lower-cased scope id the role is granted at. */
  readonly scope?: Fact<string>;
}
