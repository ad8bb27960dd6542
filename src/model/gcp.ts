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
 * A Cloud Run service or a Cloud Function (compute.serverless): who may invoke it, and from where
 * requests may come.
 */
export interface GcpServerlessFacts extends GcpIamPolicyFacts {
  /**
   * Where requests may come from, in Cloud Run's v1 words: `all` (the internet),
   * `internal-and-cloud-load-balancing` (the VPC and Cloud Load Balancing, which may be external)
   * or `internal` (the VPC only).
   */
  readonly ingress?: Fact<string>;
  /**
   * Cloud Run's Invoker IAM check turned off (v2 `invokerIamDisabled`, v1 annotation
   * `run.googleapis.com/invoker-iam-disabled`): anyone who can reach the service may invoke it,
   * whatever its IAM policy grants.
   */
  readonly invokerIamDisabled?: Fact<boolean>;
  /**
   * A Cloud Functions 2nd gen function's Cloud Run service (`serviceConfig.service`, as its asset
   * name `//run.googleapis.com/projects/…/services/…`): its `roles/run.invoker` grants decide who
   * may invoke the function, not the function's own IAM policy.
   */
  readonly runService?: Fact<string>;
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
  /**
   * The Cloud Asset name of the folder or organization directly above it, read where the record
   * has no `ancestors` (exports from before Cloud Asset added them, Forseti's dumps): the chain
   * above is then followed through the export's own records of those folders.
   */
  readonly parent?: Fact<string>;
  /** The IAM policy's bindings (role → members), for privileged and external principals. */
  readonly bindings?: Fact<readonly GcpBinding[]>;
  /**
   * Grants a Terraform plan adds without owning the policy (`google_project_iam_member` /
   * `_binding`): the project holds at least these, whatever else it holds (its `bindings` are
   * then unknown). Absent for exports, which show the whole policy.
   */
  readonly grantedBindings?: Fact<readonly GcpBinding[]>;
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
  /**
   * `versionTemplate.protectionLevel`: SOFTWARE, HSM, HSM_SINGLE_TENANT, or EXTERNAL /
   * EXTERNAL_VPC, whose material an external key manager holds (Cloud EKM).
   */
  readonly protectionLevel?: Fact<string>;
  /**
   * `importOnly`: the key holds imported versions only, so Cloud KMS cannot generate the new
   * version an automatic rotation is (false where the API leaves it out).
   */
  readonly importOnly?: Fact<boolean>;
}

/** Data-handling resources whose only facts are the cross-cloud ones (disks, databases, caches, …). */
export interface GcpDataFacts extends GcpIamPolicyFacts, CommonFacts {}

/** bigquery.googleapis.com/Dataset */
export interface GcpDatasetFacts extends GcpDataFacts {
  /**
   * The dataset's `access` entries that grant to everyone: `specialGroup: allAuthenticatedUsers`,
   * `iamMember: allUsers|allAuthenticatedUsers` (the dataset's IAM-policy line says the same
   * as `publicBindings`).
   */
  readonly publicAccessEntries?: Fact<readonly GcpPublicGrant[]>;
}

/** One IAM binding of a project's, folder's or organization's policy. */
export interface GcpBinding {
  readonly role: string;
  readonly members: readonly string[];
  /**
   * The IAM Condition's CEL `condition.expression` (policy version 3): the binding grants only
   * while it holds. Absent for an unconditional binding.
   */
  readonly condition?: string;
}

/** cloudresourcemanager.googleapis.com/Organization, beyond what every hierarchy node carries. */
export interface GcpOrganizationFacts extends GcpHierarchyNodeFacts {
  /** `displayName`: the primary domain of the Google Workspace / Cloud Identity account that owns it. */
  readonly primaryDomain?: Fact<string>;
}

/** compute.googleapis.com/Firewall: a VPC firewall rule. */
export interface GcpFirewallFacts {
  /** `INGRESS` or `EGRESS`. */
  readonly direction?: Fact<string>;
  readonly disabled?: Fact<boolean>;
  /** Source CIDR ranges of an ingress rule, a union (what admits the internet: src/model/internet-sources.ts). */
  readonly sourceRanges?: Fact<readonly string[]>;
  /** What the rule allows: one entry per protocol; an empty port list means every port. */
  readonly allowed?: Fact<readonly GcpFirewallEntry[]>;
  /** What a deny rule denies, in the same form. */
  readonly denied?: Fact<readonly GcpFirewallEntry[]>;
  /**
   * The VPC network the rule belongs to, `projects/<project>/global/networks/<name>` (from a
   * URL or a relative name), or the bare name a Terraform configuration may give.
   */
  readonly network?: Fact<string>;
  /** 0–65535, lower first; 1000 when not set. A deny wins over an allow of the same priority. */
  readonly priority?: Fact<number>;
  /** The instances the rule applies to by network tag; empty: every instance (or by account). */
  readonly targetTags?: Fact<readonly string[]>;
  /** The instances the rule applies to by service account; empty: every instance (or by tag). */
  readonly targetServiceAccounts?: Fact<readonly string[]>;
  /** An ingress rule's destination ranges; empty: every address of the targets. */
  readonly destinationRanges?: Fact<readonly string[]>;
}

