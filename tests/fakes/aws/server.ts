/**
 * A fake AWS on 127.0.0.1 that the real SDK clients talk to (client `endpoint` + static keys).
 * It routes by the SigV4 credential scope of each request (access key → account, region,
 * service) and speaks the wire protocol of each operation the collector calls:
 *
 * - AWS Config, KMS, CloudTrail: JSON 1.1, `POST /`, `x-amz-target: <Service>.<Op>`;
 * - STS, IAM, EC2, RDS: query (form-encoded `Action=…`), XML replies;
 * - S3 and S3 Control: REST-XML, path-style (`GET /<bucket>?acl`, `GET /v20180820/configuration/publicAccessBlock`);
 *
 * with paging (NextToken), per account × region × operation request quotas answered with
 * `ThrottlingException` (HTTP 400, as Config sends it), injected throttling bursts, 5xx, slow
 * replies, AccessDenied on chosen scopes, an opt-in region nobody enabled, and request
 * accounting for the tests' assertions.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { apiDialect, noSuchPasswordPolicyMessage, type Scenario, type ScenarioItem } from './scenario.ts';

export interface FakeAwsFaults {
  /** `<account> <region>` scopes whose Config calls are denied. */
  readonly deniedScopes?: ReadonlySet<string>;
  /** Accounts whose role cannot be assumed. */
  readonly deniedRoles?: ReadonlySet<string>;
  /** The first N Config requests of each listed scope are throttled. */
  readonly throttleBurst?: { readonly scopes: ReadonlySet<string> | 'all'; readonly count: number };
  /** The first N requests of each listed scope answer 500 / 503 alternately. */
  readonly serverErrors?: { readonly scopes: ReadonlySet<string>; readonly count: number };
  /** The first N Config requests of each listed scope take `ms` before answering. */
  readonly slow?: { readonly scopes: ReadonlySet<string>; readonly count: number; readonly ms: number };
  /** Added to every reply (simulated network and service time). */
  readonly latencyMs?: number;
  /** Requests per second per account × region × Config operation; over it: ThrottlingException. */
  readonly configRatePerSecond?: number;
  /** `<account> <region>` scopes without a Config recorder (EC2, KMS, CloudTrail still answer). */
  readonly recorderOff?: ReadonlySet<string>;
  /** BatchGetResourceConfig leaves every n-th key unprocessed on the first try. */
  readonly unprocessedEvery?: number;
  /** Resource ids BatchGetResourceConfig leaves unprocessed every time. */
  readonly neverProcessed?: ReadonlySet<string>;
  /** Trail names whose GetTrailStatus answers IsLogging false (every other trail is logging). */
  readonly stoppedTrails?: ReadonlySet<string>;
  /** Accounts whose GenerateCredentialReport is denied (GetAccountSummary still answers). */
  readonly credentialReportDenied?: ReadonlySet<string>;
  /** `<service>:<operation>` denied everywhere (e.g. `s3:ListBuckets`), as a policy lacking it. */
  readonly deniedOperations?: ReadonlySet<string>;
  /** This page (1-based) of every SelectResourceConfig listing answers 500 InternalFailure, every time. */
  readonly failingSelectPage?: number;
}

export interface FakeAwsStats {
  /** Requests by `<service>:<operation>`. */
  readonly byOperation: Map<string, number>;
  /** Requests by `<account> <region>`. */
  readonly byScope: Map<string, number>;
  throttled: number;
  serverErrors: number;
  total: number;
  /** The most requests seen in one second for one account × region × Config operation. */
  maxPerSecond: number;
}

export interface FakeAws {
  readonly endpoint: string;
  readonly stats: FakeAwsStats;
  /** Base credentials of the default chain: the first account's. */
  readonly credentials: { accessKeyId: string; secretAccessKey: string };
  /** Every secret the fake handed out (for the no-secret-in-logs assertion). */
  readonly secrets: string[];
  close(): Promise<void>;
}

const BASE_KEY = 'AKIAFAKEBASE00000001';
const BASE_SECRET = 'fake/base/secret/DO-NOT-LOG/0123456789ab';

