import { explicit, type Fact, factPath, unexpectedType, unknown } from '../../../model/fact.ts';
import type { CommonFacts } from '../../../model/facts.ts';
import type { GcpDatasetFacts, GcpPublicGrant } from '../../../model/gcp.ts';
import { type JsonObject, objectsOf, stringAt } from '../json.ts';
import { customerManagedKey } from './encryption.ts';
import { REST_RESOURCE } from './fields.ts';
import { PUBLIC_MEMBERS } from './iam-policy.ts';

/** bigquery.googleapis.com/Dataset: the BigQuery REST dataset resource. */
export function datasetFacts(data: JsonObject, dataPath: string): GcpDatasetFacts {
  return {
    ...bigQueryKey(data, dataPath, 'defaultEncryptionConfiguration.kmsKeyName'),
    publicAccessEntries: publicAccessEntries(data, dataPath),
  };
}

/** bigquery.googleapis.com/Table: the BigQuery REST table resource. */
export function tableFacts(data: JsonObject, dataPath: string): CommonFacts {
  return bigQueryKey(data, dataPath, 'encryptionConfiguration.kmsKeyName');
}

/** Fields of a whole dataset or table (`datasets.get`, `bq show`) that no list entry has. */
const WHOLE_RESOURCE_FIELDS = ['etag', 'selfLink', 'lastModifiedTime', 'access'];

/**
 * The entries of `datasets.list` / `tables.list` (`bq ls --format=json`, `{"kind":
 * "bigquery#datasetList", "datasets": [...]}`) are summaries: a `kind`, none of the whole
 * resource's fields, and none of the encryption settings, which only the resource itself
 * (`bq show`, Cloud Asset) carries. Only the service's own output (read as REST resources,
 * `dataPath` `resource`) can be such an entry: a Cloud Asset's `resource.data` is the whole
 * resource even when as short as one (2019 exports: `kind`, `id`, `datasetReference`,
 * `location`; policy-library's bigquery_cmek fixture), and a key it leaves out is not set.
 * https://cloud.google.com/bigquery/docs/reference/rest/v2/datasets/list
 */
function bigQueryKey(data: JsonObject, dataPath: string, keyField: string): CommonFacts {
  const listEntry =
    dataPath === REST_RESOURCE &&
    stringAt(data, 'kind') !== undefined &&
    WHOLE_RESOURCE_FIELDS.every((field) => data[field] === undefined);
  if (!listEntry || stringAt(data, keyField)) return customerManagedKey(data, dataPath, keyField);
  return {
    customerManagedKey: unknown(factPath(dataPath, keyField), {
      ja: '一覧（bq ls / list API）の項目には暗号化の設定が含まれません（bq show の出力を追加してください）',
      en: 'a list entry (bq ls, the list API) does not carry the encryption settings (add the bq show output)',
    }),
  };
}

/**
 * Dataset access entries name principals by kind: `specialGroup` (`projectReaders`,
 * `allAuthenticatedUsers`), `iamMember` (any IAM principal, `allUsers` included), `userByEmail`,
 * `groupByEmail`, `domain`, `view`, `routine`, `dataset`. Cloud Asset exports often leave
 * `access` out of the dataset data: then the entries are unknown (the IAM-policy line tells).
 * https://cloud.google.com/bigquery/docs/reference/rest/v2/datasets#Dataset.FIELDS.access
 */
function publicAccessEntries(data: JsonObject, dataPath: string): Fact<readonly GcpPublicGrant[]> {
  const path = factPath(dataPath, 'access');
  if (!Array.isArray(data.access)) {
    return unknown(path, {
      ja: 'データセットのアクセス エントリ（access）がエクスポートにありません',
      en: 'the export does not carry the dataset access entries (access)',
    });
  }
  const entries = objectsOf(data.access);
  const member = (value: unknown) => value === undefined || value === null || typeof value === 'string';
  if (!entries?.every((entry) => member(entry.specialGroup) && member(entry.iamMember)))
    return unexpectedType(path);
  const grants = entries.flatMap((entry): GcpPublicGrant[] => {
    const role = typeof entry.role === 'string' ? entry.role : '';
    return [entry.specialGroup, entry.iamMember].flatMap((member) =>
      typeof member === 'string' && PUBLIC_MEMBERS.has(member) ? [{ role, member }] : [],
    );
  });
  return explicit(grants, path);
}
