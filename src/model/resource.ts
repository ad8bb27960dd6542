import type { Localized } from './localized.ts';

export type Provider = 'aws' | 'azure' | 'gcp';
export const PROVIDERS: readonly Provider[] = ['aws', 'azure', 'gcp'];

/**
 * kansa's own resource types: the same kind of thing on every cloud has one name, so that
 * cross-cloud checks (data location) and reports can group by it. The native type is kept
 * beside it (`Resource.nativeType`).
 */
export const KANSA_TYPES = [
  'account', // AWS account, Azure subscription, Google Cloud project: account-wide settings
  'audit.trail', // AWS CloudTrail trail
  'audit.diagnostic-setting', // Azure diagnostic setting (Activity Log export and resource logs)
  'audit.log-sink', // Google Cloud Logging sink
  'audit.log-bucket', // Google Cloud Logging bucket
  'iam.user',
  'iam.role',
  'iam.group',
  'iam.policy',
  'iam.role-assignment', // Azure role assignment
  'iam.service-account',
  'iam.service-account-key',
  'security.assessment', // Azure Defender for Cloud assessment
  'security.plan', // Azure Defender for Cloud plan (pricing)
  'storage.bucket', // S3 bucket, GCS bucket
  'storage.account', // Azure storage account (blob, file, queue, table)
  'storage.account-public-access-block', // AWS S3 account-level Block Public Access
  'storage.file-system',
  'storage.queue',
  'compute.vm',
  'compute.disk',
  'compute.snapshot',
  'compute.serverless', // Cloud Run services, Cloud Functions, Lambda functions, App Service apps
  'database.instance',
  'database.server',
  'database.table',
  'cache.cluster',
  'analytics.service', // data processing, analytics and AI services (EMR, Glue, Athena, Databricks, Azure ML, Vertex AI, …)
  'container.registry',
  'container.cluster',
  'kms.key',
  'kms.vault', // key vaults and key rings, and the secret stores that keep secrets like a vault (Secrets Manager, Secret Manager)
  'network.firewall',
  'network.vpc',
  'network.prefix-list',
  'network.firewall-rule',
  'network.flow-log',
  'monitoring.log-group', // CloudWatch Logs log group (retention)
  'security.service', // GuardDuty detector, Security Hub, Config recorder, Security Command Center
  'cost.budget',
  'monitoring.workspace',
  'other', // recognised cloud resource that no check reads yet (counted in coverage)
] as const;
export type KansaType = (typeof KANSA_TYPES)[number];

/**
 * Resource types that store or process data: LOC-1 requires them to be in a domestic region
 * (001 §3.1: VMs, disks, snapshots, databases, object and file storage, queues, caches,
 * container registries, and the keys that protect data), and the analytics services that
 * process it and keep its results, notebooks and models.
 */
export const DATA_HANDLING_TYPES: ReadonlySet<KansaType> = new Set<KansaType>([
  'storage.bucket',
  'storage.account',
  'storage.file-system',
  'storage.queue',
  'compute.vm',
  'compute.disk',
  'compute.snapshot',
  'database.instance',
  'database.server',
  'database.table',
  'cache.cluster',
  'analytics.service',
  'container.registry',
  'container.cluster',
  'kms.key',
  'kms.vault',
]);

/** Management services (LOC-4): domestic preferred, lower severity than LOC-1. */
export const MANAGEMENT_TYPES: ReadonlySet<KansaType> = new Set<KansaType>([
  'monitoring.workspace',
  'monitoring.log-group',
  // A Cloud Logging bucket keeps the project's logs where its location says, as a CloudWatch
  // log group or a Log Analytics workspace does.
  'audit.log-bucket',
]);

/**
 * Whether resources of a type keep data somewhere (LOC-1's and LOC-4's types): a record of one
 * that names no location leaves it unknown, never `global`, which for them says that the
 * provider may keep the data in any region.
 */
export function isLocatedType(type: KansaType): boolean {
  return DATA_HANDLING_TYPES.has(type) || MANAGEMENT_TYPES.has(type);
}

/**
 * Records of an answer that selected some resources of their kind (one shown, a filtered call, a
 * page with a next one): no listing of their scope, so what they do not show may exist.
 */
export function picked(records: Iterable<Resource>): Resource[] {
  return [...records].map((record) => ({ ...record, picked: true as const }));
}

/** The region of a record that names none: unknown for a type that keeps data (isLocatedType), else `global`. */
export function regionWhenUnnamed(type: KansaType | undefined): string {
  return type !== undefined && isLocatedType(type) ? UNKNOWN_REGION : 'global';
}

