import { explicit, factPath } from '../../../model/fact.ts';
import type { GcpOrganizationFacts, GcpServiceAccountKeyFacts } from '../../../model/gcp.ts';
import { type JsonObject, stringAt } from '../json.ts';
import { asBoolean, asString, fieldFact } from './fields.ts';

/**
 * iam.googleapis.com/ServiceAccountKey: the IAM REST `ServiceAccountKey`.
 * https://cloud.google.com/iam/docs/reference/rest/v1/projects.serviceAccounts.keys
 */
export function serviceAccountKeyFacts(data: JsonObject, dataPath: string): GcpServiceAccountKeyFacts {
  return {
    keyType: fieldFact(data, dataPath, 'keyType', asString, {
      unknown: { ja: '鍵の種類（keyType）がエクスポートにありません', en: 'the export has no keyType' },
    }),
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
 * cloudresourcemanager.googleapis.com/Organization: its `displayName` is set by Google to the
 * primary domain of the Workspace / Cloud Identity account that owns it.
 * https://cloud.google.com/resource-manager/reference/rest/v1/organizations
 */
export function organizationFacts(data: JsonObject, dataPath: string): GcpOrganizationFacts {
  const domain = stringAt(data, 'displayName');
  return domain ? { primaryDomain: explicit(domain.toLowerCase(), factPath(dataPath, 'displayName')) } : {};
}
