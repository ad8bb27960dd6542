import { explicit } from '../../../model/fact.ts';
import type { Resource } from '../../../model/resource.ts';
import { securityGroupFacts } from '../../aws/adapters/network.ts';
import type { TfInstance } from '../document.ts';
import { isObject, type JsonObject } from '../kind.ts';
import type { Translation } from '../translation.ts';
import { type BuildContext, type PartLink, partsOf, type TerraformAdapter, type Unit } from './adapter.ts';
import { awsAccountAdapters } from './aws-account.ts';
import { awsEc2Adapters } from './aws-ec2.ts';
import { awsGuardDutyAdapters } from './aws-guardduty.ts';
import { awsIamAdapters, IAM_READ_THROUGH } from './aws-iam.ts';
import { awsKmsAdapters } from './aws-kms.ts';
import { awsLambdaAdapters } from './aws-lambda.ts';
import { awsRdsAdapters } from './aws-rds.ts';
import { configItem, fromConfigItem, readInto } from './aws-record.ts';
import { S3_PARTS, s3Bucket } from './aws-s3.ts';
import { awsStoreAdapters } from './aws-stores.ts';
import { eventSelectors } from './aws-trail-selectors.ts';
import { awsVpcAdapters } from './aws-vpc.ts';

/**
 * AWS provider resources as AWS Config items (`configuration` and
 * `supplementaryConfiguration` spelt as Config spells them), read by the Config adapters.
 * https://registry.terraform.io/providers/hashicorp/aws/latest/docs
 */

/**
 * The groups whose inline `ingress` blocks are their rules: `aws_security_group`, and
 * `aws_default_security_group`, which adopts a VPC's default group and replaces its rules with
 * the configuration's ("removes all ingress and egress rules", then creates those it lists).
 * https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/default_security_group
 */
const SECURITY_GROUP_TYPES: readonly string[] = ['aws_security_group', 'aws_default_security_group'];

/**
 * Inline `ingress` blocks and rule resources as Config's `ipPermissions`. A rule whose group is
 * not in the plan comes alone, as the group's only rule: what the plan opens.
 */
function securityGroup(group: Unit, tr: Translation, ctx: BuildContext): Resource {
  const path = 'configuration.ipPermissions';
  const alone = !SECURITY_GROUP_TYPES.includes(group.primary.type);
  const unit: Unit = alone
    ? { primary: group.primary, parts: new Map([[group.primary.type, [group.primary]]]) }
    : group;
  tr.mark(path, alone ? group.primary.address : `${unit.primary.address}.ingress`, 'known');
  const permissions: JsonObject[] = [];
  // Rules whose sources (CIDRs, prefix lists) are known only after apply, each with the
  // attribute that holds them.
  const unknownSources: JsonObject[] = [];
  /** One rule: its ports and protocol, and each source attribute the plan knows, or not yet. */
  const add = (rule: TfInstance, attributes: RuleAttributes, listed: boolean) => {
    const values = tr.valuesOf(rule);
    const sources = [attributes.v4, attributes.v6, attributes.lists];
    const later = sources.filter((a) => values.read(a).state === 'unknown');
    const read = readInto(
      tr,
      rule,
      Object.fromEntries(
        Object.entries(attributes).filter(([, attribute]) => !later.includes(attribute)),
      ) as Record<string, string>,
      path,
    );
    const ranges = (value: unknown) => (listed ? value : value ? [value] : []);
    permissions.push(
      permission(read.protocol, read.from, read.to, ranges(read.v4), ranges(read.v6), ranges(read.lists)),
    );
    for (const attribute of later)
      unknownSources.push(
        permission(read.protocol, read.from, read.to, [`${rule.address}.${attribute}`], [], []),
      );
  };
  if (!alone && readsRulesOneByOne(unit.primary, tr)) {
    const values = tr.valuesOf(unit.primary);
    for (let index = 0; values.present(`ingress.${index}`); index++) {
      const rule = `ingress.${index}`;
      add(
        unit.primary,
        {
          protocol: `${rule}.protocol`,
          from: `${rule}.from_port`,
          to: `${rule}.to_port`,
          v4: `${rule}.cidr_blocks`,
          v6: `${rule}.ipv6_cidr_blocks`,
          lists: `${rule}.prefix_list_ids`,
        },
        true,
      );
    }
  } else if (!alone) {
    const inline = tr.readComputed(unit.primary, 'ingress', path, ctx.config.sets(unit.primary, 'ingress'));
    for (const rule of Array.isArray(inline) ? inline : []) {
      if (isObject(rule))
        permissions.push(
          permission(
            rule.protocol,
            rule.from_port,
            rule.to_port,
            rule.cidr_blocks,
            rule.ipv6_cidr_blocks,
            rule.prefix_list_ids,
          ),
        );
    }
  }
  for (const rule of partsOf(unit, 'aws_security_group_rule')) {
    // Egress rules do not open the group to the internet; an unknown type is read as ingress.
    if (tr.valuesOf(rule).read('type').state === 'known' && tr.read(rule, 'type', path) !== 'ingress')
      continue;
    add(
      rule,
      {
        protocol: 'protocol',
        from: 'from_port',
        to: 'to_port',
        v4: 'cidr_blocks',
        v6: 'ipv6_cidr_blocks',
        lists: 'prefix_list_ids',
      },
      true,
    );
  }
  for (const rule of partsOf(unit, 'aws_vpc_security_group_ingress_rule')) {
    add(
      rule,
      {
        protocol: 'ip_protocol',
        from: 'from_port',
        to: 'to_port',
        v4: 'cidr_ipv4',
        v6: 'cidr_ipv6',
        lists: 'prefix_list_id',
      },
      false,
    );
  }
  const resource = fromConfigItem(configItem('AWS::EC2::SecurityGroup', { ipPermissions: permissions }), tr);
  if (unknownSources.length === 0) return resource;
  // Read as Config's rules are (the attribute standing for the source), and named by the first
  // attribute: the rules' protocol and ports are known, or the group's rules are unknown already.
  const rules = securityGroupFacts(
    configItem('AWS::EC2::SecurityGroup', { ipPermissions: unknownSources }),
  ).ipIngress;
  const ingressFromUnknownSources =
    rules?.source === 'explicit' ? explicit(rules.value, rules.value[0]?.source ?? path) : rules;
  return { ...resource, facts: { ...resource.facts, ingressFromUnknownSources } };
}