export interface GcpFirewallEntry {
  /** `tcp`, `udp`, `icmp`, `all`, … or an IP protocol number, lower-case. */
  readonly protocol: string;
  /** Ports and ranges (`22`, `1000-2000`); empty: all ports. */
  readonly ports: readonly string[];
}

/** Cloud Asset's type of firewall policies, hierarchical and network alike. */
export const FIREWALL_POLICY_TYPE = 'compute.googleapis.com/FirewallPolicy';

/**
 * compute.googleapis.com/FirewallPolicy: a hierarchical firewall policy (of an organization or
 * folder, named `locations/global/firewallPolicies/<id>`) or a global or regional network
 * firewall policy (of a project, `projects/<p>/global|regions/<r>/firewallPolicies/<name>`).
 */
export interface GcpFirewallPolicyFacts {
  /** `shortName` (a hierarchical policy's name is its number), else `name`: how evidence names it. */
  readonly displayName?: Fact<string>;
  /** `hierarchical` or `network`, from the policy's name or self link. */
  readonly policyKind?: Fact<'hierarchical' | 'network'>;
  /**
   * `associations[].attachmentTarget`: where the policy applies, as Cloud Asset names of
   * organizations and folders (`//cloudresourcemanager.googleapis.com/folders/F`) or as networks
   * (`projects/<p>/global/networks/<n>`, lower-case). Empty: associated with nothing.
   */
  readonly attachmentTargets?: Fact<readonly string[]>;
  /** The policy's rules, in the order listed (evaluated by `priority`). */
  readonly rules?: Fact<readonly GcpFirewallPolicyRule[]>;
}

/** One rule of a firewall policy (Compute Engine REST `FirewallPolicyRule`). */
export interface GcpFirewallPolicyRule {
  /** Where the rule is in the record (`resource.data.rules[2]`), for the evidence that names it. */
  readonly path: string;
  /** `ruleName`, else `priority <n>`. */
  readonly name: string;
  /** 0–2147483647, lower first; undefined when the record holds none or no number. */
  readonly priority: number | undefined;
  /** `allow`, `deny`, `goto_next`, `apply_security_profile_group`, lower-case; undefined when not given. */
  readonly action: string | undefined;
  /** `INGRESS` or `EGRESS`; undefined when not given. */
  readonly direction: string | undefined;
  /** Undefined when the record's `disabled` is no boolean (absent is false: rules are enabled). */
  readonly disabled: boolean | undefined;
  /** `match.srcIpRanges`. */
  readonly sourceRanges: readonly string[];
  /**
   * The other source matchers the rule sets, whose addresses the record does not give
   * (`srcFqdns`, `srcRegionCodes`, `srcThreatIntelligences`, `srcAddressGroups`, `srcSecureTags`),
   * by field name; or the rule's `match` cannot be read (`match`).
   */
  readonly otherSources: readonly string[];
  /**
   * `match.srcNetworkScope` (the API's later names `srcNetworkType`, `srcNetworkContext`),
   * upper-case: `INTERNET`, `NON_INTERNET`, `VPC_NETWORKS`, `INTRA_VPC`; undefined when not set.
   * A packet must match it and the other sources both.
   */
  readonly sourceNetworkContext: string | undefined;
  /** `match.destIpRanges`; empty: every destination. */
  readonly destinationRanges: readonly string[];
  /** Destination matchers other than ranges (`destFqdns`, `destRegionCodes`, `destAddressGroups`, …). */
  readonly otherDestinations: readonly string[];
  /** `match.layer4Configs` as protocol and ports; undefined when they cannot be read. */
  readonly layer4: readonly GcpFirewallEntry[] | undefined;
  /** `targetResources`: the networks it applies to, as `projects/<p>/global/networks/<n>`; empty: every network. */
  readonly targetResources: readonly string[];
  /** `targetServiceAccounts`, lower-case; empty (with no secure tags): every instance. */
  readonly targetServiceAccounts: readonly string[];
  /** `targetSecureTags[].name` (`tagValues/…`). */
  readonly targetSecureTags: readonly string[];
}

/** compute.googleapis.com/Subnetwork (kansa `network.vpc`; VPC networks carry no facts). */
export interface GcpSubnetworkFacts {
  /** `logConfig.enable` (formerly `enableFlowLogs`): VPC Flow Logs for the subnet. */
  readonly flowLogsEnabled?: Fact<boolean>;
  /** `PRIVATE` for ordinary subnets; proxy-only and Private Service Connect subnets cannot log flows. */
  readonly purpose?: Fact<string>;
}

