import { cloudDefault, explicit } from '../../../model/fact.ts';
import type { GcpBucketFacts } from '../../../model/gcp.ts';
import type { Localized } from '../../../model/localized.ts';
import type { Resource } from '../../../model/resource.ts';
import { bucketAclFacts } from '../../gcp/adapters/storage.ts';
import { isCreated, type TfInstance } from '../document.ts';
import { isObject, type JsonObject } from '../kind.ts';
import type { Translation } from '../translation.ts';
import {
  type BuildContext,
  notInSchema,
  partsOf,
  readFirst,
  type TerraformAdapter,
  type Unit,
} from './adapter.ts';
import { gcpBigQueryAdapters } from './gcp-bigquery.ts';
import { ACL_TYPES, bucketAcl } from './gcp-bucket-acl.ts';
import { gcpFirewallPolicyAdapters } from './gcp-firewall-policy.ts';
import { containerCluster } from './gcp-gke.ts';
import { gcpHierarchyAdapters } from './gcp-hierarchy.ts';
import { DATA, fromAsset, iamTypes, isNewOf, keyName, resourcePolicy, set } from './gcp-record.ts';
import { gcpServerlessAdapters } from './gcp-run.ts';
import { gcpStoreAdapters } from './gcp-stores.ts';

/**
 * google provider resources as Cloud Asset records (`resource.data` in the service's REST
 * JSON, `iamPolicy` for IAM), read by the Google Cloud adapters.
 * https://registry.terraform.io/providers/hashicorp/google/latest/docs
 */

/** Reads attributes into the REST JSON: `{ 'iamConfiguration.publicAccessPrevention': 'public_access_prevention' }`. */
function readData(
  tr: Translation,
  instance: TfInstance,
  fields: Readonly<Record<string, string>>,
): JsonObject {
  const data: JsonObject = {};
  for (const [nativePath, attribute] of Object.entries(fields)) {
    set(data, nativePath, tr.read(instance, attribute, `${DATA}.${nativePath}`));
  }
  return data;
}

const BUCKET_IAM = iamTypes('google_storage_bucket');

/** A bucket the plan creates (a split resource judged alone configures one that exists). */
function isNewBucket(bucket: TfInstance): boolean {
  return isNewOf(bucket, 'google_storage_bucket');
}

/**
 * A bucket with its IAM and ACL resources. An IAM or ACL resource whose bucket is not in the plan
 * comes alone: the grants it makes are known, every other setting of the bucket is not.
 */
