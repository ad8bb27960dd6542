import type { Resource } from '../../../model/resource.ts';
import type { TfInstance } from '../document.ts';
import type { JsonObject } from '../kind.ts';
import type { Translation } from '../translation.ts';
import {
  type BuildContext,
  type PartLink,
  partsOf,
  type TerraformAdapter,
  type Unit,
  valueOrReference,
} from './adapter.ts';
import { DATA, fromAsset, iamTypes, isNewOf, resourcePolicy, set } from './gcp-record.ts';

/**
 * BigQuery datasets: `access` blocks (Optional+Computed: the API gives a new dataset that leaves
 * them out its project roles and its creator, none of them public), `google_bigquery_dataset_access`
 * entries, the dataset IAM resources, and `default_encryption_configuration.kms_key_name`.
 * https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/bigquery_dataset
 */

const ENTRY_FIELDS: Readonly<Record<string, string>> = {
  role: 'role',
  specialGroup: 'special_group',
  iamMember: 'iam_member',
  userByEmail: 'user_by_email',
  groupByEmail: 'group_by_email',
  domain: 'domain',
};

const PUBLIC = new Set(['allUsers', 'allAuthenticatedUsers']);

/**
 * The entries of the `access` blocks, one field at a time: an entry naming a service account
 * the plan creates (known after apply) hides no public group, which is named literally.
 */
function accessEntries(unit: Unit, tr: Translation, ctx: BuildContext): JsonObject[] | undefined {
  const dataset = unit.primary;
  const path = `${DATA}.access`;
  const values = tr.valuesOf(dataset);
  const whole = values.read('access');
  const entries: JsonObject[] = [];
  let hidden = false;
  for (let index = 0; values.present(`access.${index}`); index++) {
    const entry: JsonObject = {};
    for (const [field, attribute] of Object.entries(ENTRY_FIELDS)) {
      const read = values.read(`access.${index}.${attribute}`);
      if (read.state === 'known') entry[field] = read.value;
      else if (read.state === 'unknown' && attribute !== 'role') hidden = true;
    }
    entries.push(entry);
  }
  if (whole.state === 'known' || (values.present('access') && (!hidden || entries.some(isPublic)))) {
    tr.mark(path, `${dataset.address}.access`, 'known');
  } else if (
    whole.state === 'unknown' &&
    !values.present('access') &&
    isNewOf(dataset, 'google_bigquery_dataset') &&
    !ctx.config.sets(dataset, 'access')
  ) {
    tr.mark(path, `${dataset.address}.access`, 'assumed', {
      ja: '構成に access がありません: 新しいデータセットにはプロジェクトのロールと作成者のみが設定されます',
      en: 'no access blocks: a new dataset gets only its project roles and its creator',
    });
  } else {
    tr.read(dataset, 'access', path);
    return undefined;
  }
  for (const part of partsOf(unit, 'google_bigquery_dataset_access')) entries.push(accessPart(part, tr));
  return entries;
}

function accessPart(part: TfInstance, tr: Translation): JsonObject {
  const entry: JsonObject = {};
  for (const [field, attribute] of Object.entries(ENTRY_FIELDS))
    set(entry, field, tr.read(part, attribute, `${DATA}.access`));
  return entry;
}

function isPublic(entry: JsonObject): boolean {
  return [entry.specialGroup, entry.iamMember].some(
    (member) => typeof member === 'string' && PUBLIC.has(member),
  );
}

function dataset(group: Unit, tr: Translation, ctx: BuildContext): Resource {
  const alone = group.primary.type !== 'google_bigquery_dataset';
  const unit: Unit = alone
    ? { primary: group.primary, parts: new Map([[group.primary.type, [group.primary]]]) }
    : group;
  const data: JsonObject = {};
  const unseen = `${group.primary.address} (its dataset is not in this plan)`;
  const added =
    group.primary.type === 'google_bigquery_dataset_access' ? accessPart(group.primary, tr) : undefined;
  if (alone && added && isPublic(added)) {
    // An entry the plan adds to a dataset it does not manage: public whatever the others are.
    data.access = [added];
    tr.mark(`${DATA}.defaultEncryptionConfiguration`, unseen, 'unmanaged');
  } else if (alone) {
    tr.mark(DATA, unseen, 'unmanaged');
  } else {
    set(data, 'access', accessEntries(unit, tr, ctx));
    set(
      data,
      'defaultEncryptionConfiguration.kmsKeyName',
      valueOrReference(
        tr,
        ctx,
        unit.primary,
        'default_encryption_configuration.0.kms_key_name',
        `${DATA}.defaultEncryptionConfiguration.kmsKeyName`,
        ['google_kms_crypto_key'],
      ),
    );
  }
  const policy = resourcePolicy(
    unit,
    tr,
    ctx,
    [iamTypes('google_bigquery_dataset')],
    isNewOf(unit.primary, 'google_bigquery_dataset'),
  );
  return fromAsset('bigquery.googleapis.com/Dataset', data, tr, policy);
}

const DATASET_LINK: PartLink = {
  attribute: 'dataset_id',
  parentKeys: ['dataset_id'],
  standalone: 'own-location',
};

export const gcpBigQueryAdapters: Readonly<Record<string, TerraformAdapter>> = {
  google_bigquery_dataset: {
    provider: 'gcp',
    build: dataset,
    parts: {
      google_bigquery_dataset_access: DATASET_LINK,
      ...Object.fromEntries(
        Object.values(iamTypes('google_bigquery_dataset')).map((type) => [type, DATASET_LINK]),
      ),
    },
  },
};