export async function startFakeAws(scenario: Scenario, faults: FakeAwsFaults = {}): Promise<FakeAws> {
  const keyToAccount = new Map<string, string>([[BASE_KEY, scenario.accounts[0]!.id]]);
  const secrets = [BASE_SECRET];
  const stats: FakeAwsStats = {
    byOperation: new Map(),
    byScope: new Map(),
    throttled: 0,
    serverErrors: 0,
    total: 0,
    maxPerSecond: 0,
  };
  const scopeCounts = new Map<string, number>();
  const windows = new Map<string, { second: number; count: number }>();
  const accounts = new Map(scenario.accounts.map((a) => [a.id, a]));
  let keySerial = 0;

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const body = await readBody(req);
    const scopeMatch = /Credential=([^/]+)\/\d+\/([^/]+)\/([^/]+)\//.exec(req.headers.authorization ?? '');
    if (!scopeMatch)
      return sendXmlError(res, 403, 'MissingAuthenticationToken', 'Request is missing Authentication Token');
    const [, accessKey = '', region = '', service = ''] = scopeMatch;
    const account = keyToAccount.get(accessKey);
    const json = JSON_SERVICES.has(service);
    const form = new URLSearchParams(json ? '' : body);
    const url = new URL(req.url ?? '/', 'http://fake');
    const rest = service === 's3' ? s3Operation(url) : undefined;
    const operation = rest
      ? rest.operation
      : json
        ? (String(req.headers['x-amz-target'] ?? '')
            .split('.')
            .at(-1) ?? '')
        : (form.get('Action') ?? '');
    const scope = `${account} ${region}`;
    stats.total++;
    const opKey = `${rest?.control ? 's3-control' : service}:${operation}`;
    stats.byOperation.set(opKey, (stats.byOperation.get(opKey) ?? 0) + 1);
    stats.byScope.set(scope, (stats.byScope.get(scope) ?? 0) + 1);
    const nth = (scopeCounts.get(scope) ?? 0) + 1;
    scopeCounts.set(scope, nth);
    if (faults.latencyMs) await delay(faults.latencyMs);

    const fail = (status: number, code: string, message: string) =>
      json
        ? sendJsonError(res, status, code, message)
        : service === 'ec2'
          ? sendEc2Error(res, status, code, message)
          : rest && !rest.control
            ? sendS3Error(res, status, code, message)
            : sendXmlError(res, status, code, message);

    if (!account)
      return fail(
        403,
        json ? 'UnrecognizedClientException' : 'InvalidClientTokenId',
        'The security token included in the request is invalid.',
      );
    if (region === scenario.disabledRegion && service !== 'sts' && service !== 'iam') {
      return service === 'ec2'
        ? fail(401, 'AuthFailure', 'AWS was not able to validate the provided access credentials')
        : fail(400, 'UnrecognizedClientException', 'The security token included in the request is invalid.');
    }
    if (faults.serverErrors?.scopes.has(scope) && nth <= faults.serverErrors.count) {
      stats.serverErrors++;
      return fail(
        nth % 2 ? 500 : 503,
        nth % 2 ? 'InternalFailure' : 'ServiceUnavailable',
        'We encountered an internal error. Please try again.',
      );
    }
    if (json) {
      const burst = faults.throttleBurst;
      if (burst && (burst.scopes === 'all' || burst.scopes.has(scope)) && nth <= burst.count) {
        stats.throttled++;
        return fail(400, 'ThrottlingException', 'Rate exceeded');
      }
      const windowKey = `${scope} ${operation}`;
      const second = Math.floor(Date.now() / 1000);
      const window = windows.get(windowKey);
      const current = window && window.second === second ? window : { second, count: 0 };
      if (faults.configRatePerSecond && current.count >= faults.configRatePerSecond) {
        stats.throttled++;
        return fail(400, 'ThrottlingException', 'Rate exceeded');
      }
      current.count++;
      windows.set(windowKey, current);
      stats.maxPerSecond = Math.max(stats.maxPerSecond, current.count);
      if (faults.slow?.scopes.has(scope) && nth <= faults.slow.count) await delay(faults.slow.ms);
      if (faults.deniedScopes?.has(scope)) {
        return fail(
          400,
          'AccessDeniedException',
          `User: arn:aws:sts::${account}:assumed-role/KansaAudit/kansa-scan is not authorized to perform: config:${operation} on resource: *`,
        );
      }
    }

    if (faults.deniedOperations?.has(opKey))
      return fail(
        403,
        'AccessDenied',
        `User: arn:aws:sts::${account}:assumed-role/KansaAudit/kansa-scan is not authorized to perform: ${opKey}`,
      );
    if (rest) {
      s3Reply(res, rest, account, region, fail);
      return;
    }

    switch (`${service}:${operation}`) {
      case 'sts:GetCallerIdentity':
        return sendXml(
          res,
          'GetCallerIdentity',
          'https://sts.amazonaws.com/doc/2011-06-15/',
          `<Arn>arn:aws:iam::${account}:user/auditor</Arn><UserId>AIDAFAKE</UserId><Account>${account}</Account>`,
        );
      case 'sts:AssumeRole': {
        const roleArn = form.get('RoleArn') ?? '';
        const target = /^arn:aws:iam::(\d{12}):role\//.exec(roleArn)?.[1];
        if (!target || !accounts.has(target) || faults.deniedRoles?.has(target)) {
          return fail(
            403,
            'AccessDenied',
            `User: arn:aws:iam::${account}:user/auditor is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`,
          );
        }
        const key = `ASIA${target}${String(++keySerial).padStart(4, '0')}`;
        const secret = `fake/secret/${randomUUID()}`;
        const token = `fake-session-token-${randomUUID()}`;
        keyToAccount.set(key, target);
        secrets.push(secret, token);
        return sendXml(
          res,
          'AssumeRole',
          'https://sts.amazonaws.com/doc/2011-06-15/',
          `<Credentials><AccessKeyId>${key}</AccessKeyId><SecretAccessKey>${secret}</SecretAccessKey><SessionToken>${token}</SessionToken><Expiration>${new Date(Date.now() + 3600_000).toISOString()}</Expiration></Credentials><AssumedRoleUser><AssumedRoleId>AROAFAKE:kansa-scan</AssumedRoleId><Arn>arn:aws:sts::${target}:assumed-role/KansaAudit/kansa-scan</Arn></AssumedRoleUser>`,
        );
      }
      case 'ec2:DescribeRegions': {
        const items = scenario.regions
          .map(
            (r) =>
              `<item><regionName>${r}</regionName><regionEndpoint>ec2.${r}.amazonaws.com</regionEndpoint><optInStatus>opt-in-not-required</optInStatus></item>`,
          )
          .join('');
        res.writeHead(200, { 'content-type': 'text/xml;charset=UTF-8' });
        res.end(
          `<?xml version="1.0" encoding="UTF-8"?>\n<DescribeRegionsResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>${randomUUID()}</requestId><regionInfo>${items}</regionInfo></DescribeRegionsResponse>`,
        );
        return;
      }
      case 'ec2:DescribeSecurityGroups':
      case 'ec2:DescribeVolumes': {
        const type = operation === 'DescribeVolumes' ? 'AWS::EC2::Volume' : 'AWS::EC2::SecurityGroup';
        const all = regionItems(account, region).filter((i) => i.resourceType === type);
        const max = Number(form.get('MaxResults') ?? 1000);
        const start = Number(form.get('NextToken') ?? 0);
        const page = all.slice(start, start + max);
        const next = start + max < all.length ? `<nextToken>${start + max}</nextToken>` : '';
        const set = operation === 'DescribeVolumes' ? 'volumeSet' : 'securityGroupInfo';
        res.writeHead(200, { 'content-type': 'text/xml;charset=UTF-8' });
        res.end(
          `<?xml version="1.0" encoding="UTF-8"?>\n<${operation}Response xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>${randomUUID()}</requestId><${set}>${page
            .map((i) => (type === 'AWS::EC2::Volume' ? volumeXml(i) : securityGroupXml(i)))
            .join('')}</${set}>${next}</${operation}Response>`,
        );
        return;
      }
      case 'rds:DescribeDBInstances': {
        const all = regionItems(account, region).filter((i) => i.resourceType === 'AWS::RDS::DBInstance');
        const max = Number(form.get('MaxRecords') ?? 100);
        const start = Number(form.get('Marker') ?? 0);
        const next = start + max < all.length ? `<Marker>${start + max}</Marker>` : '';
        return sendXml(
          res,
          'DescribeDBInstances',
          'http://rds.amazonaws.com/doc/2014-10-31/',
          `<DBInstances>${all
            .slice(start, start + max)
            .map(dbInstanceXml)
            .join('')}</DBInstances>${next}`,
        );
      }
      case 'iam:GetAccountAuthorizationDetails': {
        const filter = new Set(
          [...form.entries()].filter(([k]) => k.startsWith('Filter.')).map(([, v]) => v),
        );
        const entries = [...accounts.get(account)!.regions.values()]
          .flatMap((r) => r.items)
          .filter((i) => {
            const kind = /^AWS::IAM::(User|Group|Role)$/.exec(i.resourceType)?.[1];
            return kind !== undefined && (filter.size === 0 || filter.has(kind));
          });
        const max = Number(form.get('MaxItems') ?? 100);
        const start = Number(form.get('Marker') ?? 0);
        const page = entries.slice(start, start + max);
        const list = (type: string) =>
          page
            .filter((i) => i.resourceType === type)
            .map(iamDetailXml)
            .join('');
        const more = start + max < entries.length;
        return sendXml(
          res,
          'GetAccountAuthorizationDetails',
          'https://iam.amazonaws.com/doc/2010-05-08/',
          `<UserDetailList>${list('AWS::IAM::User')}</UserDetailList><GroupDetailList>${list('AWS::IAM::Group')}</GroupDetailList><RoleDetailList>${list('AWS::IAM::Role')}</RoleDetailList><Policies/><IsTruncated>${more}</IsTruncated>${more ? `<Marker>${start + max}</Marker>` : ''}`,
        );
      }
      case 'iam:GetAccountSummary': {
        const root = accounts
          .get(account)!
          .credentialReport.split('\n')
          .find((line) => line.startsWith('<root_account>'))!
          .split(',');
        const entries = {
          AccountMFAEnabled: root[7] === 'true' ? 1 : 0,
          AccountAccessKeysPresent: root[8] === 'true' || root[13] === 'true' ? 1 : 0,
          Users: (accounts.get(account)!.credentialReport.trim().split('\n').length ?? 2) - 2,
        };
        return sendXml(
          res,
          'GetAccountSummary',
          'https://iam.amazonaws.com/doc/2010-05-08/',
          `<SummaryMap>${Object.entries(entries)
            .map(([k, v]) => `<entry><key>${k}</key><value>${v}</value></entry>`)
            .join('')}</SummaryMap>`,
        );
      }
      case 'iam:GenerateCredentialReport':
        if (faults.credentialReportDenied?.has(account))
          return fail(
            403,
            'AccessDenied',
            `User: arn:aws:sts::${account}:assumed-role/KansaAudit/kansa-scan is not authorized to perform: iam:GenerateCredentialReport`,
          );
        return sendXml(
          res,
          'GenerateCredentialReport',
          'https://iam.amazonaws.com/doc/2010-05-08/',
          '<State>COMPLETE</State><Description>No report exists. Starting a new report generation task</Description>',
        );
      case 'iam:GetAccountPasswordPolicy': {
        const policy = accounts.get(account)!.passwordPolicy;
        if (!policy) return fail(404, 'NoSuchEntity', noSuchPasswordPolicyMessage(account));
        return sendXml(
          res,
          'GetAccountPasswordPolicy',
          'https://iam.amazonaws.com/doc/2010-05-08/',
          `<PasswordPolicy>${Object.entries(policy)
            .map(([k, v]) => `<${k}>${String(v)}</${k}>`)
            .join('')}</PasswordPolicy>`,
        );
      }
      case 'iam:GetCredentialReport': {
        const content = Buffer.from(accounts.get(account)!.credentialReport).toString('base64');
        return sendXml(
          res,
          'GetCredentialReport',
          'https://iam.amazonaws.com/doc/2010-05-08/',
          `<Content>${content}</Content><ReportFormat>text/csv</ReportFormat><GeneratedTime>2026-11-20T00:00:00Z</GeneratedTime>`,
        );
      }
    }
    if (!json)
      return fail(400, 'InvalidAction', `The action ${operation} is not valid for this web service.`);

    const input = JSON.parse(body || '{}') as Record<string, unknown>;
    const data = faults.recorderOff?.has(scope) ? undefined : accounts.get(account)!.regions.get(region);
    const keysHere = regionItems(account, region).filter((i) => i.resourceType === 'AWS::KMS::Key');
    const keyItem = (id: unknown) => keysHere.find((k) => k.resourceId === id || k.arn === id);
    switch (`${service}:${operation}`) {
      case 'kms:ListKeys':
        return sendJson(res, {
          Keys: keysHere.map((k) => ({ KeyId: k.resourceId, KeyArn: k.arn })),
          Truncated: false,
        });
      case 'kms:DescribeKey': {
        const key = keyItem(input['KeyId']);
        if (!key) return fail(400, 'NotFoundException', `Key '${String(input['KeyId'])}' does not exist`);
        const c = key.configuration;
        return sendJson(res, {
          KeyMetadata: {
            AWSAccountId: account,
            KeyId: c['keyId'],
            Arn: c['arn'],
            CreationDate: 1711936800,
            Enabled: c['enabled'],
            KeyUsage: 'ENCRYPT_DECRYPT',
            KeyState: c['keyState'],
            Origin: c['origin'],
            KeyManager: c['keyManager'],
            CustomerMasterKeySpec: c['keySpec'],
            KeySpec: c['keySpec'],
            EncryptionAlgorithms: ['SYMMETRIC_DEFAULT'],
            MultiRegion: false,
          },
        });
      }
      case 'kms:GetKeyRotationStatus':
        return sendJson(res, {
          KeyRotationEnabled: keyItem(input['KeyId'])?.supplementary['KeyRotationStatus'] === true,
        });
      case 'kms:ListResourceTags':
        return sendJson(res, {
          Tags: Object.entries(keyItem(input['KeyId'])?.tags ?? {}).map(([TagKey, TagValue]) => ({
            TagKey,
            TagValue,
          })),
          Truncated: false,
        });
      case 'cloudtrail:GetTrailStatus': {
        const name = String(input['Name'] ?? '');
        const trail = [...accounts.get(account)!.regions.values()]
          .flatMap((r) => r.items)
          .find(
            (i) => i.resourceType === 'AWS::CloudTrail::Trail' && (i.arn === name || i.resourceName === name),
          );
        if (!trail)
          return fail(400, 'TrailNotFoundException', `Unknown trail: ${name} for the user: ${account}`);
        return sendJson(res, {
          IsLogging: !faults.stoppedTrails?.has(trail.resourceName),
          LatestDeliveryTime: 1763596800,
          StartLoggingTime: 1711936800,
        });
      }
      case 'cloudtrail:DescribeTrails':
        return sendJson(res, {
          trailList: regionItems(account, region)
            .filter((i) => i.resourceType === 'AWS::CloudTrail::Trail')
            .map((t) => ({
              Name: t.configuration['name'],
              S3BucketName: t.configuration['s3BucketName'],
              IsMultiRegionTrail: t.configuration['isMultiRegionTrail'],
              HomeRegion: t.configuration['homeRegion'],
              TrailARN: t.arn,
              LogFileValidationEnabled: t.configuration['logFileValidationEnabled'],
              IsOrganizationTrail: t.configuration['isOrganizationTrail'],
              IncludeGlobalServiceEvents: true,
              HasCustomEventSelectors: t.configuration['hasCustomEventSelectors'],
              HasInsightSelectors: false,
            })),
        });
    }
    switch (operation) {
      case 'DescribeConfigurationRecorderStatus':
        return sendJson(res, {
          ConfigurationRecordersStatus:
            !data || data.recorder === 'off'
              ? []
              : [
                  {
                    arn: `arn:aws:config:${region}:${account}:configuration-recorder/default/x`,
                    name: 'default',
                    recording: true,
                    lastStatus: 'SUCCESS',
                  },
                ],
        });
      case 'DescribeConfigurationRecorders':
        return sendJson(res, {
          ConfigurationRecorders:
            !data || data.recorder === 'off'
              ? []
              : [
                  {
                    name: 'default',
                    roleARN: `arn:aws:iam::${account}:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig`,
                    recordingGroup:
                      data.recorder === 'on'
                        ? {
                            allSupported: true,
                            includeGlobalResourceTypes: true,
                            resourceTypes: [],
                            recordingStrategy: { useOnly: 'ALL_SUPPORTED_RESOURCE_TYPES' },
                          }
                        : {
                            allSupported: false,
                            includeGlobalResourceTypes: false,
                            resourceTypes: ['AWS::S3::Bucket', 'AWS::EC2::Volume'],
                            recordingStrategy: { useOnly: 'INCLUSION_BY_RESOURCE_TYPES' },
                          },
                    recordingMode: { recordingFrequency: 'CONTINUOUS' },
                  },
                ],
        });
      case 'SelectResourceConfig': {
        const limit = Math.min(Number(input['Limit'] ?? 0) || 100, 100);
        const start = input['NextToken']
          ? Number(Buffer.from(String(input['NextToken']), 'base64').toString())
          : 0;
        if (faults.failingSelectPage === Math.floor(start / limit) + 1)
          return fail(500, 'InternalFailure', 'An internal error occurred.');
        return sendJson(res, selectPage(data?.items ?? [], input));
      }
      case 'SelectAggregateResourceConfig': {
        if (input['ConfigurationAggregatorName'] !== scenario.aggregator)
          return fail(
            400,
            'NoSuchConfigurationAggregatorException',
            'The configuration aggregator does not exist.',
          );
        const all = scenario.accounts.flatMap((a) => [...a.regions.values()].flatMap((r) => r.items));
        return sendJson(res, selectPage(all, input));
      }
      case 'DescribeConfigurationAggregatorSourcesStatus':
        return sendJson(res, {
          AggregatedSourceStatusList: scenario.accounts.flatMap((a) =>
            scenario.regions.map((r) => ({
              SourceId: a.id,
              SourceType: 'ACCOUNT',
              AwsRegion: r,
              LastUpdateStatus: 'SUCCEEDED',
              LastUpdateTime: 1763596800,
            })),
          ),
        });
      case 'BatchGetResourceConfig': {
        const keys =
          (input['resourceKeys'] as { resourceType: string; resourceId: string }[] | undefined) ?? [];
        if (keys.length < 1 || keys.length > 100)
          return fail(
            400,
            'ValidationException',
            '1 validation error detected: resourceKeys must have length between 1 and 100',
          );
        const byKey = new Map((data?.items ?? []).map((i) => [`${i.resourceType} ${i.resourceId}`, i]));
        const found: ScenarioItem[] = [];
        const unprocessed: typeof keys = [];
        for (const [i, key] of keys.entries()) {
          if (faults.neverProcessed?.has(key.resourceId)) {
            unprocessed.push(key);
            continue;
          }
          if (
            faults.unprocessedEvery &&
            i % faults.unprocessedEvery === 0 &&
            !retried.has(`${scope} ${key.resourceId}`)
          ) {
            retried.add(`${scope} ${key.resourceId}`);
            unprocessed.push(key);
            continue;
          }
          const item = byKey.get(`${key.resourceType} ${key.resourceId}`);
          if (item) found.push(item);
        }
        return sendJson(res, {
          baseConfigurationItems: found.map(apiDialect),
          unprocessedResourceKeys: unprocessed,
        });
      }
      case 'BatchGetAggregateResourceConfig': {
        const ids =
          (input['ResourceIdentifiers'] as
            | { SourceAccountId: string; SourceRegion: string; ResourceId: string; ResourceType: string }[]
            | undefined) ?? [];
        if (ids.length < 1 || ids.length > 100)
          return fail(
            400,
            'ValidationException',
            '1 validation error detected: ResourceIdentifiers must have length between 1 and 100',
          );
        const found = ids.flatMap((id) => {
          const source = accounts.get(id.SourceAccountId);
          const items = [...(source?.regions.values() ?? [])].flatMap((r) => r.items);
          const item = items.find(
            (i) =>
              i.resourceType === id.ResourceType &&
              i.resourceId === id.ResourceId &&
              i.region === id.SourceRegion,
          );
          return item ? [item] : [];
        });
        return sendJson(res, {
          BaseConfigurationItems: found.map(apiDialect),
          UnprocessedResourceIdentifiers: [],
        });
      }
    }
    return fail(400, 'UnknownOperationException', `fake AWS: ${operation} is not implemented`);
  };
  const retried = new Set<string>();
  const accountItems = (account: string): ScenarioItem[] =>
    [...(accounts.get(account)?.regions.values() ?? [])].flatMap((r) => r.items);

  /** S3 and S3 Control: buckets are global by name; a bucket of another region answers 301. */
  const s3Reply = (
    res: ServerResponse,
    rest: S3Request,
    account: string,
    region: string,
    fail: (status: number, code: string, message: string) => unknown,
  ): unknown => {
    if (rest.control) {
      const block = accountItems(account).find((i) => i.resourceType === 'AWS::S3::AccountPublicAccessBlock');
      if (!block)
        return fail(
          404,
          'NoSuchPublicAccessBlockConfiguration',
          'The public access block configuration was not found',
        );
      return sendS3Xml(
        res,
        `<PublicAccessBlockConfiguration xmlns="http://awss3control.amazonaws.com/doc/2018-08-20/">${publicAccessBlockXml(block.configuration)}</PublicAccessBlockConfiguration>`,
      );
    }
    const buckets = accountItems(account).filter((i) => i.resourceType === 'AWS::S3::Bucket');
    if (rest.operation === 'ListBuckets') {
      const max = Number(rest.query.get('max-buckets') ?? 10000);
      const start = Number(rest.query.get('continuation-token') ?? 0);
      const next =
        start + max < buckets.length ? `<ContinuationToken>${start + max}</ContinuationToken>` : '';
      return sendS3Xml(
        res,
        `<ListAllMyBucketsResult xmlns="${S3_NS}"><Owner><ID>${account}owner</ID></Owner><Buckets>${buckets
          .slice(start, start + max)
          .map(
            (b) =>
              `<Bucket><Name>${b.resourceName}</Name><CreationDate>${String(b.configuration['creationDate'])}</CreationDate></Bucket>`,
          )
          .join('')}</Buckets>${next}</ListAllMyBucketsResult>`,
      );
    }
    const bucket = buckets.find((b) => b.resourceName === rest.bucket);
    if (!bucket) return fail(404, 'NoSuchBucket', 'The specified bucket does not exist');
    if (rest.operation === 'GetBucketLocation') {
      return sendS3Xml(
        res,
        bucket.region === 'us-east-1'
          ? `<LocationConstraint xmlns="${S3_NS}"/>`
          : `<LocationConstraint xmlns="${S3_NS}">${bucket.region}</LocationConstraint>`,
      );
    }
    if (bucket.region !== region) {
      res.writeHead(301, { 'content-type': 'application/xml', 'x-amz-bucket-region': bucket.region });
      res.end(
        `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>PermanentRedirect</Code><Message>The bucket you are attempting to access must be addressed using the specified endpoint.</Message><BucketName>${bucket.resourceName}</BucketName></Error>`,
      );
      return;
    }
    const sup = bucket.supplementary;
    switch (rest.operation) {
      case 'GetPublicAccessBlock': {
        const block = sup['PublicAccessBlockConfiguration'] as Record<string, unknown> | undefined;
        if (!block)
          return fail(
            404,
            'NoSuchPublicAccessBlockConfiguration',
            'The public access block configuration was not found',
          );
        return sendS3Xml(
          res,
          `<PublicAccessBlockConfiguration xmlns="${S3_NS}">${publicAccessBlockXml(block)}</PublicAccessBlockConfiguration>`,
        );
      }
      case 'GetBucketPolicy': {
        const text = (sup['BucketPolicy'] as { policyText: string | null }).policyText;
        if (!text) return fail(404, 'NoSuchBucketPolicy', 'The bucket policy does not exist');
        res.writeHead(200, { 'content-type': 'application/json', 'x-amz-request-id': randomUUID() });
        res.end(text);
        return;
      }
      case 'GetBucketAcl': {
        const acl = sup['AccessControlList'] as {
          grantList: { grantee: string; permission: string }[];
          owner: { id: string };
        };
        const owner = acl.owner.id;
        const grants = [
          `<Grant><Grantee xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="CanonicalUser"><ID>${owner}</ID></Grantee><Permission>FULL_CONTROL</Permission></Grant>`,
          ...acl.grantList.map(
            (g) =>
              `<Grant><Grantee xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="Group"><URI>http://acs.amazonaws.com/groups/global/${g.grantee}</URI></Grantee><Permission>${g.permission.toUpperCase()}</Permission></Grant>`,
          ),
        ];
        return sendS3Xml(
          res,
          `<AccessControlPolicy xmlns="${S3_NS}"><Owner><ID>${owner}</ID></Owner><AccessControlList>${grants.join('')}</AccessControlList></AccessControlPolicy>`,
        );
      }
      case 'GetBucketEncryption': {
        const sse = sup['ServerSideEncryptionConfiguration'] as
          | {
              rules: {
                applyServerSideEncryptionByDefault: { sseAlgorithm: string; kmsMasterKeyID: string | null };
                bucketKeyEnabled: boolean;
              }[];
            }
          | undefined;
        if (!sse)
          return fail(
            404,
            'ServerSideEncryptionConfigurationNotFoundError',
            'The server side encryption configuration was not found',
          );
        return sendS3Xml(
          res,
          `<ServerSideEncryptionConfiguration xmlns="${S3_NS}">${sse.rules
            .map(
              (r) =>
                `<Rule><ApplyServerSideEncryptionByDefault><SSEAlgorithm>${r.applyServerSideEncryptionByDefault.sseAlgorithm}</SSEAlgorithm>${r.applyServerSideEncryptionByDefault.kmsMasterKeyID ? `<KMSMasterKeyID>${r.applyServerSideEncryptionByDefault.kmsMasterKeyID}</KMSMasterKeyID>` : ''}</ApplyServerSideEncryptionByDefault><BucketKeyEnabled>${r.bucketKeyEnabled}</BucketKeyEnabled></Rule>`,
            )
            .join('')}</ServerSideEncryptionConfiguration>`,
        );
      }
      case 'GetBucketLogging': {
        const logging = sup['BucketLoggingConfiguration'] as {
          destinationBucketName: string | null;
          logFilePrefix: string | null;
        };
        return sendS3Xml(
          res,
          logging.destinationBucketName
            ? `<BucketLoggingStatus xmlns="${S3_NS}"><LoggingEnabled><TargetBucket>${logging.destinationBucketName}</TargetBucket><TargetPrefix>${logging.logFilePrefix ?? ''}</TargetPrefix></LoggingEnabled></BucketLoggingStatus>`
            : `<BucketLoggingStatus xmlns="${S3_NS}"/>`,
        );
      }
      case 'GetBucketTagging': {
        const tags = Object.entries(bucket.tags);
        if (tags.length === 0) return fail(404, 'NoSuchTagSet', 'The TagSet does not exist');
        return sendS3Xml(
          res,
          `<Tagging xmlns="${S3_NS}"><TagSet>${tags.map(([k, v]) => `<Tag><Key>${escapeXml(k)}</Key><Value>${escapeXml(v)}</Value></Tag>`).join('')}</TagSet></Tagging>`,
        );
      }
    }
    return fail(400, 'NotImplemented', `fake AWS: S3 ${rest.operation} is not implemented`);
  };
  const regionItems = (account: string, region: string): ScenarioItem[] =>
    accounts.get(account)?.regions.get(region)?.items ?? [];

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    stats,
    credentials: { accessKeyId: BASE_KEY, secretAccessKey: BASE_SECRET },
    secrets,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const JSON_SERVICES = new Set(['config', 'kms', 'cloudtrail']);
