import { explicit, type Fact } from '../../../model/fact.ts';
import type { Resource } from '../../../model/resource.ts';
import { isObject, type JsonObject, type TfInstance } from '../document.ts';
import type { Translation } from '../translation.ts';
import { type BuildContext, partsOf, removedPart, type TerraformAdapter, type Unit } from './adapter.ts';
import { awsAccountAdapters } from './aws-account.ts';
import { awsIamAdapters } from './aws-iam.ts';
import { configItem, fromConfigItem } from './aws-record.ts';

/**
 * AWS provider resources as AWS Config items (`configuration` and
 * `supplementaryConfiguration` spelt as Config spells them), read by the Config adapters.
 * https://registry.terraform.io/providers/hashicorp/aws/latest/docs
 */

/** Reads several attributes into one object, dropping those the plan does not know. */
function readInto(
  tr: Translation,
  instance: TfInstance,
  fields: Readonly<Record<string, string>>,
  nativeBase: string,
): JsonObject {
  const result: JsonObject = {};
  for (const [nativeKey, attribute] of Object.entries(fields)) {
    const value = tr.read(instance, attribute, `${nativeBase}.${nativeKey}`);
    if (value !== undefined) result[nativeKey] = value;
  }
  return result;
}

/** A single part (the last declared wins, as Terraform's own apply order would leave it). */
function onePart(unit: Unit, type: string): TfInstance | undefined {
  const parts = partsOf(unit, type);
  return parts[parts.length - 1];
}

const S3_PARTS = {
  aws_s3_bucket_public_access_block: { attribute: 'bucket', parentKeys: ['id', 'bucket'] },
  aws_s3_bucket_policy: { attribute: 'bucket', parentKeys: ['id', 'bucket'] },
  aws_s3_bucket_acl: { attribute: 'bucket', parentKeys: ['id', 'bucket'] },
  aws_s3_bucket_server_side_encryption_configuration: { attribute: 'bucket', parentKeys: ['id', 'bucket'] },
  aws_s3_bucket_logging: { attribute: 'bucket', parentKeys: ['id', 'bucket'] },
  aws_s3_bucket_versioning: { attribute: 'bucket', parentKeys: ['id', 'bucket'] },
};

const SUPPLEMENTARY = 'supplementaryConfiguration';

/**
 * aws_s3_bucket with its split resources. A setting comes from its split resource, else from
 * the bucket's own (older, inline) attribute, else from what S3 gives a new bucket; for a
 * bucket that already exists and is not configured here, it is unknown.
 */