/** Where a resource record was read from, so an auditor can find it in the export. */
export interface Origin {
  readonly file: string;
  /** 1-based line for line-oriented formats (NDJSON, CSV); the item index otherwise. */
  readonly line?: number;
  readonly index?: number;
  /** Set for resources read from a Terraform plan or state. */
  readonly iac?: IacOrigin;
}

/**
 * Whether a record was read live rather than from an export file: the live collectors name
 * their calls as the origin (`azure:resourcegraph/resources`, `azure:arm/…`,
 * `aws:config-select-…`, `aws:iam:GetAccountSummary …`, `cloudasset.googleapis.com/v1/…`).
 * Messages give a live resource the call and role to check, not an export to add.
 */
export function isLiveOrigin(origin: Origin): boolean {
  return LIVE_ORIGIN.test(origin.file);
}

const LIVE_ORIGIN = /^(?:azure:|aws:|cloudasset\.googleapis\.com\/)/;

/** The origin of an account resource derived from the resources of Terraform plans (and states) alone. */
export const PLAN_ACCOUNT_ORIGIN = '(derived: account of the resources of a Terraform plan)';
/** The origin of an account resource derived from the resources of Terraform states alone. */
export const STATE_ACCOUNT_ORIGIN = '(derived: account of the resources of a Terraform state)';

/**
 * Whether a record was read from a Terraform plan or state, or is the account that only such
 * records name: messages say what the plan or state does not show, not which export to add.
 */
export function isPlanOrigin(origin: Origin): boolean {
  return origin.iac !== undefined || origin.file === PLAN_ACCOUNT_ORIGIN || isStateOrigin(origin);
}

/**
 * Whether a record was read from a Terraform state (the state file, `terraform show -json` of a
 * state, a refresh-only plan's prior state), or is the account that only such records name: its
 * messages speak of the state, which holds what was applied, not of a plan.
 */
export function isStateOrigin(origin: Origin): boolean {
  return origin.iac?.action === 'state' || origin.file === STATE_ACCOUNT_ORIGIN;
}

/** What a plan does to a resource: `state` for resources read from a state, not a plan. */
export type IacAction = 'create' | 'update' | 'replace' | 'no-op' | 'read' | 'state';

/** Where a resource is declared in Terraform, so a pipeline can annotate the change. */
export interface IacOrigin {
  /** The instance address: `module.net.azurerm_network_security_group.web["a"]`. */
  readonly address: string;
  readonly action: IacAction;
  /** The `source` of each module call from the root down to the resource (empty in the root module). */
  readonly moduleSources?: readonly string[];
  /** The `resource` block, when the `.tf` files beside the plan show it (path as the plan's own path is given). */
  readonly declaration?: { readonly file: string; readonly line: number };
  /** Addresses of the resources merged into this one (an S3 bucket's public access block, an NSG's rules). */
  readonly parts?: readonly string[];
}

/**
 * The region of a resource whose location the input does not tell: a location that names no
 * region in an export, or a Terraform plan whose resource, provider block and provider default
 * leave it to a variable or the environment. Location checks report it UNKNOWN, never in or
 * out of Japan (`isLocationUnreadable`).
 */
export const UNKNOWN_REGION = '';

/** Whether two resources are of one region; a region not read matches any. */
export function sameRegion(a: Resource, b: Resource): boolean {
  return a.region === b.region || a.region === UNKNOWN_REGION || b.region === UNKNOWN_REGION;
}

/**
 * The account of a resource whose account neither it nor its provider block tells (a Terraform
 * plan without `allowed_account_ids` or ARNs): checks that compare accounts cannot tell another
 * account from this one.
 */
export const UNKNOWN_ACCOUNT = '(unknown)';

/**
 * The normalized resource every check reads. Sources (adapters) fill it from each cloud's
 * export format; checks never see the native record. `facts` holds the settings checks decide
 * on, each with its provenance; its shape depends on provider + kansaType (see `src/model/facts`).
 */
