import { unknown } from '../../model/fact.ts';
import { akaMatch, columnsAt, rowUnknownTags, type SteampipeTable } from '../steampipe-row.ts';
import { auditConfigsPart } from './adapters/iam-policy.ts';
import { PROJECT_TYPE } from './adapters/index.ts';
import { isObject } from './json.ts';
import { rowAsset } from './steampipe-asset.ts';

/**
 * The Cloud Asset name a row's `akas` gives (`gcp://pubsub.googleapis.com/projects/p/topics/t` →
 * `//pubsub.googleapis.com/projects/p/topics/t`), when it matches the table's pattern.
 */
function assetName(row: Readonly<Record<string, unknown>>, pattern: RegExp): string | undefined {
  return akaMatch(row, pattern)?.input.slice('gcp:'.length);
}

const IAM_POLICY_AKA = /^gcp:\/\/cloudresourcemanager\.googleapis\.com\/projects\/[^/]+\/iamPolicy$/;

/**
 * Steampipe's `gcp_iam_policy` (`table_gcp_iam_policy.go`): the project's GetIamPolicy answer,
 * `bindings` in the API's names, the project by id in `project`. The table has no column for
 * the audit configs: the Data Access audit logs stay unknown, not off.
 */
export const gcpIamPolicyTable: SteampipeTable = {
  table: 'gcp_iam_policy',
  matches: (row) => assetName(row, IAM_POLICY_AKA) !== undefined,
  requiredColumns: ['project', 'bindings'],
  columnTypes: { bindings: 'json', version: 'number' },
  read(row, origin) {
    if (typeof row.project !== 'string' || row.project === '')
      return { skip: 'a gcp_iam_policy row without a project' };
    // Proto JSON leaves an empty list out; the Go client writes it as null: no binding.
    const policy = { bindings: Array.isArray(row.bindings) ? row.bindings : [] };
    return [
      rowAsset(origin, {
        name: `//cloudresourcemanager.googleapis.com/projects/${row.project}`,
        assetType: PROJECT_TYPE,
        // The row is the policy: its facts name the table's `bindings` column.
        iamPolicy: { policy, path: 'gcp_iam_policy', withoutAuditConfigs: true },
      }),
    ];
  },
};

const AUDIT_POLICY_AKA = /^gcp:\/\/cloudresourcemanager\.googleapis\.com\/projects\/[^/]+\/services\/[^/]+$/;

/**
 * Steampipe's `gcp_audit_policy` (`table_gcp_audit_policy.go`): one row per audit config of the
 * project's GetIamPolicy answer, `service` and `audit_log_configs` in the API's names (`logType`,
 * `exemptedMembers`), the project by id in `project`, and no `title`. The rows of a project add
 * up to its audit configs (auditConfigsPart); a project without any has no row, so its Data
 * Access audit logs stay unknown here.
 */
export const gcpAuditPolicyTable: SteampipeTable = {
  table: 'gcp_audit_policy',
  matches: (row) => assetName(row, AUDIT_POLICY_AKA) !== undefined,
  requiredColumns: ['project', 'service', 'audit_log_configs'],
  columnTypes: { audit_log_configs: 'json' },
  read(row, origin) {
    if (typeof row.project !== 'string' || row.project === '')
      return { skip: 'a gcp_audit_policy row without a project' };
    const resource = rowAsset(origin, {
      name: `//cloudresourcemanager.googleapis.com/projects/${row.project}`,
      assetType: PROJECT_TYPE,
    });
    const config = { service: row.service, auditLogConfigs: row.audit_log_configs };
    const auditConfigs = auditConfigsPart({ auditConfigs: [config] }, 'gcp_audit_policy');
    return [{ ...resource, facts: { ...resource.facts, auditConfigs } }];
  },
};

/**
 * Steampipe's `gcp_project` (`table_gcp_project.go`): the Resource Manager v1 project, with
 * `project_number` and `project_id` (which names the project by number and id alike) and
 * `ancestors`, GetAncestry's `[{resourceId: {type, id}}]` from the project up (null when the
 * ancestry was not found).
 */
