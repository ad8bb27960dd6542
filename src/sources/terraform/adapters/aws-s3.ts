import type { Resource } from '../../../model/resource.ts';
import { parsePolicyDocument } from '../../aws/adapters/policy-document.ts';
import { publicGrantsOf } from '../../aws/adapters/public-policy.ts';
import { isCreated, type TfInstance } from '../document.ts';
import { isObject, type JsonObject } from '../kind.ts';
import { TfValues } from '../tf-values.ts';
import type { Translation } from '../translation.ts';
import { type BuildContext, type PartLink, removedPart, type Unit, valueOrReference } from './adapter.ts';
import { readPolicy } from './aws-policy-document.ts';
import { configItem, fromConfigItem, kmsKeyOf, onePart, readInto, withPlanKey } from './aws-record.ts';

/**
 * aws_s3_bucket and its split resources as an AWS::S3::Bucket Config item, its
 * `supplementaryConfiguration` spelt as Config spells it.
 * https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/s3_bucket
 */

const BUCKET_LINK: PartLink = {
  attribute: 'bucket',
  parentKeys: ['id', 'bucket'],
  standalone: 'own-location',
};

export const S3_PARTS: Readonly<Record<string, PartLink>> = {
  aws_s3_bucket_public_access_block: BUCKET_LINK,
  aws_s3_bucket_policy: BUCKET_LINK,
  aws_s3_bucket_acl: BUCKET_LINK,
  aws_s3_bucket_server_side_encryption_configuration: BUCKET_LINK,
  aws_s3_bucket_logging: BUCKET_LINK,
  aws_s3_bucket_versioning: BUCKET_LINK,
};

const SUPPLEMENTARY = 'supplementaryConfiguration';

/**
 * aws_s3_bucket with its split resources. A setting comes from its split resource, else from
 * the bucket's own (older, inline) attribute, else from what S3 gives a new bucket; for a
 * bucket that already exists and is not configured here, it is unknown. A split resource whose
 * bucket is not in the plan comes alone: it configures an existing bucket the plan shows
 * nothing else of.
 */