function s3Bucket(unit: Unit, tr: Translation, ctx: BuildContext): Resource {
  const bucket = unit.primary;
  const isNew = bucket.action === 'create' || bucket.action === 'replace';
  const supplementary: JsonObject = {};

  const block = onePart(unit, 'aws_s3_bucket_public_access_block');
  const blockPath = `${SUPPLEMENTARY}.PublicAccessBlockConfiguration`;
  if (block) {
    supplementary.PublicAccessBlockConfiguration = readInto(
      tr,
      block,
      {
        blockPublicAcls: 'block_public_acls',
        ignorePublicAcls: 'ignore_public_acls',
        blockPublicPolicy: 'block_public_policy',
        restrictPublicBuckets: 'restrict_public_buckets',
      },
      blockPath,
    );
  } else if (deletedBy(unit, tr, 'aws_s3_bucket_public_access_block', blockPath)) {
    // The plan deletes the block: the bucket has none (the Config adapter's "not configured").
  } else if (isNew) {
    // https://aws.amazon.com/about-aws/whats-new/2022/12/amazon-s3-automatically-enable-block-public-access-disable-access-control-lists-buckets-april-2023/
    supplementary.PublicAccessBlockConfiguration = {
      blockPublicAcls: true,
      ignorePublicAcls: true,
      blockPublicPolicy: true,
      restrictPublicBuckets: true,
    };
    tr.mark(blockPath, `${bucket.address} (no aws_s3_bucket_public_access_block)`, 'assumed', {
      ja: '構成にブロックパブリックアクセスがありません: 2023年4月以降の新規バケットは4項目すべてが有効な状態で作成されます',
      en: 'no aws_s3_bucket_public_access_block: since April 2023 new buckets are created with all four blocks on',
    });
  } else {
    tr.mark(blockPath, `${bucket.address} (no aws_s3_bucket_public_access_block)`, 'unmanaged');
  }

  const policyPart = onePart(unit, 'aws_s3_bucket_policy');
  const policyPath = `${SUPPLEMENTARY}.BucketPolicy.policyText`;
  const policyDeleted = !policyPart && deletedBy(unit, tr, 'aws_s3_bucket_policy', policyPath);
  const policy = policyPart
    ? tr.read(policyPart, 'policy', policyPath)
    : policyDeleted
      ? undefined
      : bucketOwn(tr, bucket, 'policy', policyPath, isNew);
  if (policy !== undefined || policyPart || isNew || policyDeleted || bucketShows(tr, bucket, 'policy')) {
    supplementary.BucketPolicy = { policyText: policy ?? null };
  }

  const grantList = aclGrants(unit, tr, isNew);
  if (grantList) supplementary.AccessControlList = { grantList };

  const encryption = encryptionRule(unit, tr, ctx);
  if (encryption) supplementary.ServerSideEncryptionConfiguration = { rules: [encryption.rule] };

  const logPath = `${SUPPLEMENTARY}.BucketLoggingConfiguration.destinationBucketName`;
  const logging = onePart(unit, 'aws_s3_bucket_logging');
  if (logging) {
    const target = tr.read(logging, 'target_bucket', logPath);
    const referenced = ctx.referenced(logging, 'target_bucket', ['aws_s3_bucket'])[0];
    if (target !== undefined || referenced) {
      supplementary.BucketLoggingConfiguration = { destinationBucketName: target ?? ctx.idOf(referenced!) };
      if (target === undefined) tr.mark(logPath, `${logging.address}.target_bucket`, 'known');
    }
  } else if (deletedBy(unit, tr, 'aws_s3_bucket_logging', logPath)) {
    supplementary.BucketLoggingConfiguration = { destinationBucketName: null };
  } else {
    const own = bucketOwn(tr, bucket, 'logging.0.target_bucket', logPath, isNew);
    if (own !== undefined || isNew || bucketShows(tr, bucket, 'logging')) {
      supplementary.BucketLoggingConfiguration = { destinationBucketName: own ?? null };
    }
  }

  const name = tr.read(bucket, 'bucket', 'configuration.name');
  const resource = fromConfigItem(
    configItem('AWS::S3::Bucket', typeof name === 'string' ? { name } : {}, supplementary),
    tr,
  );
  return withPlanKey(resource, encryption?.planKey);
}

/**
 * Whether the plan deletes the split resource that held a setting (and leaves none in its
 * place): the setting then goes back to what a bucket without it has.
 */
function deletedBy(unit: Unit, tr: Translation, type: string, nativePath: string): boolean {
  const gone = removedPart(unit, type);
  if (gone) tr.mark(nativePath, `${gone.address} (deleted by the plan)`, 'known');
  return gone !== undefined;
}

/**
 * A setting the bucket resource itself carries (computed by the provider from the real bucket,
 * so known for a bucket that exists: `policy = ""` and `logging = []` say there is none). For a
 * new bucket an unknown or unset value is S3's default: none (undefined is returned, and the
 * caller writes the native "none"). For an existing bucket whose value the plan does not show,
 * the setting is unknown.
 */
function bucketOwn(
  tr: Translation,
  bucket: TfInstance,
  attribute: string,
  nativePath: string,
  isNew: boolean,
): unknown {
  const top = attribute.split('.')[0] ?? attribute;
  const read = tr.valuesOf(bucket).read(top);
  if (read.state === 'known') {
    const value = tr.read(bucket, attribute, nativePath);
    return value === '' ? undefined : value;
  }
  if (isNew) {
    tr.mark(nativePath, `${bucket.address}.${attribute}`, 'assumed');
    return undefined;
  }
  if (read.state === 'unknown' || read.state === 'sensitive') return tr.read(bucket, attribute, nativePath);
  tr.mark(nativePath, `${bucket.address}.${attribute}`, 'unmanaged');
  return undefined;
}

/** Whether the bucket resource shows a setting (known, even as "none"). */
function bucketShows(tr: Translation, bucket: TfInstance, attribute: string): boolean {
  return tr.valuesOf(bucket).read(attribute.split('.')[0] ?? attribute).state === 'known';
}

/** Canned ACLs that grant to the public groups. https://docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html#canned-acl */
const CANNED_ACL_GRANTS: Readonly<Record<string, readonly JsonObject[]>> = {
  'public-read': [{ grantee: 'AllUsers', permission: 'Read' }],
  'public-read-write': [
    { grantee: 'AllUsers', permission: 'Read' },
    { grantee: 'AllUsers', permission: 'Write' },
  ],
  'authenticated-read': [{ grantee: 'AuthenticatedUsers', permission: 'Read' }],
};