/** The attributes of a rule, as a rule resource or an inline block names them. */
interface RuleAttributes {
  readonly protocol: string;
  readonly from: string;
  readonly to: string;
  readonly v4: string;
  readonly v6: string;
  /** Managed prefix lists, whose entries the check looks up as it does an export's. */
  readonly lists: string;
}

/**
 * Whether the group's inline `ingress` blocks are read one by one: when the plan shows them
 * with parts known only after apply. A rule whose source groups are known only then
 * (`security_groups = [aws_security_group.alb.id]`) is there all the same: a group is no
 * internet range, so each rule is read for its protocol, ports and CIDR ranges, each unknown
 * only if the plan does not show it.
 */
function readsRulesOneByOne(group: TfInstance, tr: Translation): boolean {
  const values = tr.valuesOf(group);
  return values.read('ingress').state === 'unknown' && values.present('ingress');
}

/** Terraform accepts protocol numbers and `all`; Config writes names and `-1`. */
const PROTOCOL_NAMES: Readonly<Record<string, string>> = {
  '6': 'tcp',
  '17': 'udp',
  '1': 'icmp',
  '58': 'icmpv6',
  all: '-1',
};

function permission(
  protocol: unknown,
  from: unknown,
  to: unknown,
  v4: unknown,
  v6: unknown,
  lists: unknown,
): JsonObject {
  const name = String(protocol ?? '-1').toLowerCase();
  // A protocol or a range of another type is passed on as it is: the reader finds it unreadable.
  const named = typeof protocol === 'string' || typeof protocol === 'number' || protocol == null;
  const list = (value: unknown) => (Array.isArray(value) ? value : []);
  return {
    ipProtocol: named ? (PROTOCOL_NAMES[name] ?? name) : protocol,
    fromPort: from,
    toPort: to,
    ipv4Ranges: list(v4).map((cidrIp) => ({ cidrIp })),
    ipv6Ranges: list(v6).map((cidrIpv6) => ({ cidrIpv6 })),
    prefixListIds: list(lists).map((prefixListId) => ({ prefixListId })),
  };
}

/**
 * `enable_logging` (default true) is whether the trail logs: the provider starts or stops it
 * (StartLogging, StopLogging) and reads it back from GetTrailStatus, which Config does not record
 * (the `IsLogging` a saved get-trail-status answer gives).
 * The event selectors are read as get-event-selectors answers them (aws-trail-selectors.ts).
 * https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cloudtrail
 */
