import { ACCOUNT, REGION, snapshotItem } from '../../../sources/aws/builders.ts';

/** An EKS cluster's Config item, for the aws.eks.* cases. */
export const arn = `arn:aws:eks:${REGION}:${ACCOUNT}:cluster/city-platform`;
export const cluster = (configuration: Record<string, unknown>) =>
  snapshotItem(
    'AWS::EKS::Cluster',
    'city-platform',
    { Name: 'city-platform', Version: '1.33', Arn: arn, ...configuration },
    { arn, name: 'city-platform' },
  );

/**
 * An ECS cluster's Config item: a container cluster too, with no Kubernetes control plane (AWS
 * Config resource schema AWS::ECS::Cluster: ClusterName, ClusterSettings, CapacityProviders).
 */
const ecsArn = `arn:aws:ecs:${REGION}:${ACCOUNT}:cluster/city-batch`;
export const ecsCluster = snapshotItem(
  'AWS::ECS::Cluster',
  'city-batch',
  {
    ClusterName: 'city-batch',
    Arn: ecsArn,
    ClusterSettings: [{ Name: 'containerInsights', Value: 'enabled' }],
  },
  { arn: ecsArn, name: 'city-batch' },
);