function storageBucket(group: Unit, tr: Translation, ctx: BuildContext): Resource {
  const alone = group.primary.type !== 'google_storage_bucket';
  const unit: Unit = alone
    ? { primary: group.primary, parts: new Map([[group.primary.type, [group.primary]]]) }
    : group;
  if (alone) tr.mark(DATA, `${group.primary.address} (its bucket is not in this plan)`, 'unmanaged');
  const bucket = unit.primary;
  const data: JsonObject = {};
  // google 4.x on, Optional+Computed: a new bucket that leaves it out is "inherited".
  set(
    data,
    'iamConfiguration.publicAccessPrevention',
    tr.readComputed(
      bucket,
      'public_access_prevention',
      `${DATA}.iamConfiguration.publicAccessPrevention`,
      alone || ctx.config.sets(bucket, 'public_access_prevention'),
    ),
  );
  // `bucket_policy_only`: the attribute's name in provider 2.x, deprecated beside the new one in 3.x.
  // Both are Optional+Computed: a new bucket that sets neither gets the API's default (off).
  const uniformPath = `${DATA}.iamConfiguration.uniformBucketLevelAccess.enabled`;
  const uniformSpellings = ['uniform_bucket_level_access', 'bucket_policy_only'];
  const uniformConfigured = uniformSpellings.some((attribute) => ctx.config.sets(bucket, attribute));
  const uniformKnown = uniformSpellings.some((a) => tr.valuesOf(bucket).read(a).state === 'known');
  set(
    data,
    'iamConfiguration.uniformBucketLevelAccess.enabled',
    uniformKnown || alone
      ? readFirst(tr, ctx, bucket, uniformSpellings, uniformPath)
      : tr.readComputed(bucket, 'uniform_bucket_level_access', uniformPath, uniformConfigured),
  );
  set(
    data,
    'encryption.defaultKmsKeyName',
    keyName(tr, ctx, bucket, 'encryption.0.default_kms_key_name', 'encryption.defaultKmsKeyName'),
  );
  // A configurable dual-region names its multi-region (`ASIA`) as `location`, its regions here.
  if (!alone)
    set(
      data,
      'customPlacementConfig.dataLocations',
      tr.read(
        bucket,
        'custom_placement_config.0.data_locations',
        `${DATA}.customPlacementConfig.dataLocations`,
      ),
    );
  const { entries: acl, complete: aclKnown } = bucketAcl(unit, tr);
  if (acl.length > 0) data.acl = acl;
  const resource = fromAsset(
    'storage.googleapis.com/Bucket',
    data,
    tr,
    resourcePolicy(unit, tr, ctx, [BUCKET_IAM], isNewBucket(bucket)),
  );
  if (alone) {
    // The bucket's settings are unknown, but a public entry its ACL resource writes is known.
    const { publicAcl } = bucketAclFacts(acl, `${group.primary.address} (ACL)`);
    return publicAcl?.value?.length ? { ...resource, facts: { ...resource.facts, publicAcl } } : resource;
  }
  const isNew = isNewBucket(bucket);
  const written = ACL_TYPES.flatMap((type) => partsOf(unit, type));
  const grants = (resource.facts as Partial<GcpBucketFacts>).publicAcl?.value;
  if (!isNew || (grants?.length ?? 0) > 0 || !aclKnown) return resource;
  // A new bucket's ACL is the project-private default but for what its ACL resources write, all
  // of it known here: no entry for allUsers.
  return {
    ...resource,
    facts: {
      ...resource.facts,
      publicAcl:
        written.length > 0
          ? explicit([], written.map((part) => part.address).join(', '))
          : cloudDefault([], `${bucket.address} (no google_storage_bucket_acl)`, {
              ja: '構成に ACL がありません: 新しいバケットの ACL は既定の projectPrivate です',
              en: 'no google_storage_bucket_acl: a new bucket gets the default projectPrivate ACL',
            }),
    },
  };
}

/** `allow` blocks as the REST `allowed` list. */
function firewall(unit: Unit, tr: Translation, ctx: BuildContext): Resource {
  const rule = unit.primary;
  const data = readData(tr, rule, {
    disabled: 'disabled',
    sourceTags: 'source_tags',
    sourceServiceAccounts: 'source_service_accounts',
    network: 'network',
    priority: 'priority',
    targetTags: 'target_tags',
    targetServiceAccounts: 'target_service_accounts',
    destinationRanges: 'destination_ranges',
  });
  // Optional+Computed: a new rule that leaves them out gets the API's defaults (INGRESS, and for
  // an ingress rule without source tags or accounts, every IPv4 source), as an export omits them.
  for (const [nativePath, attribute] of [
    ['direction', 'direction'],
    ['sourceRanges', 'source_ranges'],
  ] as const) {
    set(
      data,
      nativePath,
      tr.readComputed(rule, attribute, `${DATA}.${nativePath}`, ctx.config.sets(rule, attribute)),
    );
  }
  for (const [attribute, nativeKey] of [
    ['allow', 'allowed'],
    ['deny', 'denied'],
  ] as const) {
    const entries = tr.read(rule, attribute, `${DATA}.${nativeKey}`);
    if (Array.isArray(entries)) {
      data[nativeKey] = entries
        .filter(isObject)
        .map((entry) => ({ IPProtocol: entry.protocol, ports: entry.ports ?? [] }));
    }
  }
  return fromAsset('compute.googleapis.com/Firewall', data, tr);
}

const SQL_KEY_NOT_IN_GA_SCHEMA: Localized = {
  ja: 'このプロバイダーのスキーマにこの属性がなく（google 3.x の GA 版。google-beta のみ）、既存のインスタンスの暗号鍵は記録されていません',
  en: "not in this provider's schema (google 3.x GA; google-beta only): the key of an instance that exists is not recorded",
};