export interface Resource<F extends object = object> {
  readonly provider: Provider;
  /**
   * AWS account id, Azure subscription id, Google Cloud project number (`folders/N` or
   * `organizations/N` for the folder and organization assets themselves).
   */
  readonly account: string;
  /**
   * The account's other name, when the record gives both: the Google Cloud project id beside
   * the project number in `account`. The inventory merges resources keyed by either.
   */
  readonly accountAlias?: string;
  /** Lower-case native region/location; 'global' for location-less resources. */
  readonly region: string;
  readonly kansaType: KansaType;
  /** The cloud's own type name as exported (AWS::S3::Bucket, microsoft.storage/storageaccounts, …). */
  readonly nativeType: string;
  /** ARN, ARM resource id (lower-cased for matching), or Cloud Asset name. */
  readonly id: string;
  readonly name: string;
  readonly tags: Readonly<Record<string, string>>;
  /**
   * Tags the record does not tell: the keys whose values are not known, or a note where which tags
   * the resource carries is not known at all, saying why. A Terraform plan's tags known only after
   * apply (the keys; `TAG_AFTER_APPLY` for tags from a module output known only after apply), a
   * record that does not carry the resource's tags (an AWS Config query's row that did not SELECT
   * `tags`, a batch-get's BaseConfigurationItem, the console's CSV without a tags column), a
   * record whose format never carries tags (`aws s3api list-buckets`, `aws kms describe-key`:
   * another call returns them). `tags` holds the tags known for certain; absent when all are
   * known. A record of the same resource that carries a tag makes it known (scan/inventory.ts);
   * `unknownTagNote` says why it is not.
   */
  readonly unknownTags?: Localized | readonly string[];
  readonly facts: F;
  readonly origin: Origin;
  /**
   * When the record was captured (ms since the epoch; AWS Config's configurationItemCaptureTime).
   * Across all inputs of a scan, the newest record of a resource wins over older ones.
   */
  readonly observedAt?: number;
  /**
   * Which part of the resource's state a dated record gives, where the cloud dates the parts
   * apart (a Cloud Asset's `resource` and its `iamPolicy`, each with a history of its own):
   * versions of one part compete, the newest winning, and the newest of each part are merged.
   */
  readonly observedPart?: string;
  /** The record says the resource was deleted: if it is the newest, the resource yields no finding. */
  readonly deleted?: true;
  /**
   * The record is an AWS Config change notification or rule event: it carries the one resource
   * that changed, so such records are no listing of the account's resources of a type (what they
   * do not show may exist).
   */
  readonly notified?: true;
  /**
   * The record is from an answer that selected some of the account's resources of its type, not
   * from a listing of them all: an answer filtered to a resource (its file or folder named for
   * one, `describe-flow-logs_vpc-0a1b2c3d.json`), a page with a next one (`NextToken`), the
   * entries alone that a query kept (`--query`), a Steampipe scan asked by a key column (its
   * `--timing` metadata's quals). What such answers do not show may exist, as
   * with change notifications (`notified`); a record of the same resource from a listing lifts it.
   */
  readonly picked?: true;
  /**
   * The facts before a Terraform plan's update, so a finding can tell whether the plan brings
   * the failure in or keeps one that exists. Absent for everything but updated plan resources.
   */
  readonly factsBefore?: F;
  /**
   * The record only lists the resource (a row of a console's list export: the Azure portal's
   * "Export to CSV", the Tag Editor's "Export resources to CSV"; an AWS Config item that names
   * its resource without a configuration kansa can read): its type and place, none of its
   * settings, and its tags in part or not at all. Only checks that judge a listed resource
   * (`CheckMeta.judgesListed`) decide on it; a fuller record of the same resource lifts it.
   */
  readonly listedOnly?: true;
  /**
   * Of a Terraform plan's or state's resource: what tells the same plan or state saved twice in
   * one folder (a copy of one root module) from another root module's (terraform/root-modules.ts).
   */
  readonly snapshot?: TerraformSnapshot;
}

/** What a Terraform plan or state file says of when it was made and which objects it holds. */
export interface TerraformSnapshot {
  /**
   * A state file's `lineage` (the same for every version of one state, new for another state)
   * and `serial` (higher in each newer version; a `.backup` holds the one before).
   */
  readonly lineage?: string;
  readonly serial?: number;
  /** A plan's `timestamp` (Terraform 1.5 on: when it was made, RFC 3339 in UTC). */
  readonly timestamp?: string;
  /**
   * Which run of Terraform wrote the document: its `timestamp`, else a digest of the whole
   * document (the same file saved twice). Two plans of one run are copies; two runs of one
   * module with the same variables plan the same values, and are not.
   */
  readonly run: string;
  /**
   * A plan's: the address of every resource it holds, those it deletes too, which it judges
   * (or drops) as it leaves them, where a state beside it holds them as they were.
   */
  readonly holds?: ReadonlySet<string>;
  /** The document carries its `configuration` (HCP Terraform's redacted plan does not). */
  readonly configured: boolean;
  /**
   * The object the resource is: its cloud id (`id`) where the values give one, else its values
   * as the plan shows them (sensitive ones left out, as a redacted copy leaves them).
   */
  readonly object: string;
}

/**
 * The id of the account-level resource of each cloud, which account-wide checks evaluate
 * (root MFA, audit trail, Activity Log export, project audit configs). Records that describe
 * the account itself use this id so they merge into it:
 * - AWS: the root user's ARN (the credential report's `<root_account>` row);
 * - Azure: `/subscriptions/<guid>` (lower-case, as Resource Graph's resourcecontainers);
 * - Google Cloud: the project's Cloud Asset name, `//cloudresourcemanager.googleapis.com/projects/<number>`
 *   (for a folder or organization account, `…/folders/<n>` or `…/organizations/<n>`).
 * The scan adds an empty one for every account that has resources but no such record.
 */
