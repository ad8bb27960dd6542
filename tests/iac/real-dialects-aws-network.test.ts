import { describe, expect, it } from 'vitest';
import { awsIngressRule, type Change, constant, type Json, plan, ref } from './dialect-plan.ts';
import { findingOf, scanDocument } from './helpers.ts';

/**
 * Security groups whose inline rules the plan shows in part (SOURCES.md, "Inline rules known in
 * part"): a rule admitting another group of the plan has its `security_groups` known only after
 * apply, which says nothing of the internet.
 */

const OPEN_PORTS = 'aws.ec2.security-group-open-ports';

function group(ingress: Json[], unknownIngress: Json[]): Change {
  return {
    address: 'aws_security_group.ecs',
    after: { description: 'ECS tasks', ingress, name_prefix: 'app-ecs-', revoke_rules_on_delete: false },
    afterUnknown: {
      arn: true,
      id: true,
      egress: true,
      name: true,
      owner_id: true,
      vpc_id: true,
      ingress: unknownIngress,
    },
    expressions: { ingress: ref('aws_security_group.alb.id', 'aws_security_group.alb') },
  };
}

const fromAlb = {
  ...awsIngressRule(0, '0.0.0.0/0'),
  cidr_blocks: [],
  to_port: 65535,
  security_groups: undefined,
};
const fromAlbUnknown = { cidr_blocks: [], ipv6_cidr_blocks: [], prefix_list_ids: [], security_groups: true };
const providers = { aws: { region: constant('ap-northeast-1') } };

describe('inline ingress known in part', () => {
  it('reads a rule from another group as closed to the internet', async () => {
    const scanned = await scanDocument(plan([group([fromAlb], [fromAlbUnknown])], { providers }));
    expect(findingOf(scanned, OPEN_PORTS, 'aws_security_group.ecs').status).toBe('PASS');
  });

  it('still sees SSH open to the internet beside it', async () => {
    const ssh = awsIngressRule(22, '0.0.0.0/0');
    const scanned = await scanDocument(
      plan([group([fromAlb, ssh], [fromAlbUnknown, { cidr_blocks: [false] }])], { providers }),
    );
    expect(findingOf(scanned, OPEN_PORTS, 'aws_security_group.ecs').status).toBe('FAIL');
  });

  it('leaves the rules unknown when a rule’s ranges are known only after apply', async () => {
    const ranges = { ...awsIngressRule(22, '0.0.0.0/0'), cidr_blocks: undefined };
    const scanned = await scanDocument(
      plan([group([fromAlb, ranges], [fromAlbUnknown, { cidr_blocks: true }])], { providers }),
    );
    expect(findingOf(scanned, OPEN_PORTS, 'aws_security_group.ecs').status).toBe('UNKNOWN');
  });
});

describe('provider v5 egress rule resources', () => {
  // aws_vpc_security_group_egress_rule (provider 5.x): read with its group, never as inbound.
  it('reads an all-traffic egress rule with its group, which it leaves closed', async () => {
    const egress: Change = {
      address: 'aws_vpc_security_group_egress_rule.all',
      after: { ip_protocol: '-1', cidr_ipv4: '0.0.0.0/0', cidr_ipv6: null, from_port: null, to_port: null },
      afterUnknown: { id: true, arn: true, security_group_id: true, security_group_rule_id: true },
      expressions: {
        ip_protocol: constant('-1'),
        cidr_ipv4: constant('0.0.0.0/0'),
        security_group_id: ref('aws_security_group.ecs.id', 'aws_security_group.ecs'),
      },
    };
    const scanned = await scanDocument(plan([group([], []), egress], { providers }));
    expect(scanned.coverage.skipped).toEqual([]);
    expect(findingOf(scanned, OPEN_PORTS, 'aws_security_group.ecs').status).toBe('PASS');
  });
});
