import { cloudDefault, explicit, type Fact, factPath } from '../../../model/fact.ts';
import type {
  GcpAuditConfig,
  GcpAuditLogConfig,
  GcpAuditLogType,
  GcpBinding,
  GcpHierarchyNodeFacts,
  GcpIamPolicyFacts,
  GcpPublicGrant,
} from '../../../model/gcp.ts';
import { arrayOf, field, isObject, type JsonObject, presentKey, stringsOf } from '../json.ts';

/** Principals that mean "anyone" (https://cloud.google.com/iam/docs/principal-identifiers). */
export const PUBLIC_MEMBERS: ReadonlySet<string> = new Set(['allUsers', 'allAuthenticatedUsers']);

/** What an asset's IAM policy (google.iam.v1.Policy) says about public access. */
export function iamPolicyFacts(policy: JsonObject, policyPath: string): GcpIamPolicyFacts {
  const grants: GcpPublicGrant[] = [];
  for (const binding of arrayOf(policy.bindings)) {
    if (!isObject(binding)) continue;
    const role = typeof binding.role === 'string' ? binding.role : '';
    for (const member of stringsOf(binding.members))
      if (PUBLIC_MEMBERS.has(member)) grants.push({ role, member });
  }
  return { publicBindings: explicit(grants, factPath(policyPath, 'bindings')) };
}

/** What a project's, folder's or organization's IAM policy tells: its bindings and audit configs. */
export function hierarchyPolicyFacts(policy: JsonObject, policyPath: string): GcpHierarchyNodeFacts {
  const bindings = arrayOf(policy.bindings)
    .filter(isObject)
    .map(
      (binding): GcpBinding => ({
        role: typeof binding.role === 'string' ? binding.role : '',
        members: stringsOf(binding.members),
      }),
    );
  return {
    // Proto JSON omits empty lists: a policy without bindings has none.
    bindings: explicit(bindings, factPath(policyPath, 'bindings')) as Fact<readonly GcpBinding[]>,
    auditConfigs: auditConfigs(policy, policyPath),
  };
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
  return explicit(arrayOf(policy[key]).filter(isObject).map(auditConfig), factPath(policyPath, key));
}

function auditConfig(config: JsonObject): GcpAuditConfig {
  const logConfigs = arrayOf(field(config, 'audit_log_configs', 'auditLogConfigs'))
    .filter(isObject)
    .flatMap((logConfig): GcpAuditLogConfig[] => {
      const logType = logTypeOf(field(logConfig, 'log_type', 'logType'));
      const exemptedMembers = stringsOf(field(logConfig, 'exempted_members', 'exemptedMembers'));
      return logType ? [{ logType, exemptedMembers }] : [];
    });
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