function aclGrants(unit: Unit, tr: Translation, isNew: boolean): JsonObject[] | undefined {
  const path = `${SUPPLEMENTARY}.AccessControlList.grantList`;
  const part = onePart(unit, 'aws_s3_bucket_acl');
  // The bucket's own (deprecated) `acl` is read only when the plan knows it: a new bucket's is
  // computed, and its ACL is private (since April 2023 ACLs are disabled on new buckets).
  const ownAcl = part ? undefined : tr.valuesOf(unit.primary).read('acl');
  const canned =
    part || ownAcl?.state === 'known' || (ownAcl?.state === 'unknown' && !isNew)
      ? tr.read(part ?? unit.primary, 'acl', path)
      : undefined;
  if (typeof canned === 'string' && canned !== '') return [...(CANNED_ACL_GRANTS[canned] ?? [])];
  const grants = part
    ? tr.read(part, 'access_control_policy.0.grant', path)
    : tr.valuesOf(unit.primary).read('grant').state === 'known'
      ? tr.read(unit.primary, 'grant', path)
      : undefined;
  if (Array.isArray(grants)) {
    return grants.flatMap((grant) => {
      if (!isObject(grant)) return [];
      // aws_s3_bucket_acl nests the grantee in a block; aws_s3_bucket's `grant` is flat.
      const grantee = Array.isArray(grant.grantee) && isObject(grant.grantee[0]) ? grant.grantee[0] : grant;
      const uri = typeof grantee.uri === 'string' ? grantee.uri : undefined;
      const permissions = Array.isArray(grant.permissions) ? grant.permissions : [grant.permission];
      return permissions.map((permission) => ({
        grantee: uri ? { uri } : { id: grantee.id },
        permission: String(permission),
      }));
    });
  }
  if (isNew && !part) {
    tr.mark(path, `${unit.primary.address} (no aws_s3_bucket_acl)`, 'assumed');
    return [];
  }
  if (!part) tr.mark(path, `${unit.primary.address} (no aws_s3_bucket_acl)`, 'unmanaged');
  return undefined;
}

/**
 * The default-encryption rule. Without one S3 encrypts with SSE-S3 (the Config adapter's own
 * default); a key the plan creates is named by its address, which the inventory resolves.
 */
function encryptionRule(
  unit: Unit,
  tr: Translation,
  ctx: BuildContext,
): { rule: JsonObject; planKey?: string } | undefined {
  const base = `${SUPPLEMENTARY}.ServerSideEncryptionConfiguration.rules[0].applyServerSideEncryptionByDefault`;
  const part = onePart(unit, 'aws_s3_bucket_server_side_encryption_configuration');
  const prefix = part
    ? 'rule.0.apply_server_side_encryption_by_default.0'
    : 'server_side_encryption_configuration.0.rule.0.apply_server_side_encryption_by_default.0';
  const source = part ?? unit.primary;
  if (!part && deletedBy(unit, tr, 'aws_s3_bucket_server_side_encryption_configuration', base))
    return undefined;
  if (!part && tr.valuesOf(source).read(prefix).state !== 'known') {
    tr.mark(base, `${unit.primary.address} (no aws_s3_bucket_server_side_encryption_configuration)`, 'known');
    return undefined;
  }
  const algorithm = tr.read(source, `${prefix}.sse_algorithm`, `${base}.sseAlgorithm`);
  const key = kmsKeyOf(tr, ctx, source, `${prefix}.kms_master_key_id`, `${base}.kmsMasterKeyID`);
  if (algorithm === undefined) return { rule: { applyServerSideEncryptionByDefault: {} } };
  return {
    rule: {
      applyServerSideEncryptionByDefault: {
        sseAlgorithm: algorithm,
        ...(key.value !== undefined ? { kmsMasterKeyID: key.value } : {}),
      },
    },
    ...(key.planKey && algorithm !== 'AES256' ? { planKey: key.planKey } : {}),
  };
}

/**
 * A KMS key attribute: its value, or, when the key is created by the same plan (its ARN is
 * known only after apply), the key's address, which names that key in the inventory.
 * `planKey` is the attribute's path when it names a key of the plan: such a key is customer
 * managed (aws_kms_key makes only those).
 */
