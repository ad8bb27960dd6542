import { capStrings, capValue } from '../base/cap.ts';
import {
  appliesTo,
  type Check,
  type CheckContext,
  type CheckResult,
  type CheckStatus,
  type Severity,
} from '../checks/check.ts';
import { CHECKS_BY_ID } from '../checks/index.ts';
import type { Localized } from '../model/localized.ts';
import {
  accountResourceId,
  PLAN_ACCOUNT_ORIGIN,
  PROVIDERS,
  type Provider,
  type Resource,
  STATE_ACCOUNT_ORIGIN,
} from '../model/resource.ts';
import {
  CHECK_ERROR,
  ENGINE_MESSAGES,
  type Finding,
  type FindingResource,
  LISTED_ONLY,
  ScanFinding,
  SEVERITY_RANK,
} from './finding.ts';
import { checkContext, type Inventory } from './inventory.ts';
import type { ScanPlan } from './plan.ts';

/** A check of the framework with the requirements it serves there. */
export interface MappedCheck {
  readonly check: Check;
  readonly requirements: string[];
  readonly clauses: string[];
  /**
   * The highest severity its findings may carry: the loosest ceiling of the requirements it
   * serves (a desirable item never outranks a must; see frameworks/force.ts).
   */
  ceiling: Severity;
  /** The organisation policy's severity for this check: it wins over the check's own. */
  readonly severity: Severity | undefined;
}

/** The framework's checks with the requirements each serves, in the framework's order. */
export function mappedChecks(framework: ScanPlan): MappedCheck[] {
  const mapped = new Map<string, MappedCheck>();
  for (const requirement of framework.requirements) {
    for (const checkId of requirement.checks) {
      const check = CHECKS_BY_ID.get(checkId) ?? framework.customChecks.find((c) => c.meta.id === checkId);
      if (!check) throw new Error(`framework ${framework.id}: unknown check ${checkId}`);
      const entry = mapped.get(checkId) ?? {
        check,
        requirements: [],
        clauses: [],
        ceiling: 'info',
        severity: framework.severityOverrides[checkId],
      };
      entry.requirements.push(requirement.id);
      if (SEVERITY_RANK[requirement.severityCeiling] > SEVERITY_RANK[entry.ceiling]) {
        entry.ceiling = requirement.severityCeiling;
      }
      if (!entry.clauses.includes(requirement.clause)) entry.clauses.push(requirement.clause);
      mapped.set(checkId, entry);
    }
  }
  return [...mapped.values()];
}

/** The checks of one provider and kansa type, and of those the ones each native type runs. */
interface ChecksOfType {
  readonly checks: MappedCheck[];
  /** By native type: the checks that apply to it (appliesTo), worked out on its first resource. */
  readonly byNativeType: Map<string, readonly MappedCheck[]>;
}

/** The framework's checks, indexed by provider and then by the resource types they read. */
function checksByType(framework: ScanPlan): Map<Provider, Map<string, ChecksOfType>> {
  const byType = new Map<Provider, Map<string, ChecksOfType>>();
  for (const entry of mappedChecks(framework)) {
    const providers = entry.check.meta.provider === 'any' ? PROVIDERS : [entry.check.meta.provider];
    for (const provider of providers) {
      let ofProvider = byType.get(provider);
      if (!ofProvider) {
        ofProvider = new Map();
        byType.set(provider, ofProvider);
      }
      for (const type of entry.check.meta.resourceTypes) {
        const ofType = ofProvider.get(type);
        if (ofType) ofType.checks.push(entry);
        else ofProvider.set(type, { checks: [entry], byNativeType: new Map() });
      }
    }
  }
  return byType;
}

/** The checks the engine runs on the resource (appliesTo), in the framework's order. */
function checksOf(
  byType: Map<Provider, Map<string, ChecksOfType>>,
  resource: Resource,
): readonly MappedCheck[] | undefined {
  const ofType = byType.get(resource.provider)?.get(resource.kansaType);
  if (!ofType) return undefined;
  let checks = ofType.byNativeType.get(resource.nativeType);
  if (!checks) {
    checks = ofType.checks.filter((mapped) => appliesTo(mapped.check.meta, resource));
    ofType.byNativeType.set(resource.nativeType, checks);
  }
  return checks;
}

/**
 * The native type of an account resource, as the cloud's own exports name it. Google Cloud
 * assets above projects (a folder's log sink) are accounted to `folders/F` or
 * `organizations/O`: that account is a folder or an organization, not a project.
 */
function accountNativeType(provider: Provider, account: string): string {
  if (provider === 'aws') return 'AWS::::Account';
  if (provider === 'azure') return 'microsoft.resources/subscriptions';
  if (account.startsWith('folders/')) return 'cloudresourcemanager.googleapis.com/Folder';
  if (account.startsWith('organizations/')) return 'cloudresourcemanager.googleapis.com/Organization';
  return 'cloudresourcemanager.googleapis.com/Project';
}

/**
 * Gives every account that has resources an account resource, so that account-wide checks
 * (root MFA, audit trail, Activity Log export) run for it even when no record describes it.
 * An account that only Terraform plans' resources name gets an origin saying so: what its
 * checks lack is what a plan does not show, not an export to add.
 */
export function addMissingAccounts(inventory: Inventory): void {
  for (const { provider, account } of inventory.accounts()) {
    if (!inventory.byId(provider, accountResourceId(provider, account)))
      inventory.add(missingAccount(inventory, provider, account));
  }
}

