import type { AwsEksClusterFacts } from '../../../model/aws.ts';
import { cloudDefault, explicit, type Fact, factPath, unexpectedType } from '../../../model/fact.ts';
import { asRecord, type ConfigItem } from '../config-item.ts';
import { absent, carries, field, stringListOf, stringsOf, toBoolean } from './fields.ts';

const VPC_CONFIG = 'configuration.ResourcesVpcConfig';

/**
 * AWS::EKS::Cluster (`ResourcesVpcConfig`, `Logging.ClusterLogging.EnabledTypes[].Type`).
 * EKS defaults: the API server endpoint is public, open to 0.0.0.0/0, and no control plane
 * log is sent to CloudWatch Logs. The EKS API's answer (`resourcesVpcConfig`, camelCase) left
 * out the endpoint's access and logging only before they existed (March and April 2019), when
 * every endpoint was public and logged nothing.
 * Config's items are CloudFormation-shaped (`ResourcesVpcConfig`), and its first ones (2021,
 * before CloudFormation's schema had them) record the VPC's subnets and security groups only, no
 * endpoint access and no `Logging`, though DescribeCluster answered them: a Config VPC
 * configuration without `EndpointPublicAccess` shows neither the endpoint's access nor the
 * logging (unknown, not EKS's defaults).
 * https://docs.aws.amazon.com/eks/latest/userguide/cluster-endpoint.html
 * https://docs.aws.amazon.com/eks/latest/userguide/control-plane-logs.html
 */
export function eksClusterFacts(item: ConfigItem): AwsEksClusterFacts {
  const vpc = asRecord(field(item.configuration, 'ResourcesVpcConfig'));
  const firstSchema =
    vpc !== undefined &&
    'ResourcesVpcConfig' in item.configuration &&
    carries(item, VPC_CONFIG) &&
    field(vpc, 'EndpointPublicAccess') === undefined;
  const endpointPublicAccess = publicAccess(item, vpc, firstSchema);
  return {
    endpointPublicAccess,
    publicAccessCidrs: accessCidrs(item, vpc, firstSchema),
    enabledLogTypes: enabledLogTypes(item, firstSchema),
    // A public endpoint is reachable over the internet, even when limited to some CIDRs.
    reachableFromInternet: endpointPublicAccess,
  };
}

function publicAccess(
  item: ConfigItem,
  vpc: Record<string, unknown> | undefined,
  firstSchema: boolean,
): Fact<boolean> {
  const path = factPath(VPC_CONFIG, 'EndpointPublicAccess');
  const raw = field(vpc, 'EndpointPublicAccess');
  const value = toBoolean(raw);
  if (value !== undefined) return explicit(value, path);
  if (raw !== undefined && raw !== null) return unexpectedType(path);
  if (!carries(item, path) || !vpc || firstSchema) return absent(item, path);
  return cloudDefault(true, path, {
    ja: 'EKS の API サーバーエンドポイントは既定でパブリックです',
    en: 'the EKS API server endpoint is public by default',
  });
}

function accessCidrs(
  item: ConfigItem,
  vpc: Record<string, unknown> | undefined,
  firstSchema: boolean,
): Fact<readonly string[]> {
  const path = factPath(VPC_CONFIG, 'PublicAccessCidrs');
  const cidrs = field(vpc, 'PublicAccessCidrs');
  if (Array.isArray(cidrs)) {
    const list = stringListOf(cidrs);
    return list ? explicit(list, path) : unexpectedType(path);
  }
  if (!carries(item, path) || !vpc || firstSchema) return absent(item, path);
  return cloudDefault(['0.0.0.0/0'], path, {
    ja: 'パブリックエンドポイントへのアクセス元 CIDR の既定は 0.0.0.0/0（制限なし）です',
    en: 'the public endpoint accepts 0.0.0.0/0 (anyone) by default',
  });
}

function enabledLogTypes(item: ConfigItem, firstSchema: boolean): Fact<readonly string[]> {
  const path = 'configuration.Logging.ClusterLogging.EnabledTypes';
  const logging = asRecord(field(item.configuration, 'Logging'));
  const enabled = field(asRecord(field(logging, 'ClusterLogging')), 'EnabledTypes');
  if (Array.isArray(enabled))
    return explicit(stringsOf(enabled.map((entry) => field(asRecord(entry), 'Type'))), path);
  if (!carries(item, path) || firstSchema) return absent(item, path);
  return cloudDefault([], path, {
    ja: 'コントロールプレーンのログ設定がありません: EKS の既定ではどのログも CloudWatch Logs に送られません',
    en: 'no control plane logging configured: by default EKS sends no control plane log to CloudWatch Logs',
  });
}
