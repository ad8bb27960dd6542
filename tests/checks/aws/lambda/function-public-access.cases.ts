import { jsonFile } from '../../../helpers/exports.ts';
import { type AnyCase, byVerdict, type RuleTests } from '../../../helpers/rule-tester.ts';
import { ACCOUNT, REGION, snapshotItem } from '../../../sources/aws/builders.ts';
import { PUBLIC_STATEMENTS } from '../lib/public-statements.ts';

const fnArn = `arn:aws:lambda:${REGION}:${ACCOUNT}:function:open-form`;
const lambdaFunction = (supplementary?: Record<string, unknown>) =>
  snapshotItem(
    'AWS::Lambda::Function',
    'open-form',
    { functionName: 'open-form', functionArn: fnArn, runtime: 'nodejs20.x', handler: 'index.handler' },
    { arn: fnArn, name: 'open-form', ...(supplementary ? { supplementary } : {}) },
  );
const policy = (...Statement: object[]) =>
  JSON.stringify({ Version: '2012-10-17', Id: 'default', Statement });

const functionUrlNone = {
  Sid: 'FunctionURLAllowPublicAccess',
  Effect: 'Allow',
  Principal: '*',
  Action: 'lambda:InvokeFunctionUrl',
  Resource: fnArn,
  Condition: { StringEquals: { 'lambda:FunctionUrlAuthType': 'NONE' } },
};
const fromApiGateway = {
  Sid: 'apigateway',
  Effect: 'Allow',
  Principal: { Service: 'apigateway.amazonaws.com' },
  Action: 'lambda:InvokeFunction',
  Resource: fnArn,
};
const anyoneInOrg = {
  Sid: 'org',
  Effect: 'Allow',
  Principal: '*',
  Action: 'lambda:InvokeFunction',
  Resource: fnArn,
  Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } },
};

const table = [
  ['a service principal only', { Policy: policy(fromApiGateway) }, 'PASS', 'notPublic'],
  ['anyone in the organization', { Policy: policy(anyoneInOrg) }, 'PASS', 'notPublic'],
  [
    'a function URL with auth type NONE',
    { Policy: policy(fromApiGateway, functionUrlNone) },
    'FAIL',
    'policyConditionKey',
  ],
  ['no Policy recorded', undefined, 'UNKNOWN', 'unknown'],
] as const;

/** A public invoke for a campaign that ended: the statement allowed until `until` (aws:CurrentTime). */
const campaign = (until: unknown, operator = 'DateLessThan', key = 'aws:CurrentTime') => ({
  Sid: 'campaign',
  Effect: 'Allow',
  Principal: '*',
  Action: 'lambda:InvokeFunction',
  Resource: fnArn,
  Condition: { [operator]: { [key]: until } },
});
const NOW = '2026-06-01T00:00:00Z';
const timeCases: AnyCase[] = [
  ['a public statement that expired before the scan', campaign('2026-03-31T15:00:00Z'), 'PASS', 'notPublic'],
  [
    'expired, written DateLessThanEquals with two values (the later one bounds it)',
    campaign(['2025-12-31T00:00:00Z', '2026-01-31T00:00:00Z'], 'DateLessThanEquals'),
    'PASS',
    'notPublic',
  ],
  [
    'expired, on aws:EpochTime in seconds',
    campaign(1767225600, 'DateLessThan', 'aws:EpochTime'),
    'PASS',
    'notPublic',
  ],
  [
    'a public statement in force until after the scan',
    campaign('2026-12-31T15:00:00Z'),
    'FAIL',
    'policyConditionKey',
  ],
  [
    'a public statement from a date before the scan (DateGreaterThan)',
    campaign('2020-01-01T00:00:00Z', 'DateGreaterThan'),
    'FAIL',
    'policyConditionKey',
  ],
  ['a bound that is not a time', campaign('next spring'), 'FAIL', 'policyConditionKey'],
].map(([name, statement, status, messageId]) => ({
  name: name as string,
  records: [lambdaFunction({ Policy: policy(statement as object) })],
  now: NOW,
  status: status as 'PASS' | 'FAIL',
  messageId: messageId as string,
}));