function kmsKeyOf(
  tr: Translation,
  ctx: BuildContext,
  instance: TfInstance,
  attribute: string,
  nativePath: string,
): { value: unknown; planKey?: string } {
  const tfPath = `${instance.address}.${attribute}`;
  const key = ctx.referenced(instance, attribute, ['aws_kms_key'])[0];
  if (key && tr.valuesOf(instance).read(attribute).state === 'unknown') {
    tr.mark(nativePath, tfPath, 'known');
    return { value: ctx.idOf(key), planKey: tfPath };
  }
  const value = tr.read(instance, attribute, nativePath);
  return key ? { value, planKey: tfPath } : { value };
}

/** A resource encrypted with a key the plan creates uses a customer managed key. */
function withPlanKey(resource: Resource, planKey: string | undefined): Resource {
  if (!planKey) return resource;
  const facts = resource.facts as { customerManagedKey?: Fact<boolean> };
  if (facts.customerManagedKey?.source === 'explicit') return resource;
  return { ...resource, facts: { ...facts, customerManagedKey: explicit(true, planKey) } };
}

/** Inline `ingress` blocks and rule resources as Config's `ipPermissions`. */
function securityGroup(unit: Unit, tr: Translation, ctx: BuildContext): Resource {
  const path = 'configuration.ipPermissions';
  tr.mark(path, `${unit.primary.address}.ingress`, 'known');
  const inline = tr.readComputed(unit.primary, 'ingress', path, ctx.config.sets(unit.primary, 'ingress'));
  const permissions: JsonObject[] = [];
  for (const rule of Array.isArray(inline) ? inline : []) {
    if (isObject(rule))
      permissions.push(
        permission(rule.protocol, rule.from_port, rule.to_port, rule.cidr_blocks, rule.ipv6_cidr_blocks),
      );
  }
  for (const rule of partsOf(unit, 'aws_security_group_rule')) {
    // Egress rules do not open the group to the internet; an unknown type is read as ingress.
    if (tr.valuesOf(rule).read('type').state === 'known' && tr.read(rule, 'type', path) !== 'ingress')
      continue;
    const values = readInto(
      tr,
      rule,
      { protocol: 'protocol', from: 'from_port', to: 'to_port', v4: 'cidr_blocks', v6: 'ipv6_cidr_blocks' },
      path,
    );
    permissions.push(permission(values.protocol, values.from, values.to, values.v4, values.v6));
  }
  for (const rule of partsOf(unit, 'aws_vpc_security_group_ingress_rule')) {
    const values = readInto(
      tr,
      rule,
      { protocol: 'ip_protocol', from: 'from_port', to: 'to_port', v4: 'cidr_ipv4', v6: 'cidr_ipv6' },
      path,
    );
    permissions.push(
      permission(
        values.protocol,
        values.from,
        values.to,
        values.v4 ? [values.v4] : [],
        values.v6 ? [values.v6] : [],
      ),
    );
  }
  return fromConfigItem(configItem('AWS::EC2::SecurityGroup', { ipPermissions: permissions }), tr);
}

/** Terraform accepts protocol numbers and `all`; Config writes names and `-1`. */
const PROTOCOL_NAMES: Readonly<Record<string, string>> = {
  '6': 'tcp',
  '17': 'udp',
  '1': 'icmp',
  '58': 'icmpv6',
  all: '-1',
};

function permission(protocol: unknown, from: unknown, to: unknown, v4: unknown, v6: unknown): JsonObject {
  const name = String(protocol ?? '-1').toLowerCase();
  const list = (value: unknown) => (Array.isArray(value) ? value.map(String) : []);
  return {
    ipProtocol: PROTOCOL_NAMES[name] ?? name,
    fromPort: from,
    toPort: to,
    ipv4Ranges: list(v4).map((cidrIp) => ({ cidrIp })),
    ipv6Ranges: list(v6).map((cidrIpv6) => ({ cidrIpv6 })),
  };
}

function dbInstance(unit: Unit, tr: Translation, ctx: BuildContext): Resource {
  const db = unit.primary;
  const configuration = readInto(
    tr,
    db,
    {
      storageEncrypted: 'storage_encrypted',
      publiclyAccessible: 'publicly_accessible',
      backupRetentionPeriod: 'backup_retention_period',
      enabledCloudwatchLogsExports: 'enabled_cloudwatch_logs_exports',
      readReplicaSourceDBInstanceIdentifier: 'replicate_source_db',
    },
    'configuration',
  );
  const key = kmsKeyOf(tr, ctx, db, 'kms_key_id', 'configuration.kmsKeyId');
  if (key.value !== undefined) configuration.kmsKeyId = key.value;
  const resource = fromConfigItem(configItem('AWS::RDS::DBInstance', configuration), tr);
  return configuration.storageEncrypted === false ? resource : withPlanKey(resource, key.planKey);
}

