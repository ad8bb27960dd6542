import type { AwsVpcFacts } from '../../../model/aws.ts';
import { cloudDefault } from '../../../model/fact.ts';
import type { Resource } from '../../../model/resource.ts';
import { isCreated, type TfInstance } from '../document.ts';
import type { JsonObject } from '../kind.ts';
import type { Translation } from '../translation.ts';
import {
  type Attachment,
  attachmentsListed,
  type BuildContext,
  type TerraformAdapter,
  type Unit,
} from './adapter.ts';
import { configItem, fromConfigItem } from './aws-record.ts';

/**
 * aws_vpc and aws_flow_log as Config's AWS::EC2::VPC and AWS::EC2::FlowLog, so the VPC flow-log
 * check finds a VPC's flow logs as it does in an export.
 * https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/flow_log
 */

const VPC = 'aws_vpc';
const FLOW_LOG = 'aws_flow_log';

/** A VPC's id: its own once known; for a VPC the plan creates, its address, which names it in the plan. */
function vpcIdOf(vpc: TfInstance, tr: Translation, ctx: BuildContext, nativePath: string): string {
  const read = tr.valuesOf(vpc).read('id');
  tr.mark(nativePath, `${vpc.address}.id`, 'known');
  return read.state === 'known' && typeof read.value === 'string' ? read.value : ctx.idOf(vpc);
}

function vpc(unit: Unit, tr: Translation, ctx: BuildContext): Resource {
  const configuration: JsonObject = { vpcId: vpcIdOf(unit.primary, tr, ctx, 'configuration.vpcId') };
  const resource = fromConfigItem(configItem('AWS::EC2::VPC', configuration), tr);
  const vpc = unit.primary;
  const isNew = isCreated(vpc);
  const facts: AwsVpcFacts = { flowLogsListed: attachmentsListed(vpc, isNew, VPC_FLOW_LOGS, ctx) };
  return { ...resource, facts: { ...resource.facts, ...facts } };
}

/** A VPC's flow logs: those of the plan are all a VPC it creates has (attachmentsListed). */
const VPC_FLOW_LOGS: Attachment = {
  type: FLOW_LOG,
  targets: ['vpc_id'],
  targetTypes: [VPC],
  existing: {
    ja: 'この VPC は既存のため、Terraform の構成の外で作られたフローログは計画に現れません',
    en: 'the VPC exists already: flow logs made outside the Terraform configuration are not in the plan',
  },
  unnamed: {
    ja: '計画のフローログが対象とする VPC が適用後まで分からないため、この VPC のフローログかどうか判断できません',
    en: "a flow log of the plan names a VPC known only after apply: it may be this VPC's",
  },
};

/**
 * A flow log of a VPC (`vpc_id`), subnet, network interface or transit gateway. A flow log the
 * plan makes is ACTIVE, the only status EC2 reports.
 */
function flowLog(unit: Unit, tr: Translation, ctx: BuildContext): Resource {
  const log = unit.primary;
  const configuration: JsonObject = {};
  const targetPath = 'configuration.resourceId';
  const [target] =
    tr.valuesOf(log).read('vpc_id').state === 'unknown' ? ctx.referenced(log, 'vpc_id', [VPC]) : [];
  if (target) {
    tr.mark(targetPath, `${log.address}.vpc_id`, 'known');
    configuration.resourceId = vpcIdOf(target, tr, ctx, targetPath);
  } else {
    for (const attribute of [
      'vpc_id',
      'subnet_id',
      'eni_id',
      'transit_gateway_id',
      'transit_gateway_attachment_id',
    ]) {
      if (tr.valuesOf(log).read(attribute).state === 'absent') continue;
      configuration.resourceId = tr.read(log, attribute, targetPath);
      break;
    }
  }
  const resource = fromConfigItem(configItem('AWS::EC2::FlowLog', configuration), tr);
  return {
    ...resource,
    facts: {
      ...resource.facts,
      flowLogStatus: cloudDefault('ACTIVE', `${log.address} (flow log status)`, {
        ja: '作成されたフローログの状態は ACTIVE です（EC2 が返す唯一の状態）',
        en: 'a flow log is ACTIVE once created (the only status EC2 reports)',
      }),
    },
  };
}

export const awsVpcAdapters: Readonly<Record<string, TerraformAdapter>> = {
  [VPC]: { provider: 'aws', build: vpc },
  [FLOW_LOG]: { provider: 'aws', build: flowLog },
};
