import {
  type AwsIamPolicyFacts,
  type AwsIamPrincipalFacts,
  type AwsIamUserFacts,
  type AwsKmsKeyFacts,
  type AwsRdsClusterFacts,
  type AwsRdsInstanceFacts,
  keyManagerOfReference,
} from '../../../model/aws.ts';
import { type Fact, unknown } from '../../../model/fact.ts';
import { type CommonFacts, factOf } from '../../../model/facts.ts';
import { isPlanOrigin, type Resource } from '../../../model/resource.ts';
import type { Evidence, InventoryView } from '../../check.ts';
import { lookupBy, suffixesAfter } from '../../lookup.ts';
import { evidenceFrom } from '../../verdict.ts';

/**
 * Lookups of related AWS resources that several checks share: the KMS key behind an
 * encrypted resource, the groups through which a user holds administrator rights (or may
 * grant them to itself), and the DB cluster of an RDS instance.
 */

export interface Verdict {
  /** undefined when the export cannot tell. */
  readonly value: boolean | undefined;
  readonly evidence: readonly Evidence[];
}

/**
 * Whether a KMS key reference (key ARN, bare key id, alias) names a customer managed key: an
 * alias tells by itself; a key is decided by its AWS::KMS::Key item's keyManager in the
 * inventory, and stays undetermined when the export does not hold it.
 */
function isCustomerManagedKey(inventory: InventoryView, resource: Resource, keyRef: Fact<string>): Verdict {
  if (keyRef.source === 'unknown') return { value: undefined, evidence: [keyRef] };
  const byReference = keyManagerOfReference(keyRef.value);
  if (byReference) return { value: byReference === 'CUSTOMER', evidence: [keyRef] };
  const key = findKmsKey(inventory, resource.account, keyRef.value);
  if (!key) {
    const missing = unknown(keyRef.path, isPlanOrigin(resource.origin) ? KEY_NOT_IN_PLAN : KEY_NOT_IN_EXPORT);
    return { value: undefined, evidence: [keyRef, missing] };
  }
  const keyManager = factOf(key.facts.keyManager, 'configuration.keyManager');
  const evidence = [keyRef, evidenceFrom(key, keyManager)];
  return { value: keyManager.source === 'unknown' ? undefined : keyManager.value === 'CUSTOMER', evidence };
}

/**
 * Why a store's KMS key is not judged: it is not among the records. One note each (the key's ARN
 * is the store's evidence beside it), so that the fact is shared (model/fact.ts interns it by path
 * and note) and written once in the findings file however many stores name keys the export lacks.
 * A plan holds only the keys its configuration manages: recording more is no advice there.
 */
const KEY_NOT_IN_EXPORT = {
  ja: 'KMS キーがエクスポートにありません（AWS::KMS::Key を記録してください）',
  en: 'the KMS key is not in the export (record AWS::KMS::Key)',
};
const KEY_NOT_IN_PLAN = {
  ja: 'KMS キーが Terraform の計画にありません（構成が管理しないキー: クラウドのインベントリで判断してください）',
  en: "the KMS key is not in the Terraform plan (a key its configuration does not manage: judge it on the cloud's inventory)",
};

/**
 * Whether an encrypted store's key is customer managed: the store's own `customerManagedKey`
 * where its record tells (an alias, SSE-S3, a Key Vault key source), else, for an AWS store
 * naming its key by ARN or id (which alone can name either: the adapters leave the fact
 * unknown), the key's AWS::KMS::Key item. Undefined when neither tells (no key named, or not
 * an AWS store): each check says what that means for it.
 */
export function storeKeyVerdict(
  resource: Resource<CommonFacts & { readonly kmsKeyId?: Fact<string | null> }>,
  inventory: InventoryView,
): Verdict | undefined {
  const { customerManagedKey: cmk, kmsKeyId: keyRef } = resource.facts;
  if (cmk && cmk.source !== 'unknown') return { value: cmk.value, evidence: [cmk] };
  if (resource.provider !== 'aws') return undefined;
  if (keyRef?.source !== 'explicit' || typeof keyRef.value !== 'string') return undefined;
  return isCustomerManagedKey(inventory, resource, keyRef as Fact<string>);
}

