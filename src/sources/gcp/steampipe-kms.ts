import { unknown } from '../../model/fact.ts';
import type { GcpCryptoKeyFacts } from '../../model/gcp.ts';
import { akaMatch, rowUnknownTags, type SteampipeTable } from '../steampipe-row.ts';
import { isObject } from './json.ts';
import { rowAsset } from './steampipe-asset.ts';

/**
 * Steampipe's `gcp_kms_key` (turbot/steampipe-plugin-gcp `table_gcp_kms_key.go`): the Cloud KMS
 * `CryptoKey` with `name` cut to its last segment (the full name is in `akas`,
 * `gcp://cloudkms.googleapis.com/projects/…/cryptoKeys/<k>`), `rotation_period` as the API's
 * duration (`7776000s`, null when none), `primary` and `version_template` as JSON with the API's names.
 */
export const gcpKmsKeyTable: SteampipeTable = {
  table: 'gcp_kms_key',
  matches: (row) => keyName(row) !== undefined,
  requiredColumns: ['name', 'purpose', 'rotation_period', 'version_template'],
  columnTypes: { primary: 'json', version_template: 'json', iam_policy: 'json', labels: 'json' },
  read(row, origin) {
    const name = keyName(row);
    if (!name) return { skip: 'a gcp_kms_key row without its akas or name' };
    const data = {
      name,
      ...(typeof row.purpose === 'string' && { purpose: row.purpose }),
      ...(typeof row.rotation_period === 'string' &&
        row.rotation_period !== '' && { rotationPeriod: row.rotation_period }),
      ...(isObject(row.primary) && { primary: row.primary }),
      ...(isObject(row.version_template) && { versionTemplate: row.version_template }),
      ...(isObject(row.labels) && { labels: row.labels }),
    };
    const key = rowAsset(origin, {
      name: `//cloudkms.googleapis.com/${name}`,
      assetType: 'cloudkms.googleapis.com/CryptoKey',
      unknownTags: rowUnknownTags(row, 'labels'),
      data,
    });
    // The table has no column of `importOnly`: only a generated primary version tells.
    const importOnly = (key.facts as GcpCryptoKeyFacts).importOnly;
    if (importOnly?.source !== 'default') return [key];
    return [{ ...key, facts: { ...key.facts, importOnly: unknown(importOnly.path, NO_IMPORT_ONLY_COLUMN) } }];
  },
};

const NO_IMPORT_ONLY_COLUMN = {
  ja: 'Steampipe の gcp_kms_key にはインポート専用（importOnly）の列がありません',
  en: 'Steampipe’s gcp_kms_key has no column for importOnly',
};

function keyName(row: Readonly<Record<string, unknown>>): string | undefined {
  return akaMatch(
    row,
    /^gcp:\/\/cloudkms\.googleapis\.com\/(projects\/[^/]+\/locations\/[^/]+\/keyRings\/[^/]+\/cryptoKeys\/[^/]+)$/,
  )?.[1];
}
