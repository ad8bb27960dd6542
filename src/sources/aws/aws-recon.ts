import type { Resource } from '../../model/resource.ts';
import type { DocumentFormat, ReadContext, RecordFormat } from '../format.ts';
import { organizationTrailListing } from './adapters/cloudtrail.ts';
import { configItemToResource } from './adapters/index.ts';
import { asRecord, readTags } from './config-item.ts';
import { credentialReportRowToResource } from './credential-report.ts';
import { IAM_LISTED_BY_TYPE, iamListingRecord } from './iam-listing.ts';
import { accountResource, readPasswordPolicySettings } from './password-policy.ts';

/**
 * darkbitio/aws-recon's output file (`aws_recon --output output.json`, its default `aws` format,
 * lib/aws_recon/lib/formatter.rb): one JSON array of `{account, service, region, resource,
 * timestamp}`, each `resource` the Ruby SDK's structure (`to_h`, snake_case members) with the
 * collector's `type` and `arn` beside it (lib/aws_recon/collectors/*.rb). Its `custom` format
 * holds the same structure under `resource.data`. The structures' members are the API's, so each
 * is read as the Config item of its type with its members in lower camel case (`ip_permissions`
 * → `ipPermissions`, `ipv_6_ranges` → `ipv6Ranges`), as Config records them. A collector skips a
 * call the account denies or answers "none" (`NoSuchPublicAccessBlockConfiguration`) alike, so a
 * member it left out is unknown, not the default. Types kansa has no mapping for are skipped
 * with the reason.
 */
export const awsReconFormat: DocumentFormat = {
  kind: 'document',
  id: 'aws-recon',
  provider: 'aws',
  description:
    'darkbitio/aws-recon output (aws_recon --output, a JSON array of {account, service, region, resource})',
  matches: (document) => Array.isArray(document) && document.length > 0 && isReconEntry(document[0]),
  *read(document, ctx) {
    for (const [index, value] of (document as unknown[]).entries())
      yield* entryResources(value, ctx, { index });
  },
};

/**
 * `aws_recon --stream-output` (`-j`): the same entries written to stdout as they are collected,
 * one JSON object a line (`puts item.to_json`, lib/aws_recon/aws_recon.rb), in either format;
 * the flag writes no output file and no progress lines. Each line is read as the output file's
 * entry is.
 */
export const awsReconStreamFormat: RecordFormat = {
  kind: 'ndjson',
  id: 'aws-recon-stream',
  provider: 'aws',
  description: 'darkbitio/aws-recon --stream-output (JSON lines of {account, service, region, resource})',
  matches: isReconEntry,
  read: (record, ctx, line) => entryResources(record, ctx, { line }),
};

/** An entry of either format: its account, service and region beside the resource. */
function isReconEntry(value: unknown): boolean {
  const entry = asRecord(value);
  return (
    typeof entry?.service === 'string' &&
    typeof entry.region === 'string' &&
    typeof entry.account === 'string' &&
    asRecord(entry.resource) !== undefined
  );
}

/** Where an entry is: its index in the output file's array, or its line in the stream. */
type Where = { readonly index: number } | { readonly line: number };

/** One entry's resources: its Config item, or the credential report's rows, or why none. */
function* entryResources(value: unknown, ctx: ReadContext, where: Where): Generator<Resource> {
  const entry = asRecord(value);
  const wrapped = asRecord(entry?.resource);
  // The `custom` format: `{asset_type, resource: {data, version}}`.
  const resource = asRecord(wrapped?.data) ?? wrapped;
  const account = entry?.account;
  if (!entry || !resource || typeof account !== 'string' || !/^\d{12}$/.test(account)) {
    ctx.skip(
      'an aws-recon entry without its account or resource (expected {account, service, region, resource})',
      where,
    );
    return;
  }
  const key = `${String(entry.service)}.${String(resource.type)}`;
  if (key === 'IAM.credential_report') {
    yield* credentialReportRows(resource.content, ctx, where);
    return;
  }
  // get_account_password_policy's PasswordPolicy, its members spelt as Steampipe's columns.
  // The collector writes nothing where IAM answers NoSuchEntity, so no entry is no answer.
  if (key === 'IAM.password_policy') {
    yield accountResource(account, readPasswordPolicySettings(resource, 'column', ''), {
      file: ctx.file,
      ...where,
    });
    return;
  }
  const mapping = MAPPINGS[key];
  if (!mapping) {
    ctx.skip(`aws-recon ${key}: a resource type kansa does not read`, where);
    return;
  }
  const configuration = camelCased(resource) as Record<string, unknown>;
  const region = mapping.region(configuration, String(entry.region));
  const id = configuration[mapping.id];
  if (typeof id !== 'string' || region === undefined) {
    ctx.skip(`aws-recon ${key}: without its ${mapping.id} or region`, where);
    return;
  }
  const { configuration: fields, supplementary } = mapping.item(configuration);
  const origin = { file: ctx.file, ...where };
  const read = configItemToResource(
    {
      accountId: account,
      region,
      resourceType: mapping.resourceType,
      resourceId: id,
      resourceName: id,
      arn: mapping.arn(configuration, account, region, id),
      // `[{key, value}]` as the SDK lists them: EC2's and CloudTrail's `tags`, RDS's
      // `tag_list`, S3's `tagging.tag_set`.
      tags: readTags(configuration.tags ?? configuration.tagList ?? asRecord(configuration.tagging)?.tagSet),
      configuration: fields,
      supplementary,
      partial: false,
      captureTime: undefined,
      deleted: false,
    },
    origin,
  );
  yield read;
  // The collector lists the account's principals whole (get_account_authorization_details).
  const listed = IAM_LISTED_BY_TYPE[read.kansaType];
  if (listed) yield iamListingRecord(account, [listed], key, origin);
  // The collector's account lists its organization's trail (the ARN the management account's).
  yield* organizationTrailListing(read, origin);
}