function findKmsKey(
  inventory: InventoryView,
  account: string,
  keyRef: string,
): Resource<AwsKmsKeyFacts> | undefined {
  // An ARN, or a key a Terraform plan creates (named by its address until it has an ARN).
  const byId = inventory.byId('aws', keyRef);
  if (keyRef.startsWith('arn:') || byId?.kansaType === 'kms.key')
    return byId as Resource<AwsKmsKeyFacts> | undefined;
  // A bare key id: the key of that id in the resource's account.
  return kmsKeysById(inventory.inAccount('aws', account, 'kms.key'), keyRef)[0] as
    | Resource<AwsKmsKeyFacts>
    | undefined;
}

/** Keys by the id their ARN ends with (`…:key/<id>`). */
const kmsKeysById = lookupBy((key: Resource) => suffixesAfter(key.id, ':key/'));

/** Resources by name. */
const byName = lookupBy((resource: Resource) => [resource.name]);

/** An AWS managed policy (`arn:aws:iam::aws:policy/…`), in every partition. */
const AWS_MANAGED_POLICY = /^arn:aws[\w-]*:iam::aws:policy\//;

/** A customer managed policy attached to a principal whose AWS::IAM::Policy item the export lacks. */
function policyNotExported(arn: string, owner: Resource | undefined): Evidence {
  const missing = unknown(`configuration.attachedManagedPolicies[${arn}]`, {
    ja: `カスタマー管理ポリシー ${arn} がエクスポートにありません（AWS::IAM::Policy を記録してください）`,
    en: `the customer managed policy ${arn} is not in the export (record AWS::IAM::Policy)`,
  });
  return owner ? evidenceFrom(owner, missing) : missing;
}

/**
 * The rights a principal's policies are read for: the AWS managed policy that grants them (known
 * by its ARN, in every partition: Config never records AWS managed policies), and the facts
 * naming the inline policies or statements and the managed policies' statements that do.
 */
export interface Rights {
  readonly managedPolicy: RegExp;
  readonly inline: 'fullAdminInlinePolicies' | 'escalationInlineStatements' | 'denyAllInlinePolicies';
  readonly statements: 'fullAdminStatements' | 'escalationStatements' | 'denyAllStatements';
}

/** `*` on `*`: AdministratorAccess, or a policy allowing every action (policy-document.ts). */
export const ADMINISTRATOR: Rights = {
  managedPolicy: /^arn:aws[\w-]*:iam::aws:policy\/AdministratorAccess$/,
  inline: 'fullAdminInlinePolicies',
  statements: 'fullAdminStatements',
};

/**
 * Enough to grant oneself administrator rights through IAM alone: IAMFullAccess (`iam:*` on
 * `*`), or a policy allowing to attach or write policies, add users to groups, rewrite trust
 * policies (isEscalationStatement).
 */
export const ESCALATION: Rights = {
  managedPolicy: /^arn:aws[\w-]*:iam::aws:policy\/IAMFullAccess$/,
  inline: 'escalationInlineStatements',
  statements: 'escalationStatements',
};

/**
 * No right at all: AWSDenyAll, or a policy denying every action on every resource with no
 * condition (isDenyAllStatement), which no Allow overrides.
 */
const DENIED: Rights = {
  managedPolicy: /^arn:aws[\w-]*:iam::aws:policy\/AWSDenyAll$/,
  inline: 'denyAllInlinePolicies',
  statements: 'denyAllStatements',
};

/**
 * Whether one of the principal's policies (or, for a user, one of its groups') denies it
 * everything: then it holds no right, and no path of its leads anywhere. A denial the export
 * cannot show is none, so that no principal is counted out on a guess.
 */
function denial(inventory: InventoryView, principal: Resource): Verdict {
  let byPrincipal = DENIALS.get(inventory);
  if (!byPrincipal) {
    byPrincipal = new WeakMap();
    DENIALS.set(inventory, byPrincipal);
  }
  let denied = byPrincipal.get(principal);
  if (!denied) {
    denied =
      principal.kansaType === 'iam.user'
        ? userGrants(inventory, principal as Resource<AwsIamUserFacts>, DENIED)
        : grants(inventory, principal as Resource<AwsIamPrincipalFacts>, DENIED, principal);
    byPrincipal.set(principal, denied);
  }
  return denied;
}

/**
 * Each principal's denial, per inventory (it reads the principal's groups and policies there): a
 * principal is asked for administrator rights, for escalation, and for its paths (escalation-paths.ts),
 * by more than one check, and its groups and policies are walked once.
 */
const DENIALS = new WeakMap<InventoryView, WeakMap<Resource, Verdict>>();

/** See denial. */
export function deniedEverything(inventory: InventoryView, principal: Resource): boolean {
  return denial(inventory, principal).value === true;
}

