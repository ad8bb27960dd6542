import type {
  AwsFlowLogFacts,
  AwsOpenIngressRule,
  AwsSecurityGroupFacts,
  AwsVpcFacts,
} from '../../../model/aws.ts';
import { explicit, type Fact } from '../../../model/fact.ts';
import { asRecord, type ConfigItem } from '../config-item.ts';
import { absent, configString, field, toNumber, toStringValue } from './fields.ts';

/** Sources that stand for the whole internet. */
const OPEN_SOURCES = new Set(['0.0.0.0/0', '::/0']);

/**
 * AWS::EC2::SecurityGroup: the inbound rules open to the internet. Each `ipPermissions` entry
 * names its sources in `ipv4Ranges[].cidrIp`, `ipv6Ranges[].cidrIpv6` and the older flat
 * `ipRanges`; all traffic is `ipProtocol: "-1"` with no ports. Query output may write ports
 * as floats (`22.0`).
 * https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_IpPermission.html
 */
export function securityGroupFacts(item: ConfigItem): AwsSecurityGroupFacts {
  return { openIngress: openIngress(item) };
}

function openIngress(item: ConfigItem): Fact<readonly AwsOpenIngressRule[]> {
  const path = 'configuration.ipPermissions';
  const permissions = field(item.configuration, 'ipPermissions');
  if (!Array.isArray(permissions)) return absent(item, path);
  const rules = permissions.flatMap((entry) => {
    const permission = asRecord(entry) ?? {};
    const protocol = String(field(permission, 'ipProtocol') ?? '-1').toLowerCase();
    const allTraffic = protocol === '-1';
    return sourcesOf(permission)
      .filter((source) => OPEN_SOURCES.has(source))
      .map((source) => ({
        protocol,
        fromPort: allTraffic ? null : (toNumber(field(permission, 'fromPort')) ?? null),
        toPort: allTraffic ? null : (toNumber(field(permission, 'toPort')) ?? null),
        source,
      }));
  });
  return explicit(rules, path);
}

function sourcesOf(permission: Record<string, unknown>): string[] {
  const cidrs = (list: unknown, key: string) =>
    Array.isArray(list) ? list.flatMap((range) => toStringValue(field(asRecord(range), key)) ?? []) : [];
  const flat = field(permission, 'ipRanges');
  const legacy = Array.isArray(flat) ? flat.flatMap((cidr) => toStringValue(cidr) ?? []) : [];
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