export function accountResourceId(provider: Provider, account: string): string {
  switch (provider) {
    case 'aws':
      return `arn:aws:iam::${account}:root`;
    case 'azure':
      return `/subscriptions/${account.toLowerCase()}`;
    case 'gcp':
      return `//cloudresourcemanager.googleapis.com/${account.includes('/') ? account : `projects/${account}`}`;
  }
}

/**
 * Azure role assignments above the subscriptions that a tenant-wide list holds (Resource Graph's
 * authorizationresources) are read into the account of their scope: a management group's id
 * (`/providers/microsoft.management/managementgroups/<name>`, lower case) or `/` (the root).
 * Such an account is no subscription: once every file is read, the scan gives its assignments
 * to the subscriptions under it (scan/management-groups.ts). Role definitions, the tenant's, are
 * read into the root's too, and filed under a subscription there.
 */
export function isAboveSubscriptions(account: string): boolean {
  return account.startsWith('/');
}

/** The account of the management group so named (as a subscription's ancestors chain names it). */
export function managementGroupAccount(name: string): string {
  return `${MANAGEMENT_GROUPS}${name.toLowerCase()}`;
}

/** The scope of Azure's management groups (lower-cased by the readers), each under its name. */
const MANAGEMENT_GROUPS = '/providers/microsoft.management/managementgroups/';

/** An Azure role assignment's scope is the subscription, or above it: a management group or the root. */
export function controlsSubscription(scope: string, subscriptionId: string): boolean {
  return scope === subscriptionId || isAbove(scope);
}

/** A scope above the subscriptions: a management group or the root (lower-cased by the reader). */
export function isAbove(scope: string | undefined): boolean {
  return scope === '/' || isManagementGroup(scope);
}

/** A management group's scope (lower-cased by the reader). */
export function isManagementGroup(scope: string | undefined): boolean {
  return scope?.startsWith(MANAGEMENT_GROUPS) ?? false;
}

/**
 * The id of a role assignment above the subscriptions (`…/roleAssignments/<guid>` at a management
 * group or the root) as a subscription that inherits it holds it: under the subscription's id.
 * One assignment applies to many subscriptions; each holds its own resource of it, and the same
 * assignment read for one subscription from two lists (its own, a tenant-wide one) is one.
 */
export function inheritedAssignmentId(subscription: string, assignmentId: string): string {
  return `${accountResourceId('azure', subscription)}${assignmentId.startsWith('/') ? '' : '/'}${assignmentId}`;
}

/**
 * Why the resource's `unknownTags` are not known, as the note of their facts: keys a plan knows
 * only after apply, or the note the record gives for all of them. One frozen note per reason,
 * shared by every resource.
 */
export function unknownTagNote(unknownTags: NonNullable<Resource['unknownTags']>): Localized {
  return isTagList(unknownTags) ? TAG_AFTER_APPLY : unknownTags;
}

/** Whether a note is one `unknownTagNote` gives. */
export function isUnknownTagNote(note: Localized): boolean {
  return UNKNOWN_TAG_NOTES.has(note);
}

/** Whether `unknownTags` names the keys not known, not every tag (a note saying why). */
export function isTagList(
  unknownTags: NonNullable<Resource['unknownTags']>,
): unknownTags is readonly string[] {
  return Array.isArray(unknownTags);
}

/** Every note of tags a record does not tell (`untoldTagsNote`), so that `isUnknownTagNote` knows them. */
const UNKNOWN_TAG_NOTES = new Set<Localized>();

/**
 * The note of tags a record does not tell (Resource.unknownTags): made once per reason at module
 * load, so every resource of it shares the note and its unknown class.
 */
export function untoldTagsNote(text: Localized): Localized {
  const note: Localized = Object.freeze({ ja: text.ja, en: text.en });
  UNKNOWN_TAG_NOTES.add(note);
  return note;
}

/** The note of a record whose format carries no tags: what returns none, and what holds them. */
export function tagsHeldElsewhere(record: string, holder: string): Localized {
  return untoldTagsNote({
    ja: `記録にタグがありません（${record} はタグを返さず、${holder} が返します）`,
    en: `the record carries no tags (${record} returns none; ${holder} holds them)`,
  });
}

/** The note of a plan's tags known only after apply (Resource.unknownTags). */
export const TAG_AFTER_APPLY: Localized = untoldTagsNote({
  ja: 'このタグの値は適用後に決まります（known after apply）',
  en: "the tag's value is known only after apply",
});
