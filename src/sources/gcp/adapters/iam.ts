import { derived, explicit, type Fact, factPath, unexpectedType, unknown } from '../../../model/fact.ts';
import type {
  GcpCustomRoleFacts,
  GcpOrganizationFacts,
  GcpServiceAccountFacts,
  GcpServiceAccountKeyFacts,
} from '../../../model/gcp.ts';
import { ESCALATION_PERMISSIONS } from '../../../model/gcp-escalation.ts';
import { type JsonObject, stringAt } from '../json.ts';
import { asBoolean, asString, fieldFact } from './fields.ts';

/**
 * iam.googleapis.com/ServiceAccountKey: the IAM REST `ServiceAccountKey`.
 * https://cloud.google.com/iam/docs/reference/rest/v1/projects.serviceAccounts.keys
 */
export function serviceAccountKeyFacts(data: JsonObject, dataPath: string): GcpServiceAccountKeyFacts {
  // Keys made under an expiry (the iam.serviceAccountKeyExpiryHours constraint) stop at validBeforeTime.
  const validBefore = stringAt(data, 'validBeforeTime');
  return {
    ...(validBefore && { validBeforeTime: explicit(validBefore, factPath(dataPath, 'validBeforeTime')) }),
    keyType: keyTypeOf(data, dataPath),
    validAfterTime: fieldFact(data, dataPath, 'validAfterTime', asString, {
      unknown: {
        ja: '鍵の作成日時（validAfterTime）がエクスポートにありません',
        en: 'the export has no validAfterTime (creation time)',
      },
    }),
    disabled: fieldFact(data, dataPath, 'disabled', asBoolean, {
      default: false,
      note: { ja: '指定なし: 鍵は有効', en: 'not set: the key is enabled' },
    }),
  };
}

/**
 * `keyType`, which Cloud Asset records of keys made before the API named it (policy-library's
 * key fixtures) leave out. Without it, a key is known to be user-managed when it was uploaded
 * (`keyOrigin` USER_PROVIDED) or stays valid longer than any Google-managed key does: Google
 * rotates its keys and lets each expire within a few years, while a user-managed key made without
 * an expiry is valid until 9999-12-31.
 * https://cloud.google.com/iam/docs/service-account-creds#key-types
 */
function keyTypeOf(data: JsonObject, dataPath: string): Fact<string> {
  const keyType = fieldFact(data, dataPath, 'keyType', asString, {
    unknown: { ja: '鍵の種類（keyType）がエクスポートにありません', en: 'the export has no keyType' },
  });
  if (keyType.source !== 'unknown') return keyType;
  if (stringAt(data, 'keyOrigin') === 'USER_PROVIDED')
    return derived('USER_MANAGED', explicit('USER_PROVIDED', factPath(dataPath, 'keyOrigin')));
  const after = Date.parse(stringAt(data, 'validAfterTime') ?? '');
  const before = stringAt(data, 'validBeforeTime');
  if (before !== undefined && Date.parse(before) - after > USER_KEY_VALIDITY_MS)
    return derived('USER_MANAGED', explicit(before, factPath(dataPath, 'validBeforeTime')));
  return keyType;
}

/** Longer than a Google-managed key is ever valid (about two years): ten years. */
const USER_KEY_VALIDITY_MS = 10 * 365 * 86_400_000;

/**
 * iam.googleapis.com/ServiceAccount: the IAM REST `ServiceAccount`'s `email`, which names it in
 * IAM bindings (Cloud Asset names it by its unique id).
 * https://cloud.google.com/iam/docs/reference/rest/v1/projects.serviceAccounts
 */
export function serviceAccountFacts(data: JsonObject, dataPath: string): GcpServiceAccountFacts {
  const email = stringAt(data, 'email');
  return email ? { email: explicit(email.toLowerCase(), factPath(dataPath, 'email')) } : {};
}

/**
 * cloudresourcemanager.googleapis.com/Organization: its `displayName` is set by Google to the
 * primary domain of the Workspace / Cloud Identity account that owns it.
 * https://cloud.google.com/resource-manager/reference/rest/v1/organizations
 */
export function organizationFacts(data: JsonObject, dataPath: string): GcpOrganizationFacts {
  const domain = stringAt(data, 'displayName');
  return domain ? { primaryDomain: explicit(domain.toLowerCase(), factPath(dataPath, 'displayName')) } : {};
}

/**
 * iam.googleapis.com/Role: the IAM REST `Role` of a custom role. Its `includedPermissions` tell
 * whether its holders may rewrite a project's, folder's or organization's IAM policy, or act as
 * a service account (ESCALATION_PERMISSIONS in model/gcp-escalation.ts); a role
 * `deleted` or in stage `DISABLED` grants nothing to those it is bound to. A record without the
 * list (a search result with no data) tells nothing: the role may hold any permission.
 * https://cloud.google.com/iam/docs/reference/rest/v1/organizations.roles#Role
 */
export function customRoleFacts(data: JsonObject, dataPath: string): GcpCustomRoleFacts {
  if (asBoolean(data['deleted']) === true)
    return { escalationPermissions: explicit([], factPath(dataPath, 'deleted')) };
  if (data['stage'] === 'DISABLED')
    return { escalationPermissions: explicit([], factPath(dataPath, 'stage')) };
  const path = factPath(dataPath, 'includedPermissions');
  const permissions = data['includedPermissions'];
  if (permissions === undefined || permissions === null)
    return {
      escalationPermissions: unknown(path, {
        ja: 'カスタム ロールの権限（includedPermissions）がエクスポートにありません',
        en: 'the export has no includedPermissions for the custom role',
      }),
    };
  if (!Array.isArray(permissions) || !permissions.every((p) => typeof p === 'string'))
    return { escalationPermissions: unexpectedType(path) };
  return {
    escalationPermissions: explicit(
      permissions.filter((p) => ESCALATION_PERMISSIONS.has(p)),
      path,
    ),
  };
}
