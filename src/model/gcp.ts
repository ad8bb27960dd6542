import type { Fact } from './fact.ts';
import type { CommonFacts } from './facts.ts';

/**
 * Facts read from Google Cloud Asset Inventory records. One asset arrives as up to two records
 * (its `resource` line and its `iam_policy` line) that the inventory merges, so every key is
 * optional: a fact the records did not carry reads as unknown (`factOf`).
 */

/** The Data Access audit log types of an IAM policy's `auditConfigs` (google.iam.v1.AuditLogConfig.LogType). */
export type GcpAuditLogType = 'ADMIN_READ' | 'DATA_WRITE' | 'DATA_READ';

export interface GcpAuditLogConfig {
  readonly logType: GcpAuditLogType;
  readonly exemptedMembers: readonly string[];
}

/** One entry of an IAM policy's `auditConfigs`: a service (or `allServices`) and its log types. */
export interface GcpAuditConfig {
  readonly service: string;
  readonly logConfigs: readonly GcpAuditLogConfig[];
}

/** A role granted to `allUsers` or `allAuthenticatedUsers` (IAM binding or legacy ACL entry). */
export interface GcpPublicGrant {
  readonly role: string;
  readonly member: string;
}

/** What any asset's IAM-policy record tells. */
export interface GcpIamPolicyFacts {
  /** IAM bindings whose members include `allUsers` / `allAuthenticatedUsers`. */
  readonly publicBindings?: Fact<readonly GcpPublicGrant[]>;
}

/**
 * A project, folder or organization (cloudresourcemanager.googleapis.com/Project|Folder|Organization).
 * The project is the account resource; folders and organizations are its ancestors, whose
 * audit configs the project inherits.
 */
export interface GcpHierarchyNodeFacts extends GcpIamPolicyFacts {
  /** The IAM policy's `auditConfigs` (Data Access audit logs). */
  readonly auditConfigs?: Fact<readonly GcpAuditConfig[]>;
  /** Cloud Asset names of the folders and organization above it, nearest first. */
  readonly ancestors?: Fact<readonly string[]>;
}

/** storage.googleapis.com/Bucket */
export interface GcpBucketFacts extends GcpIamPolicyFacts, CommonFacts {
  /** `iamConfiguration.publicAccessPrevention`: `enforced`, or `inherited` (from the organization policy). */
  readonly publicAccessPrevention?: Fact<string>;
  /** `iamConfiguration.uniformBucketLevelAccess.enabled`: when off, legacy object ACLs apply. */
  readonly uniformBucketLevelAccess?: Fact<boolean>;
  /** Bucket and default object ACL entries granting to `allUsers` / `allAuthenticatedUsers`. */
  readonly publicAcl?: Fact<readonly GcpPublicGrant[]>;
}

/** cloudkms.googleapis.com/CryptoKey */
export interface GcpCryptoKeyFacts extends GcpIamPolicyFacts, CommonFacts {
  /** `purpose`: ENCRYPT_DECRYPT keys can rotate automatically; asymmetric and MAC keys cannot. */
  readonly purpose?: Fact<string>;
  /** `rotationPeriod` in seconds; null when the key has no automatic rotation. */
  readonly rotationPeriodSeconds?: Fact<number | null>;
}

/** Data-handling resources whose only facts are the cross-cloud ones (disks, databases, caches, …). */
export interface GcpDataFacts extends GcpIamPolicyFacts, CommonFacts {}
