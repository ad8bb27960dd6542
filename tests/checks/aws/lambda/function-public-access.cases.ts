import { expect } from 'vitest';
import { jsonFile } from '../../../helpers/exports.ts';
import { type AnyCase, byVerdict, type RuleTests } from '../../../helpers/rule-tester.ts';
import { ACCOUNT, REGION, snapshotItem } from '../../../sources/aws/builders.ts';

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
    'public',
  ],
  ['no Policy recorded', undefined, 'UNKNOWN', 'unknown'],
] as const;

const cases: AnyCase[] = [
  ...table.map(([name, supplementary, status, messageId]) => ({
    name,
    records: [lambdaFunction(supplementary)],
    status,
    messageId,
    evidence: [{ path: 'supplementaryConfiguration.Policy' }],
  })),
  {
    name: 'names the public statement',
    records: [lambdaFunction({ Policy: policy(functionUrlNone) })],
    status: 'FAIL',
    messageId: 'public',
    data: { statements: [expect.stringMatching(/^FunctionURLAllowPublicAccess: Principal /)] },
  },
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
    messageId: 'public',
    evidence: [{ path: 'supplementaryConfiguration.Policy' }],
  },
];

export default byVerdict(cases) satisfies RuleTests;
