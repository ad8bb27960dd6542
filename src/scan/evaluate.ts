import { capStrings, capValue } from '../base/cap.ts';
import {
  appliesTo,
  type Check,
  type CheckContext,
  type CheckResult,
  type Severity,
} from '../checks/check.ts';
import { CHECKS_BY_ID } from '../checks/index.ts';
import { renderLocalized } from '../model/localized.ts';
import { accountResourceId, type Provider, type Resource } from '../model/resource.ts';
import { type Finding, type FindingResource, findingId } from './finding.ts';
import { checkContext, type Inventory } from './inventory.ts';
import type { ScanPlan } from './plan.ts';

/** A check of the framework with the requirements it serves there. */
interface MappedCheck {
  readonly check: Check;
  readonly requirements: string[];
  readonly clauses: string[];
  /** The organisation policy's severity for this check: it wins over the check's own. */
  readonly severity: Severity | undefined;
}

/** The framework's checks, indexed by the resource types they read (`appliesTo` then narrows by native type). */
function checksByType(framework: ScanPlan): Map<string, MappedCheck[]> {
  const mapped = new Map<string, MappedCheck>();
  for (const requirement of framework.requirements) {
    for (const checkId of requirement.checks) {
      const check = CHECKS_BY_ID.get(checkId) ?? framework.customChecks.find((c) => c.meta.id === checkId);
      if (!check) throw new Error(`framework ${framework.id}: unknown check ${checkId}`);
      const entry = mapped.get(checkId) ?? {
        check,
        requirements: [],
        clauses: [],
        severity: framework.severityOverrides[checkId],
      };
      entry.requirements.push(requirement.id);
      if (!entry.clauses.includes(requirement.clause)) entry.clauses.push(requirement.clause);
      mapped.set(checkId, entry);
    }
  }
  const byType = new Map<string, MappedCheck[]>();
  for (const entry of mapped.values()) {
    const providers =
      entry.check.meta.provider === 'any' ? ['aws', 'azure', 'gcp'] : [entry.check.meta.provider];
    for (const provider of providers) {
      for (const type of entry.check.meta.resourceTypes) {
        const key = `${provider}:${type}`;
        byType.set(key, [...(byType.get(key) ?? []), entry]);
      }
    }
  }
  return byType;
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
 */
export function addMissingAccounts(inventory: Inventory): void {
  for (const { provider, account } of inventory.accounts()) {
    const id = accountResourceId(provider, account);
    if (inventory.byId(provider, id)) continue;
    inventory.add({
      provider,
      account,
      region: 'global',
      kansaType: 'account',
      nativeType: accountNativeType(provider, account),
      id,
      name: account,
      tags: {},
      facts: {},
      origin: { file: '(derived: account of scanned resources)' },
    });
  }
}

/** Evaluates every check of the framework on every resource it applies to (`appliesTo`). */
export function* evaluate(inventory: Inventory, framework: ScanPlan, now: Date): Generator<Finding> {
  const ctx = checkContext(inventory, framework.parameters, now);
  const byType = checksByType(framework);
  for (const resource of inventory.all()) {
    const checks = byType.get(`${resource.provider}:${resource.kansaType}`);
    if (!checks) continue;
    // One resource description shared by all of the resource's findings.
    const described = describe(resource, ctx.classification(resource));
    for (const mapped of checks) {
      if (!appliesTo(mapped.check.meta, resource)) continue;
      const result = evaluateSafely(mapped.check, resource, ctx);
      const finding = toFinding(mapped, resource, described, result);
      const change = result.status === 'FAIL' ? planChange(mapped.check, resource, ctx) : undefined;
      yield change ? { ...finding, change } : finding;
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

/** A check that throws is a bug, but never a pass: the resource is reported UNKNOWN with the error. */
function evaluateSafely(check: Check, resource: Resource, ctx: CheckContext): CheckResult {
  try {
    return check.evaluate(resource, ctx);
  } catch (error) {
    return { status: 'UNKNOWN', message: CHECK_ERROR, data: { error: String(error) }, evidence: [] };
  }
}

const CHECK_ERROR = '__checkError';
const CHECK_ERROR_TEXT = {
  ja: 'チェックの実行中にエラーが発生しました（kansa の不具合）: {{error}}',
  en: 'The check failed with an error (a kansa bug): {{error}}',
};

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
  { check, requirements, clauses, severity }: MappedCheck,
  resource: Resource,
  described: FindingResource,
  result: CheckResult,
): Finding {
  const { meta } = check;
  const template = result.message === CHECK_ERROR ? CHECK_ERROR_TEXT : meta.messages[result.message];
  if (!template) throw new Error(`${meta.id}: no message "${result.message}"`);
  return {
    id: findingId(meta.id, resource.provider, resource.id),
    checkId: meta.id,
    requirements,
    clauses,
    status: result.status,
    severity: severity ?? result.severity ?? meta.severity,
    title: meta.title,
    message: capStrings(renderLocalized(template, capStrings(result.data))),
    resource: described,
    evidence: capStrings(result.evidence),
    remediation: meta.remediation,
  };
}
