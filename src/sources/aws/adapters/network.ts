import type {
  AwsFlowLogFacts,
  AwsIpIngressRule,
  AwsPrefixListFacts,
  AwsPrefixListIngressRule,
  AwsSecurityGroupFacts,
  AwsVpcFacts,
} from '../../../model/aws.ts';
import { explicit, type Fact } from '../../../model/fact.ts';
import { asRecord, type ConfigItem } from '../config-item.ts';
import { absent, configString, field, toNumber, toStringValue } from './fields.ts';

/**
 * AWS::EC2::SecurityGroup: the inbound rules, one per source. Each `ipPermissions` entry
 * names its sources in `ipv4Ranges[].cidrIp`, `ipv6Ranges[].cidrIpv6` and the older flat
 * `ipRanges`; all traffic is `ipProtocol: "-1"` with no ports. Query output may write ports
 * as floats (`22.0`).
 * https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_IpPermission.html
 */
export function securityGroupFacts(item: ConfigItem): AwsSecurityGroupFacts {
  return { ipIngress: ipIngress(item), prefixListIngress: prefixListIngress(item) };
}

/** Rules whose source is a managed prefix list (`prefixListIds[].prefixListId`). */
function prefixListIngress(item: ConfigItem): Fact<readonly AwsPrefixListIngressRule[]> {
  const path = 'configuration.ipPermissions';
  const permissions = field(item.configuration, 'ipPermissions');
  if (!Array.isArray(permissions)) return absent(item, path);
  const rules = permissions.flatMap((entry) => {
    const permission = asRecord(entry) ?? {};
    const { protocol, fromPort, toPort } = portsOf(permission);
    const lists = field(permission, 'prefixListIds');
    return (Array.isArray(lists) ? lists : []).flatMap((list) => {
      const prefixListId = toStringValue(field(asRecord(list), 'prefixListId'));
      return prefixListId ? [{ protocol, fromPort, toPort, prefixListId }] : [];
    });
  });
  return explicit(rules, path);
}

/**
 * AWS::EC2::PrefixList: Config records the list as CloudFormation describes it
 * (`PrefixListId`, `Entries[].Cidr`); the EC2 API spells the same fields in lower camel case.
 * Without its entries the list's reach is unknown.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-ec2-prefixlist.html
 */
export function prefixListFacts(item: ConfigItem): AwsPrefixListFacts {
  const idPath = 'configuration.PrefixListId';
  const entriesPath = 'configuration.Entries';
  const id = toStringValue(
    field(item.configuration, 'PrefixListId') ?? field(item.configuration, 'prefixListId'),
  );
  const entries = field(item.configuration, 'Entries') ?? field(item.configuration, 'entries');
  return {
    prefixListId: id ? explicit(id, idPath) : explicit(item.resourceId, 'resourceId'),
    cidrs: Array.isArray(entries)
      ? explicit(
          entries.flatMap((entry) => {
            const record = asRecord(entry);
            return toStringValue(field(record, 'Cidr') ?? field(record, 'cidr')) ?? [];
          }),
          entriesPath,
        )
      : absent(item, entriesPath),
  };
}

/** Protocol and port range of one `ipPermissions` entry; all traffic (`-1`) has no ports. */
function portsOf(
  permission: Record<string, unknown>,
): Pick<AwsIpIngressRule, 'protocol' | 'fromPort' | 'toPort'> {
  const protocol = String(field(permission, 'ipProtocol') ?? '-1').toLowerCase();
  const allTraffic = protocol === '-1';
  return {
    protocol,
    fromPort: allTraffic ? null : (toNumber(field(permission, 'fromPort')) ?? null),
    toPort: allTraffic ? null : (toNumber(field(permission, 'toPort')) ?? null),
  };
}

function ipIngress(item: ConfigItem): Fact<readonly AwsIpIngressRule[]> {
  const path = 'configuration.ipPermissions';
  const permissions = field(item.configuration, 'ipPermissions');
  if (!Array.isArray(permissions)) return absent(item, path);
  const rules = permissions.flatMap((entry) => {
    const permission = asRecord(entry) ?? {};
    const ports = portsOf(permission);
    return sourcesOf(permission).map((source) => ({ ...ports, source }));
  });
  return explicit(rules, path);
}

function sourcesOf(permission: Record<string, unknown>): string[] {
  const cidrs = (list: unknown, key: string) =>
    Array.isArray(list) ? list.flatMap((range) => toStringValue(field(asRecord(range), key)) ?? []) : [];
  const flat = field(permission, 'ipRanges');
  // Config's older items list bare CIDRs; the EC2 API (DescribeSecurityGroups) lists `{CidrIp}`.
  const legacy = Array.isArray(flat)
    ? flat.flatMap((cidr) => toStringValue(cidr) ?? toStringValue(field(asRecord(cidr), 'cidrIp')) ?? [])
    : [];
  return [
    ...new Set([
      ...cidrs(field(permission, 'ipv4Ranges'), 'cidrIp'),
      ...cidrs(field(permission, 'ipv6Ranges'), 'cidrIpv6'),
      ...legacy,
    ]),
  ];
}

/** AWS::EC2::VPC. https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_Vpc.html */
export function vpcFacts(item: ConfigItem): AwsVpcFacts {
  return { vpcId: configString(item, 'vpcId') };
}

/** AWS::EC2::FlowLog. https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_FlowLog.html */
export function flowLogFacts(item: ConfigItem): AwsFlowLogFacts {
  return {
    resourceId: configString(item, 'resourceId'),
    flowLogStatus: configString(item, 'flowLogStatus'),
  };
}