/** logging.googleapis.com/LogBucket */
export interface GcpLogBucketFacts {
  readonly retentionDays?: Fact<number>;
}

/** iam.googleapis.com/Role: a custom role (`projects/<p>/roles/<r>`, `organizations/<o>/roles/<r>`). */
export interface GcpCustomRoleFacts {
  /**
   * Which of the permissions by which its holders may grant themselves roles/owner the role
   * includes (`includedPermissions`): `resourcemanager.projects.setIamPolicy` and its folder and
   * organization counterparts, and those acting as a service account
   * (`iam.serviceAccounts.getAccessToken`, `signBlob`, `signJwt`, `implicitDelegation`,
   * `iam.serviceAccountKeys.create`, `iam.serviceAccounts.setIamPolicy`), and `iam.roles.update`
   * (rewriting a custom role its holder holds). None for a deleted or
   * disabled role, whose bindings grant nothing.
   */
  readonly escalationPermissions?: Fact<readonly string[]>;
}

/** iam.googleapis.com/ServiceAccount */
export interface GcpServiceAccountFacts {
  /** `email` (lower case), as IAM bindings name it (`serviceAccount:<email>`). */
  readonly email?: Fact<string>;
  /** Its own IAM policy's bindings: who may act as it (Service Account Token Creator, …). */
  readonly bindings?: Fact<readonly GcpBinding[]>;
}

/** iam.googleapis.com/ServiceAccountKey */
export interface GcpServiceAccountKeyFacts {
  /** `USER_MANAGED` (a private key someone holds) or `SYSTEM_MANAGED` (rotated by Google). */
  readonly keyType?: Fact<string>;
  /** When the key became valid (its creation), RFC 3339. */
  readonly validAfterTime?: Fact<string>;
  /** When the key stops authenticating, RFC 3339 (`9999-12-31T23:59:59Z` for a key that never expires). */
  readonly validBeforeTime?: Fact<string>;
  readonly disabled?: Fact<boolean>;
}

/** sqladmin.googleapis.com/Instance: a Cloud SQL instance. */
export interface GcpSqlInstanceFacts extends GcpDataFacts {
  /** `settings.ipConfiguration.ipv4Enabled`: the instance has a public IP address. */
  readonly publicIp?: Fact<boolean>;
  /** `settings.ipConfiguration.authorizedNetworks[].value`: CIDR ranges allowed to its public IP. */
  readonly authorizedNetworks?: Fact<readonly string[]>;
  /** `settings.ipConfiguration.sslMode` (or what the legacy `requireSsl` means). */
  readonly sslMode?: Fact<string>;
  /** `settings.backupConfiguration.enabled`: automated backups. */
  readonly backupEnabled?: Fact<boolean>;
  /**
   * `instanceType` ON_PREMISES_INSTANCE (`backendType` EXTERNAL): the record stands for a
   * database server outside Cloud SQL that its replicas copy from, and Cloud SQL holds none of
   * its data. Absent for the instances Cloud SQL runs.
   */
  readonly externalServer?: Fact<string>;
  /**
   * The instance is a read replica (`instanceType` READ_REPLICA_INSTANCE, ScoutSuite's
   * `is_failover_replica`), also where the record does not name its primary (`replicaOf`).
   */
  readonly readReplica?: Fact<boolean>;
  /** `settings.backupConfiguration.backupRetentionSettings.retainedBackups`: automated backups kept (default 7). */
  readonly retainedBackups?: Fact<number>;
}

/** container.googleapis.com/Cluster: a GKE cluster. */
export interface GcpGkeClusterFacts extends GcpDataFacts {
  /** The control plane has a public endpoint (not only a private one). */
  readonly publicEndpoint?: Fact<boolean>;
  /** Authorized networks (CIDR ranges) of the control plane; null when the feature is off (any address). */
  readonly authorizedNetworks?: Fact<readonly string[] | null>;
  /**
   * The authorized networks' `gcpPublicCidrsAccessEnabled`: the public IP addresses of every
   * Compute Engine VM in Google Cloud, any customer's, may reach the endpoint beside them.
   */
  readonly googleCloudAccess?: Fact<boolean>;
  /**
   * `controlPlaneEndpointsConfig.dnsEndpointConfig.allowExternalTraffic`: the control plane's DNS
   * endpoint takes requests from the internet, each authorized by IAM, not by source address.
   */
  readonly dnsEndpointExternal?: Fact<boolean>;
  /** `legacyAbac.enabled`: the legacy ABAC authorizer grants rights beside RBAC. */
  readonly legacyAbac?: Fact<boolean>;
  /** `loggingService`: `logging.googleapis.com/kubernetes`, or `none` (no logs exported). */
  readonly loggingService?: Fact<string>;
}