const cases: AnyCase[] = [
  ...table.map(([name, supplementary, status, messageId]) => ({
    name,
    records: [lambdaFunction(supplementary)],
    status,
    messageId,
    evidence: [{ path: 'supplementaryConfiguration.Policy' }],
  })),
  {
    name: 'names the public statement, and the condition that narrows nothing, in both languages',
    records: [lambdaFunction({ Policy: policy(functionUrlNone) })],
    status: 'FAIL',
    messageId: 'policyConditionKey',
    data: {
      statements: ['FunctionURLAllowPublicAccess'],
      statement: 'FunctionURLAllowPublicAccess',
      principal: '"*"',
      conditions: ['StringEquals lambda:FunctionUrlAuthType'],
    },
    message: {
      ja: 'Lambda 関数 open-form のリソースポリシー（FunctionURLAllowPublicAccess）が誰にでも呼び出しを許可しています。文 FunctionURLAllowPublicAccess は Principal "*" に許可しており、条件 StringEquals lambda:FunctionUrlAuthType のキーは呼び出し元を識別するものではありません',
      en: 'The resource policy of Lambda function open-form lets anyone invoke it (FunctionURLAllowPublicAccess): statement FunctionURLAllowPublicAccess allows Principal "*", and the keys of its conditions StringEquals lambda:FunctionUrlAuthType do not identify the caller',
    },
  },
  // Each reason a policy is public, worded in both languages.
  ...PUBLIC_STATEMENTS.map(({ name, statement, messageId, message }) => ({
    name: `a public policy: ${name}`,
    records: [
      lambdaFunction({ Policy: policy({ ...statement, Action: 'lambda:InvokeFunction', Resource: fnArn }) }),
    ],
    status: 'FAIL' as const,
    messageId,
    message: {
      ja: `Lambda 関数 open-form のリソースポリシー（${statement['Sid']}）が誰にでも呼び出しを許可しています。${message.ja}`,
      en: `The resource policy of Lambda function open-form lets anyone invoke it (${statement['Sid']}): ${message.en}`,
    },
  })),
  {
    // `aws lambda list-functions` and `aws lambda get-policy` saved side by side (botocore lambda
    // service-2.json ListFunctionsResponse.Functions[].FunctionArn; GetPolicyResponse: Policy as
    // a JSON string, RevisionId): the policy names its function only in its statements' Resource.
    name: 'list-functions and get-policy output: a function URL open to anyone',
    records: [
      jsonFile(
        {
          Functions: [
            {
              FunctionName: 'open-form',
              FunctionArn: fnArn,
              Runtime: 'nodejs20.x',
              Handler: 'index.handler',
              PackageType: 'Zip',
              Architectures: ['arm64'],
            },
          ],
        },
        'lambda-list-functions.json',
      ),
      jsonFile(
        {
          Policy: policy({ ...functionUrlNone, Resource: `${fnArn}:live` }),
          RevisionId: '4f5e1d2c-0000-4000-8000-0000000000aa',
        },
        'lambda-get-policy-open-form.json',
      ),
    ],
    target: fnArn,
    status: 'FAIL',
    messageId: 'policyConditionKey',
    evidence: [{ path: 'supplementaryConfiguration.Policy' }],
  },
  {
    // list-functions answers no policy: without get-policy's answer the function's is unknown.
    name: 'list-functions output alone: the policy was not asked',
    records: [
      jsonFile(
        { Functions: [{ FunctionName: 'open-form', FunctionArn: fnArn, Runtime: 'nodejs20.x' }] },
        'lambda-list-functions.json',
      ),
    ],
    target: fnArn,
    status: 'UNKNOWN',
    messageId: 'unknown',
    evidence: [{ path: 'supplementaryConfiguration.Policy', source: 'unknown' }],
  },
  {
    // Cloud Custodian's placebo recording of 2016 (tests/data/placebo/test_aws_lambda_source/
    // lambda.GetPolicy_1.json): get-policy before Lambda added RevisionId, `Policy` alone, as a
    // bucket policy is answered; its statements name the function.
    name: 'a get-policy answer without RevisionId, its statement open to anyone',
    records: [
      jsonFile(
        {
          status_code: 200,
          data: {
            Policy: policy({ ...functionUrlNone, Resource: fnArn }),
            ResponseMetadata: { RetryAttempts: 0, HTTPStatusCode: 200, HTTPHeaders: {} },
          },
        },
        'lambda.GetPolicy_1.json',
      ),
    ],
    target: fnArn,
    status: 'FAIL',
    messageId: 'policyConditionKey',
  },
  ...timeCases,
];

export default byVerdict(cases) satisfies RuleTests;