export const gcpProjectTable: SteampipeTable = {
  table: 'gcp_project',
  matches: (row) =>
    assetName(row, /^gcp:\/\/cloudresourcemanager\.googleapis\.com\/projects\/[^/]+$/) !== undefined &&
    'project_number' in row,
  requiredColumns: ['project_id', 'project_number', 'ancestors'],
  columnTypes: { project_number: 'number', ancestors: 'json', parent: 'json', labels: 'json' },
  read(row, origin) {
    const number = typeof row.project_number === 'number' ? String(row.project_number) : undefined;
    if (!number || typeof row.project_id !== 'string')
      return { skip: 'a gcp_project row without its number or id' };
    const ancestors = (Array.isArray(row.ancestors) ? row.ancestors : []).flatMap((ancestor): string[] => {
      const id = isObject(ancestor) && isObject(ancestor.resourceId) ? ancestor.resourceId : undefined;
      // The project names itself by id; Cloud Asset's ancestors, by number.
      if (id?.type === 'project') return [`projects/${number}`];
      return typeof id?.type === 'string' && typeof id.id === 'string' ? [`${id.type}s/${id.id}`] : [];
    });
    return [
      rowAsset(origin, {
        name: `//cloudresourcemanager.googleapis.com/projects/${number}`,
        assetType: PROJECT_TYPE,
        ancestors,
        unknownTags: rowUnknownTags(row, 'labels'),
        data: {
          projectNumber: number,
          ...columnsAt(row, [
            ['project_id', 'projectId'],
            ['name', 'name'],
            ['lifecycle_state', 'lifecycleState'],
            ['parent', 'parent'],
            ['labels', 'labels'],
          ]),
        },
      }),
    ];
  },
};

const TOPIC_AKA = /^gcp:\/\/pubsub\.googleapis\.com\/projects\/[^/]+\/topics\/[^/]+$/;

/**
 * Steampipe's `gcp_pubsub_topic` (`table_gcp_pubsub_topic.go`): `kms_key_name`, the message
 * storage policy's regions, and `iam_policy`, the topic's own policy (its bindings).
 */
export const gcpPubSubTopicTable: SteampipeTable = {
  table: 'gcp_pubsub_topic',
  matches: (row) => assetName(row, TOPIC_AKA) !== undefined,
  requiredColumns: [
    'name',
    'kms_key_name',
    'message_storage_policy_allowed_persistence_regions',
    'iam_policy',
  ],
  columnTypes: {
    message_storage_policy_allowed_persistence_regions: 'json',
    iam_policy: 'json',
    labels: 'json',
  },
  read(row, origin) {
    const name = assetName(row, TOPIC_AKA)!;
    const regions = row.message_storage_policy_allowed_persistence_regions;
    const data = {
      name: name.slice('//pubsub.googleapis.com/'.length),
      ...columnsAt(row, [
        ['kms_key_name', 'kmsKeyName'],
        ['labels', 'labels'],
      ]),
      ...(Array.isArray(regions) && { messageStoragePolicy: { allowedPersistenceRegions: regions } }),
    };
    return [
      rowAsset(origin, {
        name,
        assetType: 'pubsub.googleapis.com/Topic',
        unknownTags: rowUnknownTags(row, 'labels'),
        data,
        ...(isObject(row.iam_policy) && { iamPolicy: { policy: row.iam_policy, path: 'iam_policy' } }),
      }),
    ];
  },
};

const KEY_AKA = /^gcp:\/\/iam\.googleapis\.com\/projects\/[^/]+\/serviceAccounts\/[^/]+\/keys\/[^/]+$/;

/**
 * Steampipe's `gcp_service_account_key` (`table_gcp_service_account_key.go`): the key's
 * `key_type` (USER_MANAGED, SYSTEM_MANAGED) and `valid_after_time` (its creation). The table has
 * no column for `disabled`: whether the key can still authenticate is unknown.
 */
export const gcpServiceAccountKeyTable: SteampipeTable = {
  table: 'gcp_service_account_key',
  matches: (row) => assetName(row, KEY_AKA) !== undefined,
  requiredColumns: ['name', 'key_type', 'valid_after_time'],
  columnTypes: {},
  read(row, origin) {
    const name = assetName(row, KEY_AKA)!;
    const key = rowAsset(origin, {
      name,
      assetType: 'iam.googleapis.com/ServiceAccountKey',
      data: {
        name: name.slice('//iam.googleapis.com/'.length),
        ...columnsAt(row, [
          ['key_type', 'keyType'],
          ['key_algorithm', 'keyAlgorithm'],
          ['key_origin', 'keyOrigin'],
          ['valid_after_time', 'validAfterTime'],
          ['valid_before_time', 'validBeforeTime'],
        ]),
      },
    });
    const disabled = unknown<boolean>('disabled', {
      ja: 'Steampipe のテーブルに disabled の列がありません（鍵が無効かどうかは gcloud iam service-accounts keys list の出力で確認してください）',
      en: 'the Steampipe table has no disabled column (confirm whether the key is disabled from gcloud iam service-accounts keys list)',
    });
    return [{ ...key, facts: { ...key.facts, disabled } }];
  },
};
