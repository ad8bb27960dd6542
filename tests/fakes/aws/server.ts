/**
 * A fake AWS on 127.0.0.1 that the real SDK clients talk to (client `endpoint` + static keys).
 * It routes by the SigV4 credential scope of each request (access key → account, region,
 * service) and speaks the wire protocol of each operation the collector calls:
 *
 * - AWS Config: JSON 1.1, `POST /`, `x-amz-target: StarlingDoveService.<Op>`;
 * - STS, IAM, EC2: query (form-encoded `Action=…`), XML replies;
 *
 * with paging (NextToken), per account × region × operation request quotas answered with
 * `ThrottlingException` (HTTP 400, as Config sends it), injected throttling bursts, 5xx, slow
 * replies, AccessDenied on chosen scopes, an opt-in region nobody enabled, and request
 * accounting for the tests' assertions.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { apiDialect, type Scenario, type ScenarioItem } from './scenario.ts';

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
    const operation = json
      ? (String(req.headers['x-amz-target'] ?? '')
          .split('.')
          .at(-1) ?? '')
      : (form.get('Action') ?? '');
    const scope = `${account} ${region}`;
    stats.total++;
    stats.byOperation.set(
      `${service}:${operation}`,
      (stats.byOperation.get(`${service}:${operation}`) ?? 0) + 1,
    );
    stats.byScope.set(scope, (stats.byScope.get(scope) ?? 0) + 1);
    const nth = (scopeCounts.get(scope) ?? 0) + 1;
    scopeCounts.set(scope, nth);
    if (faults.latencyMs) await delay(faults.latencyMs);

    const fail = (status: number, code: string, message: string) =>
      json
        ? sendJsonError(res, status, code, message)
        : service === 'ec2'
          ? sendEc2Error(res, status, code, message)
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
      case 'iam:GenerateCredentialReport':
        return sendXml(
          res,
          'GenerateCredentialReport',
          'https://iam.amazonaws.com/doc/2010-05-08/',
          '<State>COMPLETE</State><Description>No report exists. Starting a new report generation task</Description>',
        );
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
              HasCustomEventSelectors: false,
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
      case 'SelectResourceConfig':
        return sendJson(res, selectPage(data?.items ?? [], input));
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
