import type { Resource } from '../../model/resource.ts';
import { membersOf, scopesOf } from '../scoutsuite-scopes.ts';
import { asRecord } from './config-item.ts';
import { type ScoutRun, scoutResource } from './scoutsuite-item.ts';

/*
 * ScoutSuite's VPCs, security groups, instances and flow logs as Config items
 * (ScoutSuite/providers/aws/resources/{ec2,vpc}, vpcs.py).
 */

/**
 * `services.ec2.regions.<r>.vpcs.<vpc>.{security_groups, instances}` and
 * `services.vpc.regions.<r>.{vpcs, flow_logs}`. Both services list the region's VPCs: each is
 * read once.
 */
export function* networkResources(services: Record<string, unknown>, run: ScoutRun): Generator<Resource> {
  const vpcs = new Map<string, Resource>();
  for (const service of [services.vpc, services.ec2])
    for (const [region, scope] of scopesOf(service, 'regions'))
      for (const [id, vpc] of membersOf(scope.vpcs)) {
        const key = `${region}/${id}`;
        if (id.startsWith('vpc-') && !vpcs.has(key)) vpcs.set(key, vpcResource(id, vpc, region, run));
      }
  yield* vpcs.values();
  for (const [region, scope] of scopesOf(services.ec2, 'regions'))
    for (const [vpcId, vpc] of membersOf(scope.vpcs)) {
      for (const [id, group] of membersOf(vpc.security_groups))
        yield securityGroupResource(id, group, vpcId, region, run);
      for (const [id, instance] of membersOf(vpc.instances))
        yield instanceResource(id, instance, region, run);
    }
  for (const [region, scope] of scopesOf(services.vpc, 'regions'))
    for (const [id, flowLog] of membersOf(scope.flow_logs)) yield flowLogResource(id, flowLog, region, run);
}

/** ScoutSuite's VPC: `id`, `cidr_block`, `default`, `state` and the Name tag as `name`. */
function vpcResource(id: string, vpc: Record<string, unknown>, region: string, run: ScoutRun): Resource {
  return scoutResource(
    {
      resourceType: 'AWS::EC2::VPC',
      id,
      name: typeof vpc.name === 'string' ? vpc.name : undefined,
      region,
      arn: `arn:${run.partition}:ec2:${region}:${run.account}:vpc/${id}`,
      configuration: {
        vpcId: id,
        ...(typeof vpc.cidr_block === 'string' && { cidrBlock: vpc.cidr_block }),
        ...(typeof vpc.default === 'boolean' && { isDefault: vpc.default }),
        ...(typeof vpc.state === 'string' && { state: vpc.state }),
      },
    },
    run,
  );
}

/**
 * ScoutSuite's security group: its inbound rules regrouped as
 * `rules.ingress.protocols.<TCP|UDP|ICMP|ALL|…>.ports.<"22" | "0-65535" | …>.{cidrs: [{CIDR}],
 * security_groups: [pairs]}` (ec2/securitygroups.py), read back into Config's `ipPermissions`.
 */
function securityGroupResource(
  id: string,
  group: Record<string, unknown>,
  vpcId: string,
  region: string,
  run: ScoutRun,
): Resource {
  const permissions = ipPermissions(asRecord(asRecord(asRecord(group.rules)?.ingress)?.protocols));
  return scoutResource(
    {
      resourceType: 'AWS::EC2::SecurityGroup',
      id,
      name: typeof group.name === 'string' ? group.name : undefined,
      region,
      arn: `arn:${run.partition}:ec2:${region}:${run.account}:security-group/${id}`,
      configuration: {
        groupId: id,
        ...(typeof group.name === 'string' && { groupName: group.name }),
        vpcId,
        ...(permissions && { ipPermissions: permissions }),
      },
      tags: group.tags,
    },
    run,
  );
}

/**
 * The rules as IpPermissions, one per protocol and port range. ScoutSuite keeps a rule's CIDRs
 * (IPv4 and IPv6 alike) and security groups but drops its prefix lists: a port range it lists
 * with neither has its sources in a prefix list, read as one that is not in the inventory (never
 * resolved, so never a pass). A prefix list beside CIDRs in the same rule leaves no trace.
 * Undefined when the rules cannot be read back (a port range that is no range).
 */