/**
 * What is left of the rights a principal's policies grant when it is denied everything: none. A
 * principal granted none is not looked at for a denial (it would change nothing).
 */
function unlessDenied(inventory: InventoryView, principal: Resource, granted: Verdict): Verdict {
  if (granted.value === false) return granted;
  const denied = denial(inventory, principal);
  return denied.value === true ? { value: false, evidence: denied.evidence } : granted;
}

/**
 * Whether the principal's own policies grant the rights (undefined when unknown): the AWS managed
 * policy that grants them, an inline policy, or a customer managed policy whose default version
 * does (its AWS::IAM::Policy item). An AWS managed policy is judged by its name (AWS's own, in
 * no account: Config never records them); a customer managed policy the export does not hold
 * may allow anything, and leaves the rights unknown.
 */
function grants(
  inventory: InventoryView,
  principal: Resource<AwsIamPrincipalFacts | AwsIamUserFacts>,
  rights: Rights,
  /** The principal whose policies are read names the evidence (a group or role, not the user checked). */
  owner?: Resource,
): Verdict {
  const { facts } = principal;
  // A plan's principal has the documents of its attached policies among its inline ones, and
  // an attached policy the plan does not hold already leaves them unknown.
  const fromPlan = isPlanOrigin(principal.origin);
  const attached = factOf(facts.attachedPolicyArns, 'configuration.attachedManagedPolicies');
  const inline = factOf(facts[rights.inline], 'configuration.userPolicyList');
  const asEvidence = (fact: Fact<unknown>) => (owner ? evidenceFrom(owner, fact) : fact);
  if (attached.value?.some((arn) => rights.managedPolicy.test(arn)))
    return { value: true, evidence: [asEvidence(attached)] };
  if (inline.value && inline.value.length > 0) return { value: true, evidence: [asEvidence(inline)] };
  // A managed policy in the export whose statements cannot be read may be the one that grants it.
  const unread: Evidence[] = [];
  for (const arn of attached.value ?? []) {
    const policy = inventory.byId('aws', arn);
    if (policy?.kansaType !== 'iam.policy') {
      if (!fromPlan && !AWS_MANAGED_POLICY.test(arn)) unread.push(policyNotExported(arn, owner));
      continue;
    }
    const statements = factOf(
      (policy.facts as AwsIamPolicyFacts)[rights.statements],
      'configuration.policyVersionList',
    );
    if (statements.value && statements.value.length > 0)
      return { value: true, evidence: [asEvidence(attached), evidenceFrom(policy, statements)] };
    if (statements.source === 'unknown') unread.push(evidenceFrom(policy, statements));
  }
  const known = attached.source !== 'unknown' && inline.source !== 'unknown' && unread.length === 0;
  return {
    value: known ? false : undefined,
    evidence: [asEvidence(attached), asEvidence(inline), ...unread],
  };
}

/**
 * Whether an IAM role's own policies grant the rights (full administrator rights by default),
 * within its permissions boundary; none where one of them denies it everything.
 */
export function isAdministratorRole(
  inventory: InventoryView,
  role: Resource<AwsIamPrincipalFacts>,
  rights: Rights = ADMINISTRATOR,
): Verdict {
  return unlessDenied(
    inventory,
    role,
    withinBoundary(inventory, role, rights, grants(inventory, role, rights, role)),
  );
}

/**
 * Whether an IAM user holds the rights (full administrator rights by default): through its own
 * policies or those of one of its groups (when the group items are in the export), within its
 * permissions boundary; none where one of them denies it everything.
 */
export function isAdministrator(
  inventory: InventoryView,
  user: Resource<AwsIamUserFacts>,
  rights: Rights = ADMINISTRATOR,
): Verdict {
  return unlessDenied(
    inventory,
    user,
    withinBoundary(inventory, user, rights, userGrants(inventory, user, rights)),
  );
}

/**
 * What a user's or role's permissions boundary leaves of the rights its policies grant: the
 * principal may do only what both allow. A boundary lets the rights through when it is the AWS
 * managed policy that grants them (or AdministratorAccess), or a customer managed policy whose
 * default version grants them (its AWS::IAM::Policy item); another AWS managed policy does not
 * (AWS's are judged by their name, as when attached); a customer managed one the export lacks
 * leaves them unknown. No boundary, or a record that does not say, leaves them as granted.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html
 */