const S3_NS = 'http://s3.amazonaws.com/doc/2006-03-01/';

interface S3Request {
  readonly operation: string;
  readonly bucket?: string;
  /** S3 Control (`/v20180820/…`), signed as `s3` too. */
  readonly control: boolean;
  readonly query: URLSearchParams;
}

/** The S3 operation of a path-style REST request: `GET /`, `GET /<bucket>?<subresource>`. */
function s3Operation(url: URL): S3Request {
  const query = url.searchParams;
  if (url.pathname.startsWith('/v20180820/configuration/publicAccessBlock'))
    return { operation: 'GetPublicAccessBlock', control: true, query };
  const bucket = decodeURIComponent(url.pathname.split('/')[1] ?? '');
  if (!bucket) return { operation: 'ListBuckets', control: false, query };
  const subresources: Record<string, string> = {
    location: 'GetBucketLocation',
    publicAccessBlock: 'GetPublicAccessBlock',
    policy: 'GetBucketPolicy',
    acl: 'GetBucketAcl',
    encryption: 'GetBucketEncryption',
    logging: 'GetBucketLogging',
    tagging: 'GetBucketTagging',
  };
  const sub = Object.keys(subresources).find((key) => query.has(key));
  return { operation: sub ? subresources[sub]! : 'Unknown', bucket, control: false, query };
}