function ipPermissions(
  protocols: Record<string, unknown> | undefined,
): Record<string, unknown>[] | undefined {
  if (!protocols) return undefined;
  const permissions: Record<string, unknown>[] = [];
  for (const [name, protocol] of membersOf(protocols)) {
    const ipProtocol = name === 'ALL' ? '-1' : name.toLowerCase();
    for (const [portRange, grants] of membersOf(protocol.ports)) {
      const ports = portsOf(ipProtocol, portRange);
      if (!ports) return undefined;
      const cidrs = Array.isArray(grants.cidrs) ? grants.cidrs.map(cidrOf) : [];
      if (cidrs.includes(undefined)) return undefined;
      const pairs = Array.isArray(grants.security_groups) ? grants.security_groups : [];
      permissions.push({
        ipProtocol,
        ...ports,
        ipv4Ranges: (cidrs as string[]).filter((cidr) => !cidr.includes(':')).map((cidrIp) => ({ cidrIp })),
        ipv6Ranges: (cidrs as string[])
          .filter((cidr) => cidr.includes(':'))
          .map((cidrIpv6) => ({ cidrIpv6 })),
        prefixListIds:
          cidrs.length === 0 && pairs.length === 0 ? [{ prefixListId: UNNAMED_PREFIX_LIST }] : [],
      });
    }
  }
  return permissions;
}

/** What stands for a prefix list ScoutSuite leaves unnamed. */
const UNNAMED_PREFIX_LIST = 'a prefix list (ScoutSuite keeps no id)';

/** A grant's CIDR: `{CIDR, CIDRName}` once ScoutSuite named it, or the CIDR alone. */
function cidrOf(grant: unknown): string | undefined {
  if (typeof grant === 'string') return grant;
  const cidr = asRecord(grant)?.CIDR;
  return typeof cidr === 'string' ? cidr : undefined;
}

/**
 * The port range of a key: all traffic has none; ICMP's keys are message types, not ports; a
 * port is "22", a range "0-65535" (also "-1" where the API gave -1). Undefined when a TCP or
 * UDP key is no port range, which cannot be read as a narrower one.
 */
function portsOf(protocol: string, key: string): { fromPort?: number; toPort?: number } | undefined {
  if (protocol === '-1' || protocol.startsWith('icmp')) return {};
  const range = /^(-?\d+)(?:-(\d+))?$/.exec(key.trim());
  if (!range) return PORT_PROTOCOLS.has(protocol) ? undefined : {};
  const from = Number(range[1]);
  return { fromPort: from, toPort: range[2] === undefined ? from : Number(range[2]) };
}

const PORT_PROTOCOLS = new Set(['tcp', 'udp', '6', '17']);

/** ScoutSuite's instance: `id`, `availability_zone`, `Tags` and some more, for what and where it is. */
function instanceResource(
  id: string,
  instance: Record<string, unknown>,
  region: string,
  run: ScoutRun,
): Resource {
  return scoutResource(
    {
      resourceType: 'AWS::EC2::Instance',
      id,
      name: typeof instance.name === 'string' ? instance.name : undefined,
      region,
      arn: `arn:${run.partition}:ec2:${region}:${run.account}:instance/${id}`,
      configuration: {
        instanceId: id,
        ...(typeof instance.availability_zone === 'string' && {
          placement: { availabilityZone: instance.availability_zone },
        }),
      },
      tags: instance.Tags,
    },
    run,
  );
}

/** vpc/flow_logs.py: DescribeFlowLogs' FlowLog in snake_case (`resource_id`, `flow_log_status`). */
function flowLogResource(
  id: string,
  flowLog: Record<string, unknown>,
  region: string,
  run: ScoutRun,
): Resource {
  return scoutResource(
    {
      resourceType: 'AWS::EC2::FlowLog',
      id,
      region,
      arn: `arn:${run.partition}:ec2:${region}:${run.account}:vpc-flow-log/${id}`,
      configuration: {
        flowLogId: id,
        ...(typeof flowLog.resource_id === 'string' && { resourceId: flowLog.resource_id }),
        ...(typeof flowLog.flow_log_status === 'string' && { flowLogStatus: flowLog.flow_log_status }),
        ...(typeof flowLog.traffic_type === 'string' && { trafficType: flowLog.traffic_type }),
        ...(typeof flowLog.log_destination === 'string' && { logDestination: flowLog.log_destination }),
      },
      tags: flowLog.tags,
    },
    run,
  );
}
