import type {
  AwsFlowLogFacts,
  AwsIpIngressRule,
  AwsPrefixListFacts,
  AwsPrefixListIngressRule,
  AwsSecurityGroupFacts,
  AwsVpcFacts,
} from '../../../model/aws.ts';
import { explicit, type Fact, unexpectedType } from '../../../model/fact.ts';
import { asRecord, type ConfigItem } from '../config-item.ts';
import { absent, configString, field, recordsOf, toNumber, toStringValue } from './fields.ts';

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
  const entries = recordsOf(permissions);
  if (!entries) return unexpectedType(path);
  const rules: AwsPrefixListIngressRule[] = [];
  for (const permission of entries) {
    const ports = portsOf(permission);
    const lists = listField(permission, 'prefixListIds');
    if (!ports || !lists) return unexpectedType(path);
    for (const list of lists) {
      // A list named by no id may be the one that admits the internet.
      const prefixListId = toStringValue(field(list, 'prefixListId'));
      if (!prefixListId) return unexpectedType(`${path}[].prefixListIds[].prefixListId`);
      rules.push({ ...ports, prefixListId });
    }
  }
  return explicit(rules, path);
}

/**
 * A list of objects under `name`: none when absent, undefined when it is no such list (an
 * entry of another type may be the rule that decides, see recordsOf).
 */
function listField(record: Record<string, unknown>, name: string): Record<string, unknown>[] | undefined {
  const list = field(record, name);
  if (list === undefined || list === null) return [];
  return Array.isArray(list) ? recordsOf(list) : undefined;
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
    cidrs: Array.isArray(entries) ? entryCidrs(entries, entriesPath) : absent(item, entriesPath),
  };
}

/** The lists's CIDRs; unknown when an entry has none kansa can read (it may be 0.0.0.0/0). */
function entryCidrs(entries: readonly unknown[], path: string): Fact<readonly string[]> {
  const cidrs = entries.map((entry) => {
    const record = asRecord(entry);
    return toStringValue(field(record, 'Cidr') ?? field(record, 'cidr'));
  });
  return cidrs.every((cidr) => cidr !== undefined) ? explicit(cidrs as string[], path) : unexpectedType(path);
}

/** Protocol and port range of one `ipPermissions` entry; all traffic (`-1`) has no ports. */
function portsOf(
  permission: Record<string, unknown>,
): Pick<AwsIpIngressRule, 'protocol' | 'fromPort' | 'toPort'> | undefined {
  const raw = field(permission, 'ipProtocol') ?? '-1';
  // A protocol is a name or its number (`tcp`, `6`); anything else cannot be told.
  if (typeof raw !== 'string' && typeof raw !== 'number') return undefined;
  const protocol = String(raw).toLowerCase();
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
  const entries = recordsOf(permissions);
  if (!entries) return unexpectedType(path);
  const rules: AwsIpIngressRule[] = [];
  for (const permission of entries) {
    const ports = portsOf(permission);
    const sources = sourcesOf(permission);
    if (!ports || !sources) return unexpectedType(path);
    for (const source of sources) rules.push({ ...ports, source });
  }
  return explicit(rules, path);
}

/** The rule's source CIDRs; undefined when a range is of an unexpected type. */
function sourcesOf(permission: Record<string, unknown>): string[] | undefined {
  const cidrs = (name: string, key: string) => {
    const ranges = listField(permission, name)?.map((range) => field(range, key));
    return ranges?.every((cidr) => typeof cidr === 'string') ? (ranges as string[]) : undefined;
  };
  // Config's older items list bare CIDRs; the EC2 API (DescribeSecurityGroups) lists `{CidrIp}`.
  // One list holds one form: a string among objects (or an object among strings) is no range.
  const flat = field(permission, 'ipRanges') ?? [];
  const bare = Array.isArray(flat) && flat.every((cidr) => typeof cidr === 'string');
  const legacy = bare
    ? flat
    : Array.isArray(flat)
      ? flat.map((cidr) => toStringValue(field(asRecord(cidr), 'cidrIp')))
      : [undefined];
  const v4 = cidrs('ipv4Ranges', 'cidrIp');
  const v6 = cidrs('ipv6Ranges', 'cidrIpv6');
  if (!v4 || !v6 || legacy.includes(undefined)) return undefined;
  return [...new Set([...v4, ...v6, ...(legacy as string[])])];
}

/**
 * AWS::EC2::VPC. Config names a VPC by its id (`resourceId`), which a query's row holds where it
 * SELECTed no `configuration.vpcId`.
 * https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_Vpc.html
 */
export function vpcFacts(item: ConfigItem): AwsVpcFacts {
  const vpcId = configString(item, 'vpcId');
  if (vpcId.source === 'unknown' && VPC_ID.test(item.resourceId))
    return { vpcId: explicit(item.resourceId, 'resourceId') };
  return { vpcId };
}

const VPC_ID = /^vpc-[0-9a-f]+$/;

/** AWS::EC2::FlowLog. https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_FlowLog.html */
export function flowLogFacts(item: ConfigItem): AwsFlowLogFacts {
  return {
    resourceId: configString(item, 'resourceId'),
    flowLogStatus: configString(item, 'flowLogStatus'),
  };
}
