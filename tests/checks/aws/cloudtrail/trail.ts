import { explicit } from '../../../../src/model/fact.ts';
import type { Resource } from '../../../../src/model/resource.ts';
import { ACCOUNT, snapshotItem } from '../../../sources/aws/builders.ts';

/** A CloudTrail trail's Config item, for the aws.cloudtrail.* cases. */
export const trailArn = (name: string) => `arn:aws:cloudtrail:ap-northeast-1:${ACCOUNT}:trail/${name}`;
export function trail(name: string, configuration: Record<string, unknown>) {
  return snapshotItem(
    'AWS::CloudTrail::Trail',
    name,
    {
      name,
      s3BucketName: 'audit-logs',
      homeRegion: 'ap-northeast-1',
      trailARN: trailArn(name),
      isOrganizationTrail: false,
      ...configuration,
    },
    { arn: trailArn(name) },
  );
}

/** What the live collector emits for a trail's GetTrailStatus reply (src/sources/aws/live/trail-status.ts). */
export function trailStatus(name: string, isLogging: boolean): Resource {
  return {
    provider: 'aws',
    account: ACCOUNT,
    region: 'ap-northeast-1',
    kansaType: 'audit.trail',
    nativeType: 'AWS::CloudTrail::Trail',
    id: trailArn(name),
    name,
    tags: {},
    facts: { isLogging: explicit(isLogging, 'IsLogging') },
    origin: { file: `aws:cloudtrail:GetTrailStatus ${ACCOUNT} ap-northeast-1`, index: 0 },
  };
}