function sqlInstance(unit: Unit, tr: Translation, ctx: BuildContext): Resource {
  const instance = unit.primary;
  const data = readData(tr, instance, {
    'settings.backupConfiguration.enabled': 'settings.0.backup_configuration.0.enabled',
    masterInstanceName: 'master_instance_name',
  });
  // `backup_retention_settings` (google 3.x on) is Optional+Computed: a new instance that leaves
  // it out keeps the API's 7 backups, which the export adapter assumes of an absent setting.
  const retained = 'settings.0.backup_configuration.0.backup_retention_settings';
  const retainedPath = `${DATA}.settings.backupConfiguration.backupRetentionSettings`;
  if (tr.valuesOf(instance).present(`${retained}.0`)) {
    set(
      data,
      'settings.backupConfiguration.backupRetentionSettings.retainedBackups',
      tr.read(instance, `${retained}.0.retained_backups`, `${retainedPath}.retainedBackups`),
    );
  } else {
    tr.readComputed(instance, retained, retainedPath, ctx.config.sets(instance, retained));
  }
  const ipBlock = 'settings.0.ip_configuration';
  const values = tr.valuesOf(instance);
  const isNew = isCreated(instance);
  if (
    isNew &&
    values.read(ipBlock).state === 'unknown' &&
    !values.present(ipBlock) &&
    !ctx.config.sets(instance, ipBlock)
  ) {
    // Optional+Computed: an instance created without it gets a public IPv4 address
    // (`ipv4_enabled` defaults to true) and no authorized network.
    tr.mark(`${DATA}.settings.ipConfiguration`, `${instance.address}.${ipBlock}`, 'assumed', {
      ja: '構成に ip_configuration がありません: 新しいインスタンスにはパブリック IPv4 アドレスが割り当てられ、承認済みネットワークはありません',
      en: 'no ip_configuration in the configuration: a new instance gets a public IPv4 address and no authorized network',
    });
    set(data, 'settings.ipConfiguration', { ipv4Enabled: true, authorizedNetworks: [] });
  } else {
    const ip = `${ipBlock}.0`;
    set(
      data,
      'settings.ipConfiguration.ipv4Enabled',
      tr.read(instance, `${ip}.ipv4_enabled`, `${DATA}.settings.ipConfiguration.ipv4Enabled`),
    );
    // `ssl_mode` (google 5.x on, Optional+Computed) replaces 2.x–5.x `require_ssl` (removed in
    // 6.0): a new instance that sets neither gets the API's default, ALLOW_UNENCRYPTED_AND_ENCRYPTED.
    // An `ssl_mode` the configuration sets decides (ENCRYPTED_ONLY goes with `require_ssl` false):
    // where the plan cannot show it, `require_ssl` does not stand in for it.
    const sslModeState = values.read(`${ip}.ssl_mode`).state;
    const sslModeHidden =
      (sslModeState === 'unknown' || sslModeState === 'sensitive') &&
      ctx.config.sets(instance, `${ip}.ssl_mode`);
    if (!sslModeHidden)
      set(
        data,
        'settings.ipConfiguration.requireSsl',
        tr.read(instance, `${ip}.require_ssl`, `${DATA}.settings.ipConfiguration.requireSsl`),
      );
    const sslConfigured = [`${ip}.ssl_mode`, `${ip}.require_ssl`].some((attribute) =>
      ctx.config.sets(instance, attribute),
    );
    const sslPath = `${DATA}.settings.ipConfiguration.sslMode`;
    set(
      data,
      'settings.ipConfiguration.sslMode',
      tr.readComputed(instance, `${ip}.ssl_mode`, sslPath, sslConfigured),
    );
    const networks = tr.read(
      instance,
      `${ip}.authorized_networks`,
      `${DATA}.settings.ipConfiguration.authorizedNetworks`,
    );
    if (Array.isArray(networks))
      set(
        data,
        'settings.ipConfiguration.authorizedNetworks',
        networks.filter(isObject).map((n) => ({ value: n.value })),
      );
  }
  // `encryption_key_name` is Optional+Computed: a new instance whose configuration names no key is
  // encrypted with a Google-managed one, which the export adapter assumes of an absent key. google
  // 3.x has it in google-beta only: GA's values of an instance that exists do not record the key.
  const key = 'encryption_key_name';
  const keyPath = 'diskEncryptionConfiguration.kmsKeyName';
  if (!notInSchema(tr, instance, key, `${DATA}.${keyPath}`, 'unknown', SQL_KEY_NOT_IN_GA_SCHEMA))
    set(
      data,
      keyPath,
      ctx.config.sets(instance, key)
        ? keyName(tr, ctx, instance, key, keyPath)
        : tr.readComputed(instance, key, `${DATA}.${keyPath}`, false),
    );
  return fromAsset('sqladmin.googleapis.com/Instance', data, tr);
}