function publicAccessBlockXml(c: Record<string, unknown>): string {
  return `<BlockPublicAcls>${c['blockPublicAcls']}</BlockPublicAcls><IgnorePublicAcls>${c['ignorePublicAcls']}</IgnorePublicAcls><BlockPublicPolicy>${c['blockPublicPolicy']}</BlockPublicPolicy><RestrictPublicBuckets>${c['restrictPublicBuckets']}</RestrictPublicBuckets>`;
}

function sendS3Xml(res: ServerResponse, body: string): void {
  res.writeHead(200, { 'content-type': 'application/xml', 'x-amz-request-id': randomUUID() });
  res.end(`<?xml version="1.0" encoding="UTF-8"?>\n${body}`);
}

function sendS3Error(res: ServerResponse, status: number, code: string, message: string): void {
  res.writeHead(status, { 'content-type': 'application/xml', 'x-amz-request-id': randomUUID() });
  res.end(
    `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${escapeXml(message)}</Message><RequestId>${randomUUID()}</RequestId></Error>`,
  );
}

/** A DescribeDBInstances `DBInstance` from the item's Config configuration. */
function dbInstanceXml(item: ScenarioItem): string {
  const c = item.configuration;
  const exports = c['enabledCloudwatchLogsExports'] as string[] | undefined;
  const tags = Object.entries(item.tags);
  return `<DBInstance><DBInstanceIdentifier>${c['dBInstanceIdentifier']}</DBInstanceIdentifier><DbiResourceId>${item.resourceId}</DbiResourceId><DBInstanceArn>${item.arn}</DBInstanceArn><Engine>${c['engine']}</Engine><DBInstanceStatus>available</DBInstanceStatus><StorageEncrypted>${c['storageEncrypted']}</StorageEncrypted>${c['kmsKeyId'] ? `<KmsKeyId>${c['kmsKeyId']}</KmsKeyId>` : ''}<PubliclyAccessible>${c['publiclyAccessible']}</PubliclyAccessible><BackupRetentionPeriod>${c['backupRetentionPeriod']}</BackupRetentionPeriod>${exports ? `<EnabledCloudwatchLogsExports>${exports.map((e) => `<member>${e}</member>`).join('')}</EnabledCloudwatchLogsExports>` : ''}<TagList>${tags.map(([k, v]) => `<Tag><Key>${escapeXml(k)}</Key><Value>${escapeXml(v)}</Value></Tag>`).join('')}</TagList></DBInstance>`;
}