function cloudTrail(unit: Unit, tr: Translation): Resource {
  const configuration = readInto(
    tr,
    unit.primary,
    {
      isMultiRegionTrail: 'is_multi_region_trail',
      logFileValidationEnabled: 'enable_log_file_validation',
      isOrganizationTrail: 'is_organization_trail',
      homeRegion: 'home_region',
      IsLogging: 'enable_logging',
    },
    'configuration',
  );
  Object.assign(configuration, eventSelectors(unit.primary, tr));
  return fromConfigItem(configItem('AWS::CloudTrail::Trail', configuration), tr);
}

/**
 * `retention_in_days` (default 0: never expire, which Config records as no RetentionInDays) and
 * `log_group_class` (provider v5.x on; absent, STANDARD). A Delivery-class group keeps its events
 * one day on their way to S3 or Firehose whatever `retention_in_days` says (the provider ignores
 * it): the retention check judges it by its class, as it does a Config item's `LogGroupClass`.
 * https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cloudwatch_log_group
 */
function logGroup(unit: Unit, tr: Translation): Resource {
  const days = tr.read(unit.primary, 'retention_in_days', 'configuration.RetentionInDays');
  const logClass = tr.read(unit.primary, 'log_group_class', 'configuration.LogGroupClass');
  const configuration: JsonObject = typeof days === 'number' && days > 0 ? { RetentionInDays: days } : {};
  if (typeof logClass === 'string') configuration.LogGroupClass = logClass;
  return fromConfigItem(configItem('AWS::Logs::LogGroup', configuration), tr);
}

/**
 * `vpc_config.endpoint_public_access` (default true), `public_access_cidrs` (Optional+Computed:
 * EKS's 0.0.0.0/0 when a new cluster leaves it out) and `enabled_cluster_log_types` (none when
 * left out), spelt as Config's AWS::EKS::Cluster.
 */
function eksCluster(unit: Unit, tr: Translation, ctx: BuildContext): Resource {
  const cluster = unit.primary;
  const vpcPath = 'configuration.ResourcesVpcConfig';
  const vpc: JsonObject = {};
  const publicAccess = tr.read(
    cluster,
    'vpc_config.0.endpoint_public_access',
    `${vpcPath}.EndpointPublicAccess`,
  );
  if (publicAccess !== undefined) vpc.EndpointPublicAccess = publicAccess;
  const cidrs = tr.readComputed(
    cluster,
    'vpc_config.0.public_access_cidrs',
    `${vpcPath}.PublicAccessCidrs`,
    ctx.config.sets(cluster, 'vpc_config.0.public_access_cidrs'),
  );
  if (Array.isArray(cidrs)) vpc.PublicAccessCidrs = cidrs;
  const logsPath = 'configuration.Logging.ClusterLogging.EnabledTypes';
  const types = tr.read(cluster, 'enabled_cluster_log_types', logsPath);
  const configuration: JsonObject = { ResourcesVpcConfig: vpc };
  if (Array.isArray(types))
    configuration.Logging = { ClusterLogging: { EnabledTypes: types.map((type) => ({ Type: type })) } };
  return fromConfigItem(configItem('AWS::EKS::Cluster', configuration), tr);
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

const SECURITY_GROUP_RULES: Readonly<Record<string, PartLink>> = {
  aws_security_group_rule: {
    attribute: 'security_group_id',
    parentKeys: ['id'],
    standalone: 'provider-region',
  },
  aws_vpc_security_group_ingress_rule: {
    attribute: 'security_group_id',
    parentKeys: ['id'],
    standalone: 'provider-region',
  },
  // Outbound rules let nothing in: read with their group, whose inbound rules they leave as they are.
  aws_vpc_security_group_egress_rule: { attribute: 'security_group_id', parentKeys: ['id'] },
};

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
  aws_security_group: aws(securityGroup, { parts: SECURITY_GROUP_RULES }),
  aws_default_security_group: aws(securityGroup, { parts: SECURITY_GROUP_RULES }),
  aws_cloudtrail: aws(cloudTrail),
  aws_cloudwatch_log_group: aws(logGroup),
  aws_eks_cluster: aws(eksCluster),
  ...awsIamAdapters,
  ...awsKmsAdapters,
  ...awsLambdaAdapters,
  ...awsAccountAdapters,
  ...awsVpcAdapters,
  ...awsGuardDutyAdapters,
  ...awsStoreAdapters,
  ...awsRdsAdapters,
  ...awsEc2Adapters,
};

/** Types read only through the resources that refer to them, with what reads them. */
export const READ_THROUGH_REFERENCES: Readonly<Record<string, string>> = {
  ...IAM_READ_THROUGH,
  aws_ebs_encryption_by_default: 'read with the new EBS volumes of its provider block',
  aws_kms_alias: 'read with the stores that name their KMS key through it',
};
