import { describe, expect, it } from 'vitest';
import clusterControlPlaneLogging from '../../../src/checks/aws/eks/cluster-control-plane-logging.ts';
import clusterEndpointAccess from '../../../src/checks/aws/eks/cluster-endpoint-access.ts';
import { evaluate } from '../../helpers/checks.ts';
import { ACCOUNT, REGION, snapshotItem } from '../../sources/aws/builders.ts';
import { tenancy } from './harness.ts';

const arn = `arn:aws:eks:${REGION}:${ACCOUNT}:cluster/city-platform`;
const cluster = (configuration: Record<string, unknown>) =>
  snapshotItem(
    'AWS::EKS::Cluster',
    'city-platform',
    { Name: 'city-platform', Version: '1.33', Arn: arn, ...configuration },
    { arn, name: 'city-platform' },
  );
const vpcConfig = (settings: Record<string, unknown>) => ({
  ResourcesVpcConfig: { SubnetIds: ['subnet-1'], SecurityGroupIds: [], ...settings },
});

describe('aws.eks.cluster-endpoint-access', () => {
  it.each([
    [
      'private only',
      vpcConfig({ EndpointPublicAccess: false, EndpointPrivateAccess: true }),
      'PASS',
      'private',
    ],
    [
      'public, limited CIDRs',
      vpcConfig({ EndpointPublicAccess: true, PublicAccessCidrs: ['203.0.113.0/24'] }),
      'PASS',
      'restricted',
    ],
    [
      'public to 0.0.0.0/0',
      vpcConfig({ EndpointPublicAccess: true, PublicAccessCidrs: ['0.0.0.0/0'] }),
      'FAIL',
      'open',
    ],
    ['nothing set (EKS defaults: public, 0.0.0.0/0)', vpcConfig({}), 'FAIL', 'open'],
    ['no ResourcesVpcConfig', {}, 'UNKNOWN', 'unknown'],
  ])('%s → %s', (_, configuration, status, message) => {
    expect(evaluate(clusterEndpointAccess, tenancy({ items: [cluster(configuration)] }), arn)).toMatchObject({
      status,
      message,
    });
  });

  it('says the defaults decided, and fills reachableFromInternet', () => {
    const resources = tenancy({ items: [cluster(vpcConfig({}))] });
    expect(evaluate(clusterEndpointAccess, resources, arn).evidence).toMatchObject([
      { source: 'default', value: true },
      { source: 'default', value: ['0.0.0.0/0'] },
    ]);
    expect(resources[0]?.facts).toMatchObject({ reachableFromInternet: { source: 'default', value: true } });
  });
});

describe('aws.eks.cluster-control-plane-logging', () => {
  const logging = (...types: string[]) => ({
    Logging: { ClusterLogging: { EnabledTypes: types.map((Type) => ({ Type })) } },
  });
  it.each([
    ['api, audit, authenticator', logging('api', 'audit', 'authenticator'), 'PASS', 'logged', undefined],
    ['api only', logging('api'), 'FAIL', 'missing', ['audit', 'authenticator']],
    ['no Logging (default: none)', {}, 'FAIL', 'missing', ['api', 'audit', 'authenticator']],
  ])('%s → %s', (_, configuration, status, message, missing) => {
    const result = evaluate(clusterControlPlaneLogging, tenancy({ items: [cluster(configuration)] }), arn);
    expect(result).toMatchObject({ status, message });
    expect(result.data?.['missing']).toEqual(missing);
  });

  it('is UNKNOWN when a SELECT did not return the logging configuration', () => {
    const row = {
      accountId: ACCOUNT,
      awsRegion: REGION,
      arn,
      resourceId: 'city-platform',
      resourceName: 'city-platform',
      resourceType: 'AWS::EKS::Cluster',
      configuration: { Name: 'city-platform' },
    };
    expect(evaluate(clusterControlPlaneLogging, tenancy({ selectRows: [row] }), arn)).toMatchObject({
      status: 'UNKNOWN',
    });
  });
});