/** A GetAccountAuthorizationDetails `member` (UserDetail, GroupDetail, RoleDetail) from a Config IAM item. */
function iamDetailXml(item: ScenarioItem): string {
  const c = item.configuration;
  const kind = item.resourceType.slice('AWS::IAM::'.length);
  const policies = (list: unknown) =>
    ((list as { policyName: string; policyDocument: string }[] | undefined) ?? [])
      .map(
        (p) =>
          `<member><PolicyName>${p.policyName}</PolicyName><PolicyDocument>${p.policyDocument}</PolicyDocument></member>`,
      )
      .join('');
  const attached = (
    (c['attachedManagedPolicies'] as { policyName: string; policyArn: string }[] | undefined) ?? []
  )
    .map(
      (p) => `<member><PolicyName>${p.policyName}</PolicyName><PolicyArn>${p.policyArn}</PolicyArn></member>`,
    )
    .join('');
  const common = `<${kind}Name>${item.resourceName}</${kind}Name><${kind}Id>${item.resourceId}</${kind}Id><Arn>${item.arn}</Arn><Path>/</Path><CreateDate>2024-04-01T02:00:00Z</CreateDate><AttachedManagedPolicies>${attached}</AttachedManagedPolicies>`;
  if (kind === 'User')
    return `<member>${common}<GroupList>${((c['groupList'] as string[] | undefined) ?? []).map((g) => `<member>${g}</member>`).join('')}</GroupList><UserPolicyList>${policies(c['userPolicyList'])}</UserPolicyList></member>`;
  if (kind === 'Group')
    return `<member>${common}<GroupPolicyList>${policies(c['groupPolicyList'])}</GroupPolicyList></member>`;
  return `<member>${common}<AssumeRolePolicyDocument>${c['assumeRolePolicyDocument']}</AssumeRolePolicyDocument><RolePolicyList>${policies(c['rolePolicyList'])}</RolePolicyList></member>`;
}

