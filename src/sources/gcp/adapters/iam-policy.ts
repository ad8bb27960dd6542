import {
  cloudDefault,
  explicit,
  explicitList,
  type Fact,
  factPath,
  type ListUnion,
  unexpectedType,
  unreadableList,
} from '../../../model/fact.ts';
import type {
  GcpAuditConfig,
  GcpAuditLogConfig,
  GcpAuditLogType,
  GcpBinding,
  GcpHierarchyNodeFacts,
  GcpIamPolicyFacts,
  GcpPublicGrant,
} from '../../../model/gcp.ts';
import { field, type JsonObject, objectsOf, presentKey, stringListOf } from '../json.ts';

/** Principals that mean "anyone" (https://cloud.google.com/iam/docs/principal-identifiers). */
export const PUBLIC_MEMBERS: ReadonlySet<string> = new Set(['allUsers', 'allAuthenticatedUsers']);

/** What an asset's IAM policy (google.iam.v1.Policy) says about public access. */
export function iamPolicyFacts(policy: JsonObject, policyPath: string): GcpIamPolicyFacts {
  const path = factPath(policyPath, 'bindings');
  const bindings = bindingsOf(policy);
  if (!bindings) return { publicBindings: unexpectedType(path) };
  const grants: GcpPublicGrant[] = [];
  for (const { role, members } of bindings) {
    for (const member of members) if (PUBLIC_MEMBERS.has(member)) grants.push({ role, member });
  }
  return { publicBindings: explicit(grants, path) };
}

/** The policy's bindings; undefined when one of them, or one's members, is of an unexpected type. */
function bindingsOf(policy: JsonObject): GcpBinding[] | undefined {
  const entries = objectsOf(policy.bindings);
  if (!entries) return undefined;
  const bindings: GcpBinding[] = [];
  for (const binding of entries) {
    const members = stringListOf(binding.members);
    // A role of another type may be roles/owner.
    if (!members || (binding.role !== undefined && typeof binding.role !== 'string')) return undefined;
    const condition = conditionOf(binding.condition);
    // A condition of another shape may hold or not: the binding counts as unconditional.
    bindings.push({ role: binding.role ?? '', members, ...(condition !== undefined && { condition }) });
  }
  return bindings;
}

/** A binding's IAM Condition expression (google.type.Expr `expression`); undefined when it has none. */
export function conditionOf(raw: unknown): string | undefined {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return undefined;
  const expression = (raw as JsonObject).expression;
  return typeof expression === 'string' && expression.trim() !== '' ? expression : undefined;
}

/** What a project's, folder's or organization's IAM policy tells: its bindings and audit configs. */
export function hierarchyPolicyFacts(policy: JsonObject, policyPath: string): GcpHierarchyNodeFacts {
  return { bindings: bindingsFact(policy, policyPath), auditConfigs: auditConfigs(policy, policyPath) };
}

/**
 * A policy's bindings as a fact (a node's, or a service account's: who may act as it). Proto JSON
 * omits empty lists: a policy without bindings has none.
 */
export function bindingsFact(policy: JsonObject, policyPath: string): Fact<readonly GcpBinding[]> {
  const path = factPath(policyPath, 'bindings');
  const bindings = bindingsOf(policy);
  return bindings ? explicit<readonly GcpBinding[]>(bindings, path) : unexpectedType(path);
}

/**
 * Proto JSON omits empty lists, so a policy without audit configs has none: Data Access audit
 * logs are then off, the documented default (except BigQuery):
 * https://cloud.google.com/logging/docs/audit/configure-data-access
 */
function auditConfigs(policy: JsonObject, policyPath: string): Fact<readonly GcpAuditConfig[]> {
  const key = presentKey(policy, 'audit_configs', 'auditConfigs');
  if (!key) {
    return cloudDefault([], factPath(policyPath, 'auditConfigs'), {
      ja: 'auditConfigs なし: データアクセス監査ログは既定で無効（BigQuery を除く）',
      en: 'no auditConfigs: Data Access audit logs are off by default (except BigQuery)',
    });
  }
  const path = factPath(policyPath, key);
  const configs = objectsOf(policy[key])?.map(auditConfig);
  return configs?.every((config) => config !== undefined) ? explicit(configs, path) : unexpectedType(path);
}

/**
 * The audit configs of a record that holds some of a node's, one service's each (a row of
 * Steampipe's `gcp_audit_policy`): the records of one node add up, one config per service.
 */
export function auditConfigsPart(policy: JsonObject, policyPath: string): Fact<readonly GcpAuditConfig[]> {
  const fact = auditConfigs(policy, policyPath);
  return fact.source === 'unknown'
    ? unreadableList(fact.path, CONFIGS_BY_SERVICE)
    : explicitList(fact.value, fact.path, CONFIGS_BY_SERVICE);
}

const CONFIGS_BY_SERVICE: ListUnion<GcpAuditConfig> = { key: (config) => config.service };

/** An audit config; undefined when a log config or its exempted members are of an unexpected type. */
function auditConfig(config: JsonObject): GcpAuditConfig | undefined {
  const entries = objectsOf(field(config, 'audit_log_configs', 'auditLogConfigs'));
  if (!entries) return undefined;
  const logConfigs: GcpAuditLogConfig[] = [];
  for (const logConfig of entries) {
    const logType = logTypeOf(field(logConfig, 'log_type', 'logType'));
    const exemptedMembers = stringListOf(field(logConfig, 'exempted_members', 'exemptedMembers'));
    if (!exemptedMembers) return undefined;
    if (logType) logConfigs.push({ logType, exemptedMembers });
  }
  return { service: String(config.service ?? ''), logConfigs };
}

/** google.iam.v1.AuditLogConfig.LogType: the proto number (export, `enum-encoding=int`) or its name. */
const LOG_TYPES: Readonly<Record<string, GcpAuditLogType>> = {
  1: 'ADMIN_READ',
  2: 'DATA_WRITE',
  3: 'DATA_READ',
  ADMIN_READ: 'ADMIN_READ',
  DATA_WRITE: 'DATA_WRITE',
  DATA_READ: 'DATA_READ',
};

function logTypeOf(raw: unknown): GcpAuditLogType | undefined {
  return typeof raw === 'number' || typeof raw === 'string'
    ? LOG_TYPES[String(raw).toUpperCase()]
    : undefined;
}
