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