function cryptoKey(unit: Unit, tr: Translation, ctx: BuildContext): Resource {
  const data = readData(tr, unit.primary, { purpose: 'purpose' });
  // Optional+Computed: a new key the configuration gives no template is made SOFTWARE.
  set(
    data,
    'versionTemplate.protectionLevel',
    tr.readComputed(
      unit.primary,
      'version_template.0.protection_level',
      `${DATA}.versionTemplate.protectionLevel`,
      ctx.config.sets(unit.primary, 'version_template'),
    ),
  );
  const rotation = tr.read(unit.primary, 'rotation_period', `${DATA}.rotationPeriod`);
  if (rotation !== undefined) data.rotationPeriod = rotation;
  // Optional+Computed: a new key the configuration does not make import-only is an ordinary
  // one, the API's default (importOnly false).
  const importOnly = tr.readComputed(
    unit.primary,
    'import_only',
    `${DATA}.importOnly`,
    ctx.config.sets(unit.primary, 'import_only'),
  );
  if (importOnly !== undefined) data.importOnly = importOnly;
  // `purpose` defaults to ENCRYPT_DECRYPT in the provider; older plans may leave it out.
  if (data.purpose === undefined && tr.valuesOf(unit.primary).read('purpose').state === 'absent')
    data.purpose = 'ENCRYPT_DECRYPT';
  return fromAsset('cloudkms.googleapis.com/CryptoKey', data, tr);
}

/**
 * A subnet's flow logs: on when the `log_config` block is there (the provider sends
 * `logConfig.enable` with it), at its `flow_sampling` (0 reports no flow); `enable_flow_logs`
 * (google 2.x, and 6.26 to 6.x, Optional+Computed) when the plan knows no block.
 */
function subnetwork(unit: Unit, tr: Translation, ctx: BuildContext): Resource {
  const subnet = unit.primary;
  const data: JsonObject = {};
  const enablePath = `${DATA}.logConfig.enable`;
  const block = tr.valuesOf(subnet).read('log_config');
  const legacy = tr.valuesOf(subnet).read('enable_flow_logs');
  if (block.state === 'known' && Array.isArray(block.value) && block.value.length > 0) {
    tr.mark(enablePath, `${subnet.address}.log_config`, 'known');
    data.logConfig = { enable: true };
    const sampling = 'log_config.0.flow_sampling';
    set(data, 'logConfig.flowSampling', tr.read(subnet, sampling, `${DATA}.logConfig.flowSampling`));
    // A rate the plan does not show may be 0: whether any flow is logged is not known either.
    const rate = tr.valuesOf(subnet).read(sampling).state;
    if (rate === 'unknown' || rate === 'sensitive')
      tr.mark(enablePath, `${subnet.address}.${sampling}`, rate);
  } else if (block.state === 'unknown' || block.state === 'sensitive') {
    tr.read(subnet, 'log_config', enablePath);
  } else if (legacy.state === 'known') {
    set(data, 'enableFlowLogs', tr.read(subnet, 'enable_flow_logs', `${DATA}.enableFlowLogs`));
  } else if (legacy.state !== 'absent' && ctx.config.sets(subnet, 'enable_flow_logs')) {
    tr.read(subnet, 'enable_flow_logs', enablePath);
  } else {
    // No block, and the Optional+Computed `enable_flow_logs` left out: off, the API's default.
    tr.mark(enablePath, `${subnet.address}.log_config`, 'known');
  }
  set(
    data,
    'purpose',
    tr.readComputed(subnet, 'purpose', `${DATA}.purpose`, ctx.config.sets(subnet, 'purpose')),
  );
  return fromAsset('compute.googleapis.com/Subnetwork', data, tr);
}