/**
 * The IAM collector's credential report: `content`, the CSV's rows as Ruby's CSV parses them
 * (`{"user": …, "arn": …, "mfa_active": "true"}`, a null for an empty cell), each read as the
 * report's row is.
 */
function* credentialReportRows(content: unknown, ctx: ReadContext, where: Where): Generator<Resource> {
  if (!Array.isArray(content)) {
    ctx.skip('aws-recon IAM.credential_report: no content (expected the report rows)', where);
    return;
  }
  for (const value of content) {
    const row = Object.fromEntries(
      Object.entries(asRecord(value) ?? {}).filter(
        (cell): cell is [string, string] => typeof cell[1] === 'string',
      ),
    );
    const resource = credentialReportRowToResource(row, { file: ctx.file, ...where });
    if (typeof resource === 'string') ctx.skip(`aws-recon IAM.credential_report: ${resource}`, where);
    else yield resource;
  }
}

interface Mapping {
  readonly resourceType: string;
  /** The member naming the resource (its Config resource id). */
  readonly id: string;
  readonly region: (resource: Record<string, unknown>, region: string) => string | undefined;
  readonly arn: (resource: Record<string, unknown>, account: string, region: string, id: string) => string;
  readonly item: (resource: Record<string, unknown>) => {
    configuration: Record<string, unknown>;
    supplementary: Record<string, unknown>;
  };
}

/** The entry's region, where the collector ran in one (`global` for S3, whose bucket says its own). */
const regional = (_: Record<string, unknown>, region: string) => (region === 'global' ? undefined : region);

/** The collector's `arn`, which for EC2 is the bare id ("no true ARN"): then the ARN EC2 gives it. */
const ec2Arn =
  (kind: string) => (resource: Record<string, unknown>, account: string, region: string, id: string) =>
    typeof resource.arn === 'string' && resource.arn.startsWith('arn:')
      ? resource.arn
      : `arn:aws:ec2:${region}:${account}:${kind}/${id}`;

const ownArn = (resource: Record<string, unknown>) => String(resource.arn);

const asIs = (resource: Record<string, unknown>) => ({ configuration: resource, supplementary: {} });

/** IAM is collected once (`global`), as Config records it. */
const iamRegion = () => 'global';