/** The account resource of an account that no record describes (see addMissingAccounts). */
export function missingAccount(inventory: Inventory, provider: Provider, account: string): Resource {
  // Whether some record of an inventory (not of a Terraform plan) names the account, or only states do.
  const named = inventory.inAccount(provider, account);
  const inventoried = named.some((resource) => !resource.origin.iac);
  // A refresh-only plan's resources are its prior state's, beside the data sources it read (`read`).
  const states =
    named.some((resource) => resource.origin.iac?.action === 'state') &&
    named.every(
      (resource) => resource.origin.iac?.action === 'state' || resource.origin.iac?.action === 'read',
    );
  return {
    provider,
    account,
    region: 'global',
    kansaType: 'account',
    nativeType: accountNativeType(provider, account),
    id: accountResourceId(provider, account),
    name: account,
    tags: {},
    facts: {},
    origin: {
      file: inventoried
        ? '(derived: account of scanned resources)'
        : states
          ? STATE_ACCOUNT_ORIGIN
          : PLAN_ACCOUNT_ORIGIN,
    },
  };
}

/** Where a scan that needs findings of its failures only counts its other results (the tally). */
export interface ResultCounter {
  countResult(checkId: string, requirements: readonly string[], status: Exclude<CheckStatus, 'FAIL'>): void;
}

/**
 * Evaluates every check of the framework on every resource it applies to (`appliesTo`), a
 * finding for each result. Given `counted`, a result that is no failure is counted there instead,
 * without a finding: the terminal-only summary shows failures only, and most results pass.
 */
export function* evaluate(
  inventory: Inventory,
  framework: ScanPlan,
  now: Date,
  counted?: ResultCounter,
): Generator<Finding> {
  const ctx = checkContext(inventory, framework.parameters, now);
  const byType = checksByType(framework);
  for (const resource of inventory.all()) {
    const checks = checksOf(byType, resource);
    if (!checks) continue;
    // One resource description shared by all of the resource's findings.
    let described: FindingResource | undefined;
    for (const mapped of checks) {
      const result = evaluateSafely(mapped.check, resource, ctx);
      if (counted && result.status !== 'FAIL') {
        // A result naming a message its check does not have is a bug, counted or not.
        templateOf(mapped.check, result);
        counted.countResult(mapped.check.meta.id, mapped.requirements, result.status);
        continue;
      }
      // A class the tag does not tell is described as the default (the findings that depend on
      // it say it is unknown).
      described ??= describe(
        resource,
        ctx.classification(resource).value ?? ctx.params.classification.default,
      );
      const change = result.status === 'FAIL' ? planChange(mapped.check, resource, ctx) : undefined;
      yield toFinding(mapped, described, result, change);
    }
  }
}

/**
 * Whether a failing resource of a Terraform plan fails because of the plan: a resource the plan
 * creates (or replaces) is new; one it updates is judged on its facts before the update too.
 */
function planChange(check: Check, resource: Resource, ctx: CheckContext): Finding['change'] {
  const action = resource.origin.iac?.action;
  if (action === undefined || action === 'state') return undefined;
  if (action === 'create' || action === 'replace') return 'introduced';
  if (!resource.factsBefore) return 'kept';
  const before = evaluateSafely(check, { ...resource, facts: resource.factsBefore }, ctx);
  return before.status === 'FAIL' ? 'kept' : 'introduced';
}

/**
 * A check that throws is a bug, but never a pass: the resource is reported UNKNOWN with the error.
 * A resource only listed is judged by the checks that decide on its place alone.
 */
function evaluateSafely(check: Check, resource: Resource, ctx: CheckContext): CheckResult {
  if (resource.listedOnly && !check.meta.judgesListed)
    return { status: 'UNKNOWN', message: LISTED_ONLY, evidence: [] };
  try {
    return check.evaluate(resource, ctx);
  } catch (error) {
    return { status: 'UNKNOWN', message: CHECK_ERROR, data: { error: String(error) }, evidence: [] };
  }
}

function capped(severity: Severity, ceiling: Severity): Severity {
  return SEVERITY_RANK[severity] > SEVERITY_RANK[ceiling] ? ceiling : severity;
}

/** The resource as findings name it: strings from the inventory are capped (base/cap.ts). */
function describe(resource: Resource, classification: number): FindingResource {
  return {
    provider: resource.provider,
    account: capValue(resource.account),
    region: capValue(resource.region),
    type: resource.kansaType,
    nativeType: capValue(resource.nativeType),
    id: capValue(resource.id),
    name: capValue(resource.name),
    classification,
    origin: capStrings(resource.origin),
  };
}

function toFinding(
  { check, requirements, clauses, ceiling, severity }: MappedCheck,
  described: FindingResource,
  result: CheckResult,
  change: Finding['change'],
): Finding {
  const { meta } = check;
  const template = templateOf(check, result);
  return new ScanFinding({
    checkId: meta.id,
    requirements,
    clauses,
    status: result.status,
    severity: severity ?? capped(result.severity ?? meta.severity, ceiling),
    title: meta.title,
    messageId: result.message,
    data: result.data,
    template,
    resource: described,
    evidence: result.evidence,
    remediation: meta.remediation,
    change,
  });
}

/** The message template of a result: a check that names a message it does not have is a bug. */
function templateOf({ meta }: Check, result: CheckResult): Localized {
  const template = ENGINE_MESSAGES[result.message] ?? meta.messages[result.message];
  if (!template) throw new Error(`${meta.id}: no message "${result.message}"`);
  return template;
}
