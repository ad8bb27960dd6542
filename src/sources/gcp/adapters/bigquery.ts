import { explicit, type Fact, factPath, unknown } from '../../../model/fact.ts';
import type { GcpDatasetFacts, GcpPublicGrant } from '../../../model/gcp.ts';
import { isObject, type JsonObject } from '../json.ts';
import { customerManagedKey } from './encryption.ts';
import { PUBLIC_MEMBERS } from './iam-policy.ts';

/** bigquery.googleapis.com/Dataset: the BigQuery REST dataset resource. */
export function datasetFacts(data: JsonObject, dataPath: string): GcpDatasetFacts {
  return {
    ...customerManagedKey(data, dataPath, 'defaultEncryptionConfiguration.kmsKeyName'),
    publicAccessEntries: publicAccessEntries(data, dataPath),
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
      ja: 'データセットのアクセス エントリ (access) がエクスポートにありません',
      en: 'the export does not carry the dataset access entries (access)',
    });
  }
  const grants = data.access.filter(isObject).flatMap((entry): GcpPublicGrant[] => {
    const role = typeof entry.role === 'string' ? entry.role : '';
    return [entry.specialGroup, entry.iamMember].flatMap((member) =>
      typeof member === 'string' && PUBLIC_MEMBERS.has(member) ? [{ role, member }] : [],
    );
  });
  return explicit(grants, path);
}