const MAPPINGS: Readonly<Record<string, Mapping>> = {
  'S3.bucket': {
    resourceType: 'AWS::S3::Bucket',
    id: 'name',
    // S3 is collected once (`global`); the bucket's `location` is GetBucketLocation's.
    region: (resource) => (typeof resource.location === 'string' ? resource.location : undefined),
    arn: ownArn,
    item: bucketItem,
  },
  'EC2.security_group': {
    resourceType: 'AWS::EC2::SecurityGroup',
    id: 'groupId',
    region: regional,
    arn: ec2Arn('security-group'),
    item: asIs,
  },
  'EC2.volume': {
    resourceType: 'AWS::EC2::Volume',
    id: 'volumeId',
    region: regional,
    arn: ec2Arn('volume'),
    item: asIs,
  },
  'RDS.db_instance': {
    resourceType: 'AWS::RDS::DBInstance',
    id: 'dbInstanceIdentifier',
    region: regional,
    arn: ownArn,
    item: rdsInstanceItem,
  },
  // describe_key's KeyMetadata with get_key_rotation_status's answer as `rotation_enabled`,
  // absent where KMS refused the call (AWS managed keys).
  'KMS.key': {
    resourceType: 'AWS::KMS::Key',
    id: 'keyId',
    region: regional,
    arn: ownArn,
    item: ({ rotationEnabled, ...configuration }) => ({
      configuration,
      supplementary: typeof rotationEnabled === 'boolean' ? { KeyRotationStatus: rotationEnabled } : {},
    }),
  },
  // get_account_authorization_details' UserDetail, RoleDetail, GroupDetail and
  // ManagedPolicyDetail (customer and AWS managed), their policy documents parsed.
  'IAM.user': {
    resourceType: 'AWS::IAM::User',
    id: 'userName',
    region: iamRegion,
    arn: ownArn,
    item: iamItem,
  },
  'IAM.role': {
    resourceType: 'AWS::IAM::Role',
    id: 'roleName',
    region: iamRegion,
    arn: ownArn,
    item: iamItem,
  },
  'IAM.group': {
    resourceType: 'AWS::IAM::Group',
    id: 'groupName',
    region: iamRegion,
    arn: ownArn,
    item: iamItem,
  },
  'IAM.policy': {
    resourceType: 'AWS::IAM::Policy',
    id: 'policyName',
    region: iamRegion,
    arn: ownArn,
    item: iamItem,
  },
  'EC2.vpc': {
    resourceType: 'AWS::EC2::VPC',
    id: 'vpcId',
    region: regional,
    arn: ec2Arn('vpc'),
    // `flow_logs` is the VPC's first flow log, which its own `flow_log` entry holds too.
    item: ({ flowLogs, ...configuration }) => ({ configuration, supplementary: {} }),
  },
  'EC2.flow_log': {
    resourceType: 'AWS::EC2::FlowLog',
    id: 'flowLogId',
    region: regional,
    arn: ec2Arn('vpc-flow-log'),
    item: asIs,
  },
  // get_detector's answer (`status`: ENABLED | DISABLED), which does not name the detector: the
  // collector's `arn` does.
  'GuardDuty.detector': {
    resourceType: 'AWS::GuardDuty::Detector',
    id: 'arn',
    region: regional,
    arn: ownArn,
    item: asIs,
  },
  // describe_trails' Trail with get_trail_status's answer under `status` and
  // get_event_selectors' answer whole under `event_selectors` (`{trail_arn, event_selectors |
  // advanced_event_selectors}`): its lists are the trail's selectors.
  'CloudTrail.cloud_trail': {
    resourceType: 'AWS::CloudTrail::Trail',
    id: 'name',
    region: regional,
    arn: ownArn,
    item: ({ status, eventSelectors, ...configuration }) => {
      const isLogging = asRecord(status)?.isLogging;
      const selectors = asRecord(eventSelectors);
      return {
        configuration: {
          ...configuration,
          ...(typeof isLogging === 'boolean' && { IsLogging: isLogging }),
          ...(selectors && {
            EventSelectors: selectors.eventSelectors,
            AdvancedEventSelectors: selectors.advancedEventSelectors,
          }),
        },
        supplementary: {},
      };
    },
  },
};

/**
 * The Ruby SDK lowers the acronyms of member names (`DBClusterIdentifier` is
 * `db_cluster_identifier`), which Config keeps (`dBClusterIdentifier`): the members that place an
 * instance in its cluster or name it a replica, under Config's names.
 */
function rdsInstanceItem(resource: Record<string, unknown>) {
  const { dbInstanceIdentifier, dbClusterIdentifier, readReplicaSourceDbInstanceIdentifier, ...rest } =
    resource;
  return {
    configuration: {
      ...rest,
      dBInstanceIdentifier: dbInstanceIdentifier,
      ...(dbClusterIdentifier !== undefined && { dBClusterIdentifier: dbClusterIdentifier }),
      ...(readReplicaSourceDbInstanceIdentifier !== undefined && {
        readReplicaSourceDBInstanceIdentifier: readReplicaSourceDbInstanceIdentifier,
      }),
    },
    supplementary: {},
  };
}

