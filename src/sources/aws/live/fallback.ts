import { DescribeTrailsCommand } from '@aws-sdk/client-cloudtrail';
import { DescribeSecurityGroupsCommand, DescribeVolumesCommand, type Tag } from '@aws-sdk/client-ec2';
import {
  DescribeKeyCommand,
  GetKeyRotationStatusCommand,
  ListKeysCommand,
  ListResourceTagsCommand,
} from '@aws-sdk/client-kms';
import type { Collection, Scope } from './index.ts';

/** What the direct calls read when a region has no Config recorder (a one-off audit). */
export const FALLBACK_COVERS = 'EC2 security groups and volumes, KMS keys, CloudTrail trails';

type Json = Record<string, unknown>;

/**
 * Without AWS Config, the headline types are read with their services' own read-only
 * Describe/List calls and put in the shape of a Config item (API dialect), so the same
 * adapters read them and `--save-inventory` writes them as Config items. Field names follow
 * the APIs (PascalCase); the adapters accept both spellings. Only EC2's `IpRanges` differs
 * from Config's `ipv4Ranges` and is renamed.
 */
export async function collectWithoutConfig(collection: Collection, scope: Scope): Promise<Json[]> {
  const parts = await Promise.all([
    securityGroups(collection, scope),
    volumes(collection, scope),
    kmsKeys(collection, scope),
    trails(collection, scope),
  ]);
  return parts.flat();
}

function item(scope: Scope, resourceType: string, resourceId: string, fields: Partial<Json>): Json {
  return {
    version: '1.3',
    accountId: scope.account,
    awsRegion: scope.region,
    configurationItemStatus: 'OK',
    resourceType,
    resourceId,
    resourceName: resourceId,
    supplementaryConfiguration: {},
    tags: {},
    ...fields,
  };
}

function ec2Tags(tags: readonly Tag[] | undefined): Record<string, string> {
  return Object.fromEntries((tags ?? []).flatMap((t) => (t.Key ? [[t.Key, t.Value ?? '']] : [])));
}

/** Dates as ISO strings, as the CLI prints them. */
function plain(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value));
}

async function securityGroups(collection: Collection, scope: Scope): Promise<Json[]> {
  const items: Json[] = [];
  let NextToken: string | undefined;
  do {
    const token = NextToken;
    const reply = await collection.call(scope, () =>
      scope.clients.ec2.send(new DescribeSecurityGroupsCommand({ MaxResults: 1000, NextToken: token })),
    );
    for (const group of reply.SecurityGroups ?? []) {
      if (!group.GroupId) continue;
      const api = Object.entries(plain(group) as Json).filter(([key]) => key !== 'IpPermissions');
      const configuration = {
        ...Object.fromEntries(api),
        ipPermissions: (group.IpPermissions ?? []).map((p) => ({
          ipProtocol: p.IpProtocol,
          fromPort: p.FromPort,
          toPort: p.ToPort,
          ipv4Ranges: (p.IpRanges ?? []).map((r) => ({ cidrIp: r.CidrIp })),
          ipv6Ranges: (p.Ipv6Ranges ?? []).map((r) => ({ cidrIpv6: r.CidrIpv6 })),
        })),
      };
      items.push(
        item(scope, 'AWS::EC2::SecurityGroup', group.GroupId, {
          resourceName: group.GroupName ?? group.GroupId,
          arn: `arn:aws:ec2:${scope.region}:${scope.account}:security-group/${group.GroupId}`,
          configuration: JSON.stringify(configuration),
          tags: ec2Tags(group.Tags),
        }),
      );
    }
    NextToken = reply.NextToken;
  } while (NextToken);
  return items;
}

async function volumes(collection: Collection, scope: Scope): Promise<Json[]> {
  const items: Json[] = [];
  let NextToken: string | undefined;
  do {
    const token = NextToken;
    const reply = await collection.call(scope, () =>
      scope.clients.ec2.send(new DescribeVolumesCommand({ MaxResults: 500, NextToken: token })),
    );
    for (const volume of reply.Volumes ?? []) {
      if (!volume.VolumeId) continue;
      items.push(
        item(scope, 'AWS::EC2::Volume', volume.VolumeId, {
          arn: `arn:aws:ec2:${scope.region}:${scope.account}:volume/${volume.VolumeId}`,
          configuration: JSON.stringify(plain(volume)),
          tags: ec2Tags(volume.Tags),
        }),
      );
    }
    NextToken = reply.NextToken;
  } while (NextToken);
  return items;
}

/** ListKeys, then per key DescribeKey, GetKeyRotationStatus and ListResourceTags. */
async function kmsKeys(collection: Collection, scope: Scope): Promise<Json[]> {
  const kms = scope.clients.kms;
  const ids: string[] = [];
  let Marker: string | undefined;
  do {
    const marker = Marker;
    const reply = await collection.call(scope, () =>
      kms.send(new ListKeysCommand({ Limit: 1000, Marker: marker })),
    );
    ids.push(...(reply.Keys ?? []).flatMap((k) => (k.KeyId ? [k.KeyId] : [])));
    Marker = reply.Truncated ? reply.NextMarker : undefined;
  } while (Marker);
  return Promise.all(
    ids.map(async (KeyId) => {
      const [described, rotation, tags] = await Promise.all([
        collection.call(scope, () => kms.send(new DescribeKeyCommand({ KeyId }))),
        // Asymmetric, HMAC and imported keys do not rotate: UnsupportedOperationException.
        collection
          .call(scope, () => kms.send(new GetKeyRotationStatusCommand({ KeyId })))
          .catch((error: unknown) => {
            if ((error as { name?: string }).name === 'UnsupportedOperationException') return undefined;
            throw error;
          }),
        collection.call(scope, () => kms.send(new ListResourceTagsCommand({ KeyId }))),
      ]);
      const metadata = described.KeyMetadata;
      return item(scope, 'AWS::KMS::Key', KeyId, {
        ...(metadata?.Arn ? { arn: metadata.Arn } : {}),
        configuration: JSON.stringify(plain(metadata ?? {})),
        supplementaryConfiguration: rotation
          ? { KeyRotationStatus: String(rotation.KeyRotationEnabled ?? false) }
          : {},
        tags: Object.fromEntries((tags.Tags ?? []).map((t) => [t.TagKey ?? '', t.TagValue ?? ''])),
      });
    }),
  );
}

/** The region's own trails (a multi-Region trail is listed in its home region only). */
async function trails(collection: Collection, scope: Scope): Promise<Json[]> {
  const reply = await collection.call(scope, () =>
    scope.clients.cloudtrail.send(new DescribeTrailsCommand({ includeShadowTrails: false })),
  );
  return (reply.trailList ?? []).flatMap((trail) =>
    trail.Name
      ? [
          item(scope, 'AWS::CloudTrail::Trail', trail.Name, {
            ...(trail.TrailARN ? { arn: trail.TrailARN } : {}),
            configuration: JSON.stringify(plain(trail)),
          }),
        ]
      : [],
  );
}
