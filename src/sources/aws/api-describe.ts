import { picked, type Resource } from '../../model/resource.ts';
import type { DocumentFormat } from '../format.ts';
import { answerResources, only, type PathPlace, placeInPath, type UnnamedAnswer } from './cli-answer.ts';
import { asRecord, decodeJsonValue } from './config-item.ts';
import { configItemsToResources } from './config-items-reader.ts';
import { DESCRIBE_APIS, type DescribeApi } from './describe-apis.ts';
import { emptyListingMember, emptyListingRecords, isLastPage, resourceNamedInPath } from './empty-listing.ts';
import { iamListingAnswerRecords } from './iam-listing.ts';
import { rotationStatusItem, unnamedAnswer } from './unnamed-answers.ts';

/**
 * The services' own describe output, as `aws rds describe-db-instances`, `aws cloudtrail
 * describe-trails`, `aws kms describe-key`, `aws iam get-account-authorization-details` and SDK
 * recordings (Cloud Custodian's placebo data) write it: `{"DBInstances": [...]}`, `{"KeyMetadata": {...}}`. Config records the same
 * structures (its field names are the API's in lower camel case, which the adapters read in
 * either case), so each entry is read as a configuration item of its type. The APIs leave out
 * what is not set (a log group that never expires has no `retentionInDays`), as Config does, so
 * an absent field of the structure takes the cloud's default; what other calls return (a key's
 * rotation status) stays unknown. The tags each entry carries (`Tags`, RDS's `TagList`, EKS's
 * `tags`) are the resource's. EKS alone lists its logging as the API does
 * (`logging.clusterLogging[].{types, enabled}`), which is read as Config's `EnabledTypes`.
 * Account and region come from the resource's ARN, else its availability zone and the file
 * name; an entry that names neither is skipped with the reason.
 */
export const awsApiDescribeFormat: DocumentFormat = {
  kind: 'document',
  id: 'aws-api-describe',
  provider: 'aws',
  description:
    'AWS API describe output ({"DBInstances"}, {"DBClusters"}, {"DBSnapshots"}, {"trailList"}, {"logGroups"}, {"KeyMetadata"}, {"cluster"} of EKS, {"Table"} of DynamoDB, {"Attributes"} of SQS and SNS, {"Volumes"}, {"Reservations"} of EC2 instances, {"Vpcs"}, {"FlowLogs"}, {"SecurityGroups"}, {"FileSystems"} of EFS and FSx, {"SecretList"} of secretsmanager list-secrets and describe-secret, {"Clusters"} of Redshift, {"DomainStatusList"} / {"DomainStatus"} of es and opensearch, {"Snapshots"} of EBS, {"repositories"} of ECR, {"CacheClusters"} / {"ReplicationGroups"} of ElastiCache, {"Workspaces"}, {"ClusterInfoList"} of MSK, {"StreamDescription"} / {"StreamDescriptionSummary"} of Kinesis, {"BackupVaultList"} of backup list-backup-vaults), kms get-key-rotation-status, lambda list-functions / get-function / get-function-configuration / get-policy, iam get-account-authorization-details, get-role / list-roles, get-user / list-users and get-group; guardduty get-detector / list-detectors, cloudtrail get-trail-status / get-event-selectors, s3api list-buckets and get-bucket-encryption / get-public-access-block / get-bucket-policy / get-bucket-policy-status / get-bucket-acl / get-bucket-logging / get-bucket-location, which name no resource or account, placed by the dump’s <account>/<region>/ folders and file name',
  matches(document) {
    return (
      membersOf(document).length > 0 ||
      singleItem(document, {}, '') !== undefined ||
      emptyListingMember(document) !== undefined
    );
  },
  *read(document, ctx) {
    // The account has none of them in the Region: no resource, and nothing that failed; a
    // scope listing says so of its scope.
    const empty = emptyListingMember(document);
    if (empty !== undefined) {
      yield* emptyListingRecords(document, empty, ctx);
      yield* iamListingAnswerRecords(document, [], ctx);
      return;
    }
    const place = placeInPath(ctx.file);
    const single = singleItem(document, place, ctx.file);
    if (single && 'skip' in single) {
      ctx.skip(single.skip, { index: 0 });
      return;
    }
    if (single) {
      yield* answerResources(single, ctx);
      return;
    }
    // `get-account-authorization-details` answers with four members; the others with one.
    const members = membersOf(document);
    for (const member of membersNotListed(document, members))
      ctx.skip(`${member}: not a list (expected a list of its entries)`, { index: 0 });
    const entries = members.flatMap(({ api, entries, partial }) =>
      entries.map((entry) => ({ api, entry: asRecord(entry), partial: partial === true })),
    );
    const read: Resource[] = [];
    for (const [index, { api, entry, partial }] of entries.entries()) {
      const unplaced = !entry
        ? `${api.member}: an entry that is not an object (expected ${api.resourceType})`
        : api.command
          ? (othersEntry(api, api.command, entry, place) ?? unplacedEntry(api, api.command, entry, place))
          : undefined;
      if (unplaced) ctx.skip(unplaced, { index });
      else if (entry) {
        // An entry of an API that never answers tags has them unknown, the API's note naming what
        // holds them; one that carries them (a later version, a script's) has them known.
        read.push(
          ...configItemsToResources([describeEntryItem(api, entry, place)], ctx, partial, index, {
            ...(api.unknownTags && { tagsNotGiven: api.unknownTags }),
          }),
        );
      }
    }
    yield* isSelection(document, ctx.file) ? picked(read) : read;
    // The entries alone (`--query Roles`) may be a query's choice of them: no listing.
    if (!Array.isArray(document)) yield* iamListingAnswerRecords(document, read, ctx);
  },
};