function tagSetXml(tags: Record<string, string>): string {
  const entries = Object.entries(tags);
  return entries.length === 0
    ? ''
    : `<tagSet>${entries.map(([k, v]) => `<item><key>${escapeXml(k)}</key><value>${escapeXml(v)}</value></item>`).join('')}</tagSet>`;
}

/** An EC2 DescribeSecurityGroups `item` from the item's Config configuration. */
function securityGroupXml(item: ScenarioItem): string {
  const c = item.configuration;
  const permissions = (c['ipPermissions'] as Record<string, unknown>[]).map((p) => {
    const v4 = (p['ipv4Ranges'] as { cidrIp: string }[])
      .map((r) => `<item><cidrIp>${r.cidrIp}</cidrIp></item>`)
      .join('');
    const v6 = (p['ipv6Ranges'] as { cidrIpv6: string }[])
      .map((r) => `<item><cidrIpv6>${r.cidrIpv6}</cidrIpv6></item>`)
      .join('');
    return `<item><ipProtocol>${p['ipProtocol']}</ipProtocol><fromPort>${p['fromPort']}</fromPort><toPort>${p['toPort']}</toPort><groups/><ipRanges>${v4}</ipRanges><ipv6Ranges>${v6}</ipv6Ranges><prefixListIds/></item>`;
  });
  return `<item><ownerId>${item.accountId}</ownerId><groupId>${c['groupId']}</groupId><groupName>${c['groupName']}</groupName><groupDescription>web</groupDescription><vpcId>vpc-0a1b2c3d</vpcId><ipPermissions>${permissions.join('')}</ipPermissions><ipPermissionsEgress/>${tagSetXml(item.tags)}</item>`;
}