function withinBoundary(
  inventory: InventoryView,
  principal: Resource<AwsIamPrincipalFacts | AwsIamUserFacts>,
  rights: Rights,
  granted: Verdict,
): Verdict {
  const boundary = principal.facts.permissionsBoundaryArn;
  if (!boundary || granted.value === false || (boundary.source !== 'unknown' && boundary.value === null))
    return granted;
  const named = evidenceFrom(principal, boundary);
  const arn = boundary.value;
  if (boundary.source === 'unknown' || !arn)
    return { value: undefined, evidence: [...granted.evidence, named] };
  if (ADMINISTRATOR.managedPolicy.test(arn) || rights.managedPolicy.test(arn))
    return { value: granted.value, evidence: [...granted.evidence, named] };
  if (AWS_MANAGED_POLICY.test(arn)) return { value: false, evidence: [named] };
  const policy = inventory.byId('aws', arn);
  if (policy?.kansaType !== 'iam.policy')
    return { value: undefined, evidence: [...granted.evidence, named, policyNotExported(arn, principal)] };
  const statements = factOf(
    (policy.facts as AwsIamPolicyFacts)[rights.statements],
    'configuration.policyVersionList',
  );
  const evidence = [named, evidenceFrom(policy, statements)];
  if (statements.source === 'unknown')
    return { value: undefined, evidence: [...granted.evidence, ...evidence] };
  return statements.value.length > 0
    ? { value: granted.value, evidence: [...granted.evidence, ...evidence] }
    : { value: false, evidence };
}

/** Whether a user's own policies or its groups' grant the rights (before its boundary). */
function userGrants(inventory: InventoryView, user: Resource<AwsIamUserFacts>, rights: Rights): Verdict {
  const own = grants(inventory, user, rights);
  if (own.value) return own;
  const groupNames = factOf(user.facts.groups, 'configuration.groupList');
  if (groupNames.source === 'unknown') return { value: undefined, evidence: [...own.evidence, groupNames] };
  const groups = inventory.inAccount('aws', user.account, 'iam.group');
  const evidence: Evidence[] = [...own.evidence, groupNames];
  let value = own.value;
  for (const name of groupNames.value) {
    const group = byName(groups, name)[0] as Resource<AwsIamPrincipalFacts> | undefined;
    if (!group) {
      evidence.push(
        unknown(`configuration.groupList[${name}]`, {
          ja: `IAM グループ ${name} がエクスポートにありません`,
          en: `the IAM group ${name} is not in the export`,
        }),
      );
      value = undefined;
      continue;
    }
    const viaGroup = grants(inventory, group, rights, group);
    if (viaGroup.value) return { value: true, evidence: [groupNames, ...viaGroup.evidence] };
    if (viaGroup.value === undefined) value = undefined;
    evidence.push(...viaGroup.evidence);
  }
  return { value, evidence };
}

/**
 * The Aurora or Multi-AZ DB cluster an instance names (`clusterArn`, explicit), when the
 * inventory holds it; undefined otherwise.
 */
export function clusterOf(
  instance: Resource<AwsRdsInstanceFacts>,
  inventory: InventoryView,
): Resource<AwsRdsClusterFacts> | undefined {
  const cluster = instance.facts.clusterArn;
  if (cluster?.source !== 'explicit') return undefined;
  return inventory.byId('aws', cluster.value) as Resource<AwsRdsClusterFacts> | undefined;
}

/**
 * A setting an Aurora or Multi-AZ DB cluster holds for its instances (`backupRetentionPeriod`,
 * `encrypted`), as evidence of the cluster, for an instance that names its cluster
 * (`clusterArn`) when the inventory holds the cluster with the setting known; undefined
 * otherwise, and the instance's own item then tells.
 * https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_CreateDBInstance.html
 */
export function clusterSetting<K extends 'backupRetentionPeriod' | 'encrypted'>(
  instance: Resource<AwsRdsInstanceFacts>,
  inventory: InventoryView,
  setting: K,
): NonNullable<AwsRdsClusterFacts[K]> | undefined {
  return knownSetting(clusterOf(instance, inventory), setting);
}

/**
 * A setting of a related resource (an instance's cluster, a read replica's source), as evidence
 * of that resource, when the inventory holds the resource with the setting known; undefined
 * otherwise.
 */
export function knownSetting<K extends string, F extends { readonly [key in K]?: Fact<unknown> }>(
  related: Resource<F> | undefined,
  setting: K,
): NonNullable<F[K]> | undefined {
  const fact = related?.facts[setting];
  if (!related || !fact || fact.source === 'unknown') return undefined;
  return evidenceFrom(related, fact) as NonNullable<F[K]>;
}