/** The policy documents of an IAM principal or managed policy (see `policyDocument`). */
function iamItem(resource: Record<string, unknown>) {
  const {
    assumeRolePolicyDocument,
    userPolicyList,
    rolePolicyList,
    groupPolicyList,
    policyVersionList,
    ...rest
  } = resource;
  const documents = (list: unknown, member: string) =>
    Array.isArray(list)
      ? list.map((entry) => {
          const record = asRecord(entry);
          return record ? { ...record, [member]: policyDocument(record[member]) } : entry;
        })
      : list;
  return {
    configuration: {
      ...rest,
      ...(assumeRolePolicyDocument !== undefined && {
        assumeRolePolicyDocument: policyDocument(assumeRolePolicyDocument),
      }),
      ...(userPolicyList !== undefined && { userPolicyList: documents(userPolicyList, 'policyDocument') }),
      ...(rolePolicyList !== undefined && { rolePolicyList: documents(rolePolicyList, 'policyDocument') }),
      ...(groupPolicyList !== undefined && { groupPolicyList: documents(groupPolicyList, 'policyDocument') }),
      ...(policyVersionList !== undefined && { policyVersionList: documents(policyVersionList, 'document') }),
    },
    supplementary: {},
  };
}

/**
 * A policy document as the collector stores it: parsed (`JSON.parse(CGI.unescape(…))`,
 * lib/aws_recon/lib/patch.rb), or null where that failed. IAM always answers a document, so a
 * null is one aws-recon could not read, which may be the one that grants everything: it is kept
 * as text no policy reader takes, so the adapters judge it unknown rather than absent.
 */
function policyDocument(document: unknown): unknown {
  return document === null ? 'null (aws-recon could not parse the document)' : document;
}

/**
 * The S3 collector's answers of the bucket's Get* calls as Config's supplementary configuration:
 * `acl` (GetBucketAcl: `{owner, grants: [{grantee: {type, uri, id}, permission}]}`), `encryption`
 * (`rules[].applyServerSideEncryptionByDefault`), `policy` (the document, parsed), `public`
 * (GetBucketPolicyStatus), `public_access_block` and `logging` (`{}` when logging is off).
 */
function bucketItem(resource: Record<string, unknown>) {
  const supplementary: Record<string, unknown> = {};
  if (resource.policy !== undefined)
    supplementary.BucketPolicy = {
      policyText: resource.policy === null ? null : JSON.stringify(resource.policy),
    };
  const logging = asRecord(resource.logging);
  if (logging)
    supplementary.BucketLoggingConfiguration = { destinationBucketName: logging.targetBucket ?? null };
  const block = asRecord(resource.publicAccessBlock);
  if (block) supplementary.PublicAccessBlockConfiguration = block;
  const status = asRecord(resource.public);
  if (typeof status?.isPublic === 'boolean') supplementary.PolicyStatus = { IsPublic: status.isPublic };
  const grants = asRecord(resource.acl)?.grants;
  if (Array.isArray(grants))
    supplementary.AccessControlList = {
      grantList: grants.map((grant) => {
        const grantee = asRecord(asRecord(grant)?.grantee);
        return {
          grantee: typeof grantee?.uri === 'string' ? { uri: grantee.uri } : { id: grantee?.id ?? null },
          permission: asRecord(grant)?.permission,
        };
      }),
    };
  const encryption = asRecord(resource.encryption);
  if (encryption)
    supplementary.ServerSideEncryptionConfiguration = {
      rules: (Array.isArray(encryption.rules) ? encryption.rules : []).map((rule) => {
        const byDefault = asRecord(asRecord(rule)?.applyServerSideEncryptionByDefault);
        return {
          applyServerSideEncryptionByDefault: byDefault && {
            sseAlgorithm: byDefault.sseAlgorithm ?? null,
            kmsMasterKeyID: byDefault.kmsMasterKeyId ?? null,
          },
        };
      }),
    };
  return { configuration: { name: resource.name }, supplementary };
}

/**
 * The Ruby SDK's snake_case members (`ipv_6_ranges`) in lower camel case (`ipv6Ranges`), deeply;
 * policy documents (parsed by the collector) and tags are kept as written: their keys (condition
 * keys, GuardDuty's map of tags) are data, not members.
 */
function camelCased(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(camelCased);
  const record = asRecord(value);
  if (!record) return value;
  return Object.fromEntries(
    Object.entries(record).map(([key, member]) => [
      key.replace(/_([a-z0-9])/g, (_, letter: string) => letter.toUpperCase()),
      AS_WRITTEN.has(key) ? member : camelCased(member),
    ]),
  );
}

/**
 * The members holding a policy document (S3's bucket policy, IAM's inline, trust and version
 * documents) or tags (`[{key, value}]` lists, GuardDuty's `{key => value}` map).
 */
const AS_WRITTEN = new Set(['policy', 'policy_document', 'assume_role_policy_document', 'document', 'tags']);
