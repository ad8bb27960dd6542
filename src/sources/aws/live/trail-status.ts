import { GetTrailStatusCommand } from '@aws-sdk/client-cloudtrail';
import type { AwsCloudTrailFacts } from '../../../model/aws.ts';
import { explicit, unknown } from '../../../model/fact.ts';
import type { Resource } from '../../../model/resource.ts';
import { describeError } from './errors.ts';
import type { Collection, Scope } from './scope.ts';

export const TRAIL_TYPE = 'AWS::CloudTrail::Trail';

/**
 * Whether each trail is logging (`GetTrailStatus` `IsLogging`), which Config does not record.
 * Each answer is emitted as a record of its own with the trail's id and only the `isLogging`
 * fact: the inventory merges it with the trail's Config item, fact by fact. The trail is named
 * by its ARN, which GetTrailStatus accepts in any region (a multi-Region trail's shadow too).
 * A trail whose status cannot be read keeps `isLogging` absent (unknown) and is listed as a gap.
 * https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_GetTrailStatus.html
 */
export async function collectTrailStatus(
  collection: Collection,
  scope: Scope,
  trails: readonly Resource[],
): Promise<void> {
  await Promise.all(
    trails.map(async (trail, index) => {
      try {
        const reply = await collection.call(scope, () =>
          scope.clients.cloudtrail.send(
            new GetTrailStatusCommand({ Name: trail.id.startsWith('arn:') ? trail.id : trail.name }),
          ),
        );
        const facts: AwsCloudTrailFacts = {
          isLogging:
            typeof reply.IsLogging === 'boolean'
              ? explicit(reply.IsLogging, 'IsLogging')
              : unknown('IsLogging', {
                  ja: 'GetTrailStatus の応答に IsLogging がありません',
                  en: 'the GetTrailStatus reply has no IsLogging',
                }),
        };
        collection.ctx.emit({
          provider: 'aws',
          account: trail.account,
          region: trail.region,
          kansaType: 'audit.trail',
          nativeType: TRAIL_TYPE,
          id: trail.id,
          name: trail.name,
          tags: {},
          facts,
          origin: { file: `aws:cloudtrail:GetTrailStatus ${scope.account} ${scope.region}`, index },
        });
      } catch (error) {
        scope.gaps.push(
          `cloudtrail:GetTrailStatus ${trail.name}: ${describeError(error)} (whether it is logging stays unknown)`,
        );
      }
    }),
  );
}