/**
 * A Cloud Logging bucket (`google_logging_project_bucket_config` and its folder, organization
 * and billing-account forms): `retention_days`, 30 when left out or 0.
 */
function logBucket(unit: Unit, tr: Translation): Resource {
  return fromAsset(
    'logging.googleapis.com/LogBucket',
    readData(tr, unit.primary, { retentionDays: 'retention_days' }),
    tr,
  );
}

type Build = (unit: Unit, tr: Translation, ctx: BuildContext) => Resource;

function google(build: Build, extra: Partial<TerraformAdapter> = {}): TerraformAdapter {
  return { provider: 'gcp', build, ...extra };
}

const BUCKET_LINK = { attribute: 'bucket', parentKeys: ['name', 'id'], standalone: 'own-location' } as const;

/**
 * google_service_account_key as IAM's ServiceAccountKey: a key Terraform makes is user-managed
 * (keys.create; system-managed keys are Google's own) and enabled (the provider cannot disable
 * one), made at `valid_after` and valid until `valid_before` (RFC 3339; 9999-12-31 without the
 * iam.serviceAccountKeyExpiryHours constraint), which a state holds and a plan knows only after
 * apply: an expired key can no longer authenticate.
 * https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/google_service_account_key
 */
function serviceAccountKey(unit: Unit, tr: Translation): Resource {
  const key = unit.primary;
  tr.mark(`${DATA}.keyType`, `${key.address} (google_service_account_key)`, 'known');
  tr.mark(`${DATA}.disabled`, `${key.address} (google_service_account_key)`, 'known');
  const data: JsonObject = { keyType: 'USER_MANAGED', disabled: false };
  const created = tr.read(key, 'valid_after', `${DATA}.validAfterTime`);
  if (typeof created === 'string') data.validAfterTime = created;
  const expires = tr.read(key, 'valid_before', `${DATA}.validBeforeTime`);
  if (typeof expires === 'string' && expires !== '') data.validBeforeTime = expires;
  return fromAsset('iam.googleapis.com/ServiceAccountKey', data, tr);
}

export const gcpAdapters: Readonly<Record<string, TerraformAdapter>> = {
  ...gcpServerlessAdapters,
  ...gcpBigQueryAdapters,
  ...gcpStoreAdapters,
  ...gcpFirewallPolicyAdapters,
  google_storage_bucket: google(storageBucket, {
    dataRegion: true,
    parts: {
      google_storage_bucket_acl: BUCKET_LINK,
      google_storage_bucket_access_control: BUCKET_LINK,
      google_storage_default_object_acl: BUCKET_LINK,
      google_storage_default_object_access_control: BUCKET_LINK,
      google_storage_bucket_iam_member: BUCKET_LINK,
      google_storage_bucket_iam_binding: BUCKET_LINK,
      google_storage_bucket_iam_policy: BUCKET_LINK,
    },
  }),
  google_compute_firewall: google(firewall, { global: true }),
  google_compute_subnetwork: google(subnetwork),
  google_sql_database_instance: google(sqlInstance),
  google_kms_crypto_key: google(cryptoKey),
  google_container_cluster: google(containerCluster),
  google_service_account_key: google(serviceAccountKey, { global: true }),
  ...Object.fromEntries(
    ['project', 'folder', 'organization', 'billing_account'].map((scope) => [
      `google_logging_${scope}_bucket_config`,
      google(logBucket),
    ]),
  ),
  ...gcpHierarchyAdapters,
};