/**
 * An entry of another account that the command lists beside the account's own (`ec2
 * describe-snapshots` without `--owner-ids self` lists every public snapshot): named by an owner
 * alias (`amazon`), or owned by another account than the dump's folders name.
 */
function othersEntry(
  api: DescribeApi,
  command: string,
  entry: Record<string, unknown>,
  place: PathPlace,
): string | undefined {
  if (!api.listsOthers || !api.owner) return undefined;
  const owner = entry[api.owner];
  const alias = entry['OwnerAlias'];
  if (typeof alias !== 'string' && (!place.account || typeof owner !== 'string' || owner === place.account))
    return undefined;
  const id = api.id.map((field) => entry[field]).find((value) => typeof value === 'string');
  return `${api.resourceType} ${String(id)}: owned by ${typeof alias === 'string' ? alias : String(owner)}, not the account read: aws ${command} lists others' public ones too (--owner-ids self lists the account's own)`;
}

/**
 * Whether an answer holds some of the scope's resources only, not the listing of them all
 * (Resource.picked): the entries alone, which a query may have chosen (`--query
 * 'FlowLogs[?ResourceId==…]'`); a page with a next one; an answer whose file or folder names a
 * resource (`describe-flow-logs_vpc-0a1b2c3d.json`, asked with `--filter Name=resource-id,…`).
 * The answer itself does not say what it was asked: one with none of these signs is read as the
 * whole listing.
 */
function isSelection(document: unknown, file: string): boolean {
  const record = asRecord(document);
  return !record || !isLastPage(record) || resourceNamedInPath(file) !== undefined;
}

/**
 * An EC2 entry that names neither its account nor its Region, nor sits in folders that do: the
 * command, and what would place it, for the reason it is skipped.
 */
function unplacedEntry(
  api: DescribeApi,
  command: string,
  entry: Record<string, unknown>,
  place: PathPlace,
): string | undefined {
  if (arnOfEntry(api, entry)) return undefined;
  const lacks = [
    ...(!place.account && (!api.owner || typeof entry[api.owner] !== 'string') ? ['account'] : []),
    ...(!place.region && typeof entry['AvailabilityZone'] !== 'string' ? ['Region'] : []),
  ];
  if (lacks.length === 0) return undefined;
  const id = api.id.map((field) => entry[field]).find((value) => typeof value === 'string');
  return `${api.resourceType} ${String(id)}: no ${lacks.join(' and no ')}: aws ${command} names ${lacks.length > 1 ? 'neither' : 'none'}; saved as <account>/<region>/${command.split(' ')[1]}.json, it is read`;
}

/**
 * An answer about one resource: one that names it inside (a key's rotation status, a
 * function's policy), or one that names none and that the dump's path places; or why such an
 * answer cannot be placed.
 */
function singleItem(document: unknown, place: PathPlace, file: string): UnnamedAnswer | undefined {
  const rotation = rotationStatusItem(document, place);
  if (rotation) return rotation;
  const named = functionPolicyItem(document) ?? functionConfigurationItem(document);
  return named ? { items: [named] } : unnamedAnswer(document, place, file);
}