export function s3Bucket(group: Unit, tr: Translation, ctx: BuildContext): Resource {
  const alone = group.primary.type !== 'aws_s3_bucket';
  const unit: Unit = alone
    ? { primary: unseenBucket(group.primary), parts: new Map([[group.primary.type, [group.primary]]]) }
    : group;
  const bucket = unit.primary;
  const isNew = !alone && isCreated(bucket);
  const supplementary: JsonObject = {};

  const policyPart = onePart(unit, 'aws_s3_bucket_policy');
  const policyPath = `${SUPPLEMENTARY}.BucketPolicy.policyText`;
  const policyDeleted = !policyPart && deletedBy(unit, tr, 'aws_s3_bucket_policy', policyPath);
  const policy = policyPart
    ? readPolicy(tr, ctx, policyPart, 'policy', policyPath)
    : policyDeleted
      ? undefined
      : // Provider v3's inline policy, set to what the plan knows only after apply (a policy
        // document read on apply): not the none a new bucket would have without it.
        !alone && ctx.config.sets(bucket, 'policy')
        ? readPolicy(tr, ctx, bucket, 'policy', policyPath)
        : bucketOwn(tr, bucket, 'policy', policyPath, isNew);
  if (policy !== undefined || policyPart || isNew || policyDeleted || bucketShows(tr, bucket, 'policy')) {
    supplementary.BucketPolicy = { policyText: policy ?? null };
  }

  const grantList = aclGrants(unit, tr, isNew);
  if (grantList) supplementary.AccessControlList = { grantList };

  const block = publicAccessBlock(unit, tr, isNew, alone, grantsPublic(grantList, policy));
  if (block) supplementary.PublicAccessBlockConfiguration = block;

  const encryption = encryptionRule(unit, tr, ctx, alone);
  if (encryption) supplementary.ServerSideEncryptionConfiguration = { rules: [encryption.rule] };

  const logPath = `${SUPPLEMENTARY}.BucketLoggingConfiguration.destinationBucketName`;
  const logging = onePart(unit, 'aws_s3_bucket_logging');
  if (logging) {
    const target = logTarget(tr, ctx, logging, 'target_bucket', logPath);
    if (target !== undefined) supplementary.BucketLoggingConfiguration = { destinationBucketName: target };
  } else if (deletedBy(unit, tr, 'aws_s3_bucket_logging', logPath)) {
    supplementary.BucketLoggingConfiguration = { destinationBucketName: null };
  } else {
    const own = bucketOwn(tr, bucket, 'logging.0.target_bucket', logPath, isNew, () =>
      logTarget(tr, ctx, bucket, 'logging.0.target_bucket', logPath),
    );
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
 * The bucket's Block Public Access: its split resource; none when the plan deletes it; for a
 * new bucket, what S3 gives one (all four on since April 2023), unless the configuration itself
 * grants public access. S3 refuses a public ACL or policy while the blocks are on, so such a
 * configuration only works with them off (a public-read bucket of a provider v3 plan, written
 * before April 2023): it is judged as the configuration asks, never as blocked.
 */
function publicAccessBlock(
  unit: Unit,
  tr: Translation,
  isNew: boolean,
  alone: boolean,
  grantsPublicAccess: boolean,
) {
  const bucket = unit.primary;
  const blockPath = `${SUPPLEMENTARY}.PublicAccessBlockConfiguration`;
  const block = onePart(unit, 'aws_s3_bucket_public_access_block');
  if (block) {
    return readInto(
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
  }
  // The plan deletes the block: the bucket has none (the Config adapter's "not configured").
  if (deletedBy(unit, tr, 'aws_s3_bucket_public_access_block', blockPath)) return undefined;
  const source = `${bucket.address} (no aws_s3_bucket_public_access_block)`;
  // A policy or ACL resource granting public access asks for it whether or not its bucket is in
  // the plan; the computed ACL and policy of an existing bucket say nothing of the configuration.
  const configuredPublic = grantsPublicAccess && (isNew || alone);
  if (!isNew && !configuredPublic) {
    tr.mark(blockPath, source, 'unmanaged');
    return undefined;
  }
  if (configuredPublic) {
    tr.mark(blockPath, source, 'assumed', {
      ja: '構成が ACL またはバケットポリシーで公開アクセスを付与しています: ブロックパブリックアクセスが有効なままでは S3 が拒否するため、構成のとおり無効として判定します',
      en: 'the configuration grants public access (ACL or bucket policy), which S3 refuses while Block Public Access is on: judged as the configuration asks, with the blocks off',
    });
    return {
      blockPublicAcls: false,
      ignorePublicAcls: false,
      blockPublicPolicy: false,
      restrictPublicBuckets: false,
    };
  }
  // https://aws.amazon.com/about-aws/whats-new/2022/12/amazon-s3-automatically-enable-block-public-access-disable-access-control-lists-buckets-april-2023/
  tr.mark(blockPath, source, 'assumed', {
    ja: '構成にブロックパブリックアクセスがありません: 2023年4月以降の新規バケットは4項目すべてが有効な状態で作成されます',
    en: 'no aws_s3_bucket_public_access_block: since April 2023 new buckets are created with all four blocks on',
  });
  return {
    blockPublicAcls: true,
    ignorePublicAcls: true,
    blockPublicPolicy: true,
    restrictPublicBuckets: true,
  };
}

const PUBLIC_GROUPS =
  /^(AllUsers|AuthenticatedUsers|https?:\/\/acs\.amazonaws\.com\/groups\/global\/(AllUsers|AuthenticatedUsers))$/i;

/** Whether the bucket's own ACL grants or policy (as the plan shows them) give access to anyone. */
function grantsPublic(grantList: readonly JsonObject[] | undefined, policy: unknown): boolean {
  const publicGrant = (grantList ?? []).some((grant) => {
    const grantee = isObject(grant.grantee) ? grant.grantee.uri : grant.grantee;
    return typeof grantee === 'string' && PUBLIC_GROUPS.test(grantee);
  });
  const document = parsePolicyDocument(policy);
  // A policy whose statements cannot all be read may hold the public one.
  return publicGrant || (document !== undefined && (publicGrantsOf(document)?.length ?? 1) > 0);
}

/** The existing bucket a split resource judged alone configures: the plan shows none of its values. */
function unseenBucket(part: TfInstance): TfInstance {
  return {
    ...part,
    address: `${part.address} (its bucket)`,
    type: 'aws_s3_bucket',
    action: 'no-op',
    after: new TfValues({}, undefined, undefined),
    before: undefined,
  };
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
 * new bucket an unset value is S3's default: none (undefined is returned, and the caller writes
 * the native "none"). A block the plan shows in part (`logging` whose `target_bucket` is known
 * after apply) is read for what it shows, by `readShown` when given. For an existing bucket
 * whose value the plan does not show, the setting is unknown.
 */
function bucketOwn(
  tr: Translation,
  bucket: TfInstance,
  attribute: string,
  nativePath: string,
  isNew: boolean,
  readShown: () => unknown = () => tr.read(bucket, attribute, nativePath),
): unknown {
  const top = attribute.split('.')[0] ?? attribute;
  const values = tr.valuesOf(bucket);
  const read = values.read(top);
  if (read.state === 'known' || (read.state === 'unknown' && values.present(top))) {
    const value = readShown();
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

/**
 * The bucket a logging block sends the logs to: its name, or the plan's bucket it refers to.
 * `target_bucket` is required, so a block whose target is known only after apply and names no
 * bucket of the plan (`var.log_bucket` through a module output, a plan without `configuration`)
 * still turns logging on: the attribute stands for the bucket.
 */
function logTarget(
  tr: Translation,
  ctx: BuildContext,
  instance: TfInstance,
  attribute: string,
  nativePath: string,
): unknown {
  const unknownInPlan = tr.valuesOf(instance).read(attribute).state === 'unknown';
  if (unknownInPlan && ctx.referenced(instance, attribute, ['aws_s3_bucket']).length === 0) {
    tr.mark(nativePath, `${instance.address}.${attribute}`, 'known');
    return `${instance.address}.${attribute} (known after apply)`;
  }
  return valueOrReference(tr, ctx, instance, attribute, nativePath, ['aws_s3_bucket']);
}

/** Whether the bucket resource shows a setting (known, even as "none"). */
function bucketShows(tr: Translation, bucket: TfInstance, attribute: string): boolean {
  const top = attribute.split('.')[0] ?? attribute;
  return tr.valuesOf(bucket).read(top).state === 'known' || tr.valuesOf(bucket).present(top);
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
    ? readGrants(tr, part, 'access_control_policy.0.grant', path)
    : tr.valuesOf(unit.primary).read('grant').state === 'known' ||
        tr.valuesOf(unit.primary).present('grant.0')
      ? readGrants(tr, unit.primary, 'grant', path)
      : undefined;
  if (grants) return grants;
  if (isNew && !part) {
    tr.mark(path, `${unit.primary.address} (no aws_s3_bucket_acl)`, 'assumed');
    return [];
  }
  if (!part) tr.mark(path, `${unit.primary.address} (no aws_s3_bucket_acl)`, 'unmanaged');
  return undefined;
}

/**
 * ACL grants: aws_s3_bucket_acl's `access_control_policy.grant` (the grantee in a block, one
 * `permission`) or aws_s3_bucket's flat `grant` (provider v3, `permissions`). A new grant's
 * grantee `display_name` is computed (known after apply), and a canonical user's `id` may be too:
 * the grants are read one field at a time, so a public group, named by its URI, is seen whatever
 * else the plan does not know; without one, a grantee the plan cannot name leaves them unknown.
 */
function readGrants(
  tr: Translation,
  instance: TfInstance,
  listPath: string,
  nativePath: string,
): JsonObject[] | undefined {
  const values = tr.valuesOf(instance);
  const grants: JsonObject[] = [];
  let unnamed = false;
  for (let index = 0; values.present(`${listPath}.${index}`); index++) {
    const grant = `${listPath}.${index}`;
    const grantee = values.present(`${grant}.grantee.0`) ? `${grant}.grantee.0` : grant;
    const uri = values.read(`${grantee}.uri`);
    const id = values.read(`${grantee}.id`);
    const permissions = values.read(`${grant}.permissions`);
    const permission = values.read(`${grant}.permission`);
    const type = values.read(`${grantee}.type`);
    // Only a Group grantee (named by URI) can be public: a canonical user whose id is read on
    // apply (`data.aws_canonical_user_id`) is no one's but an account's.
    const user = type.state === 'known' && String(type.value) !== 'Group';
    const named = uri.state === 'known' || (uri.state === 'absent' && (id.state !== 'unknown' || user));
    const permitted = permissions.state === 'known' || permission.state === 'known';
    if (!named || !permitted) {
      unnamed = true;
      continue;
    }
    const list =
      permissions.state === 'known' && Array.isArray(permissions.value)
        ? permissions.value
        : [permission.state === 'known' ? permission.value : undefined];
    for (const value of list) {
      grants.push({
        grantee:
          uri.state === 'known' ? { uri: uri.value } : { id: id.state === 'known' ? id.value : undefined },
        permission: String(value),
      });
    }
  }
  const whole = values.read(listPath);
  if (whole.state === 'known') {
    tr.read(instance, listPath, nativePath);
    return grants;
  }
  // Some grant has a field known only after apply: a public grant is seen all the same, and a
  // list whose every grantee is named is complete.
  if (
    whole.state === 'unknown' &&
    values.present(listPath) &&
    (grantsPublic(grants, undefined) || !unnamed)
  ) {
    tr.mark(nativePath, `${instance.address}.${listPath}`, 'known');
    return grants;
  }
  tr.read(instance, listPath, nativePath);
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
  alone: boolean,
): { rule: JsonObject; planKey?: string } | undefined {
  const base = `${SUPPLEMENTARY}.ServerSideEncryptionConfiguration.rules[0].applyServerSideEncryptionByDefault`;
  const part = onePart(unit, 'aws_s3_bucket_server_side_encryption_configuration');
  const prefix = part
    ? 'rule.0.apply_server_side_encryption_by_default.0'
    : 'server_side_encryption_configuration.0.rule.0.apply_server_side_encryption_by_default.0';
  const source = part ?? unit.primary;
  if (!part && deletedBy(unit, tr, 'aws_s3_bucket_server_side_encryption_configuration', base))
    return undefined;
  if (!part && alone) {
    tr.mark(
      base,
      `${unit.primary.address} (no aws_s3_bucket_server_side_encryption_configuration)`,
      'unmanaged',
    );
    return undefined;
  }
  // An inline rule whose key is a key of the plan (known after apply) is there all the same.
  if (!part && !tr.valuesOf(source).present(prefix)) {
    const wholeRuleUnknown = tr.valuesOf(source).read(prefix).state === 'unknown';
    if (wholeRuleUnknown && ctx.config.sets(unit.primary, 'server_side_encryption_configuration')) {
      // Configured, but the whole rule is known only after apply (a dynamic block).
      tr.read(source, prefix, base);
      return undefined;
    }
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