/** An EC2 DescribeVolumes `item`. */
function volumeXml(item: ScenarioItem): string {
  const c = item.configuration;
  return `<item><volumeId>${c['volumeId']}</volumeId><size>${c['size']}</size><snapshotId/><availabilityZone>${item.region}a</availabilityZone><status>in-use</status><createTime>2024-04-01T02:00:00.000Z</createTime><attachmentSet/><volumeType>${c['volumeType']}</volumeType><encrypted>${c['encrypted']}</encrypted>${c['kmsKeyId'] ? `<kmsKeyId>${c['kmsKeyId']}</kmsKeyId>` : ''}${tagSetXml(item.tags)}</item>`;
}

/**
 * A page of `SELECT <fields> WHERE resourceType IN (…)`: rows as JSON strings holding only
 * the named fields (tags as `[{key,value}]`, as Config writes them), `Limit` rows a page.
 */
function selectPage(items: readonly ScenarioItem[], input: Record<string, unknown>): Record<string, unknown> {
  const expression = String(input['Expression'] ?? '');
  const fields = (/^SELECT (.*?)(?: WHERE |$)/i.exec(expression)?.[1] ?? '').split(',').map((f) => f.trim());
  const types = new Set(
    [...(/resourceType IN \((.*)\)/i.exec(expression)?.[1] ?? '').matchAll(/'([^']+)'/g)].map((m) => m[1]),
  );
  const selected = items.filter((i) => types.size === 0 || types.has(i.resourceType));
  const limit = Math.min(Number(input['Limit'] ?? input['MaxResults'] ?? 0) || 100, 100);
  const start = input['NextToken'] ? Number(Buffer.from(String(input['NextToken']), 'base64').toString()) : 0;
  const page = selected.slice(start, start + limit);
  const value = (item: ScenarioItem, field: string): unknown => {
    switch (field) {
      case 'accountId':
        return item.accountId;
      case 'awsRegion':
        return item.region;
      case 'arn':
        return item.arn;
      case 'resourceId':
        return item.resourceId;
      case 'resourceName':
        return item.resourceName;
      case 'resourceType':
        return item.resourceType;
      case 'tags':
        return Object.entries(item.tags).map(([key, v]) => ({ key, value: v, tag: `${key}=${v}` }));
      default:
        return undefined;
    }
  };
  return {
    Results: page.map((item) => JSON.stringify(Object.fromEntries(fields.map((f) => [f, value(item, f)])))),
    QueryInfo: { SelectFields: fields.map((Name) => ({ Name })) },
    ...(start + limit < selected.length
      ? { NextToken: Buffer.from(String(start + limit)).toString('base64') }
      : {}),
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sendJson(res: ServerResponse, body: unknown): void {
  res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': randomUUID() });
  res.end(JSON.stringify(body));
}

function sendJsonError(res: ServerResponse, status: number, code: string, message: string): void {
  res.writeHead(status, { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': randomUUID() });
  res.end(JSON.stringify({ __type: code, message }));
}

function sendXml(res: ServerResponse, action: string, namespace: string, result: string): void {
  res.writeHead(200, { 'content-type': 'text/xml', 'x-amzn-requestid': randomUUID() });
  res.end(
    `<${action}Response xmlns="${namespace}"><${action}Result>${result}</${action}Result><ResponseMetadata><RequestId>${randomUUID()}</RequestId></ResponseMetadata></${action}Response>`,
  );
}

function sendXmlError(res: ServerResponse, status: number, code: string, message: string): void {
  res.writeHead(status, { 'content-type': 'text/xml', 'x-amzn-requestid': randomUUID() });
  res.end(
    `<ErrorResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><Error><Type>${status >= 500 ? 'Receiver' : 'Sender'}</Type><Code>${code}</Code><Message>${escapeXml(message)}</Message></Error><RequestId>${randomUUID()}</RequestId></ErrorResponse>`,
  );
}

function sendEc2Error(res: ServerResponse, status: number, code: string, message: string): void {
  res.writeHead(status, { 'content-type': 'text/xml' });
  res.end(
    `<?xml version="1.0" encoding="UTF-8"?>\n<Response><Errors><Error><Code>${code}</Code><Message>${escapeXml(message)}</Message></Error></Errors><RequestID>${randomUUID()}</RequestID></Response>`,
  );
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