/**
 * `aws lambda get-function-configuration`: the function's configuration alone, get-function's
 * `Configuration` without its wrapper; its `FunctionArn` carries the version asked for
 * (`…:function:name:2`), which is the function's. Every function has a `Runtime` or, built
 * from a container image, a `PackageType`: an object with only a name and an ARN is not one.
 * https://docs.aws.amazon.com/lambda/latest/api/API_GetFunctionConfiguration.html
 */
function functionConfigurationItem(document: unknown): Record<string, unknown> | undefined {
  const record = asRecord(document);
  const name = record?.['FunctionName'];
  const arn =
    typeof record?.['FunctionArn'] === 'string' ? FUNCTION_ARN.exec(record['FunctionArn'])?.[0] : undefined;
  if (
    !record ||
    typeof name !== 'string' ||
    !arn ||
    (record['Runtime'] === undefined && record['PackageType'] === undefined)
  )
    return undefined;
  return {
    resourceType: 'AWS::Lambda::Function',
    resourceId: name,
    arn,
    configuration: { ...record, FunctionArn: arn },
  };
}

/**
 * `aws lambda get-policy`: `{"Policy": "<policy JSON>", "RevisionId"}`, which names no function
 * but its statements do (`Resource`: the function's ARN, perhaps with a version or alias). Read
 * as the function's item with only its `Policy`, which merges with its list-functions entry or
 * Config item.
 * https://docs.aws.amazon.com/lambda/latest/api/API_GetPolicy.html
 */
function functionPolicyItem(document: unknown): Record<string, unknown> | undefined {
  const record = asRecord(document);
  // Answers recorded before Lambda added RevisionId (Cloud Custodian's of 2016) have `Policy`
  // alone: the statements' function ARN tells them from a bucket's or a key's policy, which have
  // the same `{"Policy"}`.
  if (!record || record['Policy'] === undefined) return undefined;
  if (typeof record['RevisionId'] !== 'string' && !only(record, ['Policy'])) return undefined;
  const policy = asRecord(decodeJsonValue(record['Policy']));
  const statements = policy?.['Statement'];
  const resources = (Array.isArray(statements) ? statements : [statements]).flatMap((statement) => {
    const resource = asRecord(statement)?.['Resource'];
    return Array.isArray(resource) ? resource : [resource];
  });
  const arn = resources
    .map((resource) => (typeof resource === 'string' ? FUNCTION_ARN.exec(resource)?.[0] : undefined))
    .find((found) => found !== undefined);
  if (!arn) return undefined;
  return {
    resourceType: 'AWS::Lambda::Function',
    resourceId: arn.slice(arn.lastIndexOf(':') + 1),
    arn,
    configuration: {},
    supplementaryConfiguration: { Policy: record['Policy'] },
  };
}

/** A function's ARN, without the version or alias that may follow it. */
const FUNCTION_ARN = /^arn:aws[\w-]*:lambda:[a-z0-9-]+:\d{12}:function:[A-Za-z0-9_-]+/;

/**
 * Known list members of an answer that are there but not lists, beside members it was read by
 * (`RoleDetailList` as an object beside `UserDetailList`): what they hold is not read, and says so.
 */
function membersNotListed(document: unknown, read: readonly unknown[]): Set<string> {
  const record = asRecord(document) ?? {};
  const listed = (value: unknown) => value === undefined || value === null || Array.isArray(value);
  const notListed =
    read.length === 0 ? [] : DESCRIBE_APIS.filter((api) => api.list && !listed(record[api.member]));
  return new Set(notListed.map((api) => api.member));
}

/** The known members of a response whose first entry carries the id its API names. */
function membersOf(
  document: unknown,
): { api: DescribeApi; entries: readonly unknown[]; partial?: boolean }[] {
  if (Array.isArray(document)) {
    // The entries alone (`--query DBInstances`, `jq '.Functions'`): with no member to name the
    // API, the first entry's own ARN and id fields must, as a lone object's do. A query may have
    // kept some fields only (`{DBInstanceArn: DBInstanceArn, …}`): what an entry leaves out is
    // unknown, not the API's default.
    const first = asRecord(document[0]);
    const api = DESCRIBE_APIS.find(
      (each) => each.list && each.member !== 'Reservations' && first !== undefined && fits(each, first, true),
    );
    return api ? [{ api, entries: document, partial: true }] : [];
  }
  const record = asRecord(document);
  if (!record) return [];
  return DESCRIBE_APIS.flatMap((api) => {
    const value =
      api.member === ''
        ? record
        : api.member === 'Reservations'
          ? instancesOf(record[api.member])
          : api.member === 'Configuration'
            ? withFunctionTags(record)
            : record[api.member];
    const first = asRecord(api.list ? (Array.isArray(value) ? value[0] : undefined) : value);
    // A lone object is taken only with its ARN: `{"cluster": …}` or `{"Table": …}` alone say little.
    if (!first || !fits(api, first, !api.list)) return [];
    return [{ api, entries: api.list ? (value as unknown[]) : [value] }];
  });
}