function ebsVolume(unit: Unit, tr: Translation, ctx: BuildContext): Resource {
  const configuration = readInto(tr, unit.primary, { encrypted: 'encrypted' }, 'configuration');
  const key = kmsKeyOf(tr, ctx, unit.primary, 'kms_key_id', 'configuration.kmsKeyId');
  if (key.value !== undefined) configuration.kmsKeyId = key.value;
  const resource = fromConfigItem(configItem('AWS::EC2::Volume', configuration), tr);
  return configuration.encrypted === false ? resource : withPlanKey(resource, key.planKey);
}

/** Keys made with aws_kms_key are customer managed, in AWS KMS unless a custom key store is named. */
function kmsKey(unit: Unit, tr: Translation): Resource {
  const key = unit.primary;
  const enabled = tr.read(key, 'is_enabled', 'configuration.keyState');
  const store = tr.read(key, 'custom_key_store_id', 'configuration.origin');
  tr.mark('configuration.keyManager', `${key.address} (aws_kms_key)`, 'known');
  const configuration: JsonObject = {
    keyManager: 'CUSTOMER',
    keyState: enabled === false ? 'Disabled' : 'Enabled',
    origin: store ? 'AWS_CLOUDHSM' : 'AWS_KMS',
    ...readInto(tr, key, { keySpec: 'customer_master_key_spec' }, 'configuration'),
  };
  const rotation = tr.read(key, 'enable_key_rotation', `${SUPPLEMENTARY}.KeyRotationStatus`);
  return fromConfigItem(
    configItem('AWS::KMS::Key', configuration, rotation === undefined ? {} : { KeyRotationStatus: rotation }),
    tr,
  );
}

function cloudTrail(unit: Unit, tr: Translation): Resource {
  const configuration = readInto(
    tr,
    unit.primary,
    {
      isMultiRegionTrail: 'is_multi_region_trail',
      logFileValidationEnabled: 'enable_log_file_validation',
      isOrganizationTrail: 'is_organization_trail',
      homeRegion: 'home_region',
    },
    'configuration',
  );
  return fromConfigItem(configItem('AWS::CloudTrail::Trail', configuration), tr);
}

function accountPublicAccessBlock(unit: Unit, tr: Translation): Resource {
  const configuration = readInto(
    tr,
    unit.primary,
    {
      blockPublicAcls: 'block_public_acls',
      ignorePublicAcls: 'ignore_public_acls',
      blockPublicPolicy: 'block_public_policy',
      restrictPublicBuckets: 'restrict_public_buckets',
    },
    'configuration',
  );
  return fromConfigItem(configItem('AWS::S3::AccountPublicAccessBlock', configuration), tr);
}

/** Deleting the resource removes the account's blocks (DeletePublicAccessBlock): none is on. */
function deletedAccountPublicAccessBlock(unit: Unit, tr: Translation): Resource {
  tr.mark('configuration', unit.primary.address, 'known');
  const configuration = {
    blockPublicAcls: false,
    ignorePublicAcls: false,
    blockPublicPolicy: false,
    restrictPublicBuckets: false,
  };
  return fromConfigItem(configItem('AWS::S3::AccountPublicAccessBlock', configuration), tr);
}

type Build = (unit: Unit, tr: Translation, ctx: BuildContext) => Resource;

function aws(build: Build, extra: Partial<TerraformAdapter> = {}): TerraformAdapter {
  return {
    provider: 'aws',
    build,
    ...extra,
  };
}

export const awsAdapters: Readonly<Record<string, TerraformAdapter>> = {
  aws_s3_bucket: aws(s3Bucket, { parts: S3_PARTS }),
  aws_s3_account_public_access_block: aws(accountPublicAccessBlock, {
    global: true,
    whenDeleted: deletedAccountPublicAccessBlock,
  }),
  aws_security_group: aws(securityGroup, {
    parts: {
      aws_security_group_rule: { attribute: 'security_group_id', parentKeys: ['id'] },
      aws_vpc_security_group_ingress_rule: { attribute: 'security_group_id', parentKeys: ['id'] },
    },
  }),
  aws_db_instance: aws(dbInstance),
  aws_ebs_volume: aws(ebsVolume),
  aws_kms_key: aws(kmsKey),
  aws_cloudtrail: aws(cloudTrail),
  ...awsIamAdapters,
  ...awsAccountAdapters,
};