/** Whether an entry is one of the API's: its id, its marks, and where `withArn`, its own ARN. */
function fits(api: DescribeApi, first: Readonly<Record<string, unknown>>, withArn: boolean): boolean {
  if (!api.id.some((field) => typeof first[field] === 'string')) return false;
  if (api.marker && !(api.marker in first)) return false;
  if (api.foreign?.some((field) => field in first)) return false;
  if (api.arnPattern && !api.arnPattern.test(String(arnOfEntry(api, first) ?? ''))) return false;
  return !withArn || api.arn.some((field) => String(first[field] ?? '').startsWith('arn:'));
}

/**
 * `aws ec2 describe-instances`: `Reservations[].Instances[]`, the owning account on the
 * reservation (`OwnerId`) and the zone under `Placement`: each instance with both beside it.
 */
function instancesOf(reservations: unknown): unknown {
  if (!Array.isArray(reservations)) return undefined;
  return reservations.flatMap((entry) => {
    const reservation = asRecord(entry);
    const instances = reservation?.['Instances'];
    if (!Array.isArray(instances)) return [];
    return instances.flatMap((item) => {
      const instance = asRecord(item);
      return instance ? [instanceEntry(instance, reservation?.['OwnerId'])] : [];
    });
  });
}

/** An instance with its reservation's owning account (where known) and its zone beside it. */
export function instanceEntry(
  instance: Readonly<Record<string, unknown>>,
  owner: unknown,
): Record<string, unknown> {
  const zone = asRecord(instance['Placement'])?.['AvailabilityZone'];
  return {
    ...instance,
    ...(typeof owner === 'string' && { OwnerId: owner }),
    ...(typeof zone === 'string' && { AvailabilityZone: zone }),
  };
}

/** The entry's ARN: its own, or the one its fields make. */
function arnOfEntry(api: DescribeApi, entry: Readonly<Record<string, unknown>>): string | undefined {
  const own = api.arn.map((field) => entry[field]).find((value) => typeof value === 'string');
  return typeof own === 'string' ? own : api.arnOf?.(entry);
}

/** `aws lambda get-function`: the function's `Tags` beside its `Configuration`, put with it. */
function withFunctionTags(record: Readonly<Record<string, unknown>>): unknown {
  const configuration = asRecord(record['Configuration']);
  return configuration && record['Tags'] !== undefined
    ? { ...configuration, Tags: record['Tags'] }
    : record['Configuration'];
}

/** A describe entry as the Config item of its API's type, placed by its ARN, else by `place`. */
export function describeEntryItem(
  api: DescribeApi,
  entry: Record<string, unknown>,
  place: PathPlace,
): Record<string, unknown> {
  const arn = arnOfEntry(api, entry);
  const resourceId = api.id.map((field) => entry[field]).find((value) => typeof value === 'string');
  const owner = api.owner ? entry[api.owner] : undefined;
  const name = api.name ? entry[api.name] : undefined;
  const zone = entry['AvailabilityZone'];
  // The tags as the API lists them (`Tags: [{Key, Value}]`, RDS's `TagList`, a map under EKS's
  // `tags` or get-function's `Tags`): the classification and purpose tags the checks read.
  const tags = entry['Tags'] ?? entry['TagList'] ?? entry['tags'];
  // The ARN (or zone) names the place itself; the path only stands in when it does not, or
  // names the account that lists the entry (an organization trail in a member's dump).
  const fromPath =
    typeof arn === 'string'
      ? { ...(api.listsOrganizationEntries && place.account && { accountId: place.account }) }
      : {
          ...(place.account && typeof owner !== 'string' && { accountId: place.account }),
          ...(place.region && typeof zone !== 'string' && { awsRegion: place.region }),
        };
  return {
    ...fromPath,
    resourceType: api.resourceType,
    resourceId,
    ...(typeof name === 'string' && { resourceName: name }),
    ...(typeof arn === 'string' && { arn }),
    ...(typeof owner === 'string' && { accountId: owner }),
    ...(typeof entry['AvailabilityZone'] === 'string' && { availabilityZone: entry['AvailabilityZone'] }),
    ...(tags !== undefined && { tags }),
    configuration: api.configurationOf ? api.configurationOf(entry) : entry,
  };
}
