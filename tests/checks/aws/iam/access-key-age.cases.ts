import { expect } from 'vitest';
import { credentialReportFile, jsonFile } from '../../../helpers/exports.ts';
import { type AnyCase, byVerdict, type RuleTests } from '../../../helpers/rule-tester.ts';
import { type Change, constant, plan, ref } from '../../../iac/dialect-plan.ts';
import { CREDENTIAL_REPORT_HEADER, iamUserItem, userArn } from '../../../sources/aws/builders.ts';

const NOW = '2026-11-01T00:00:00Z';
/** A credential-report row of a user without console access and with the given access keys. */
const row = (key1: [string, string], key2: [string, string] = ['false', 'N/A']) =>
  [
    'ci-deploy',
    userArn('ci-deploy'),
    '2024-04-01T02:00:00+00:00',
    'false',
    'N/A',
    'N/A',
    'N/A',
    'false',
    key1[0],
    key1[1],
    key1[0] === 'true' ? '2026-10-31T23:00:00+00:00' : 'N/A',
    key1[0] === 'true' ? 'ap-northeast-1' : 'N/A',
    key1[0] === 'true' ? 's3' : 'N/A',
    key2[0],
    key2[1],
    'N/A',
    'N/A',
    'N/A',
    'false',
    'N/A',
    'false',
    'N/A',
  ].join(',');
const staleSecond = row(['true', '2026-09-01T00:00:00+00:00'], ['true', '2025-06-01T00:00:00+00:00']);

const table = [
  ['one key rotated 61 days ago', row(['true', '2026-09-01T00:00:00+00:00']), {}, 'PASS', 'fresh'],
  ['key 2 rotated 518 days ago', staleSecond, {}, 'FAIL', 'stale'],
  [
    '61 days against a 30-day policy',
    row(['true', '2026-09-01T00:00:00+00:00']),
    { maxKeyAgeDays: 30 },
    'FAIL',
    'stale',
  ],
  ['an inactive old key', row(['false', '2020-01-01T00:00:00+00:00']), {}, 'NOT_APPLICABLE', 'noKeys'],
  ['access_key_1_active not_supported', row(['not_supported', 'N/A']), {}, 'UNKNOWN', 'noReport'],
] as const;

const cases: AnyCase[] = [
  ...table.map(([name, reportRow, params, status, messageId]) => ({
    name,
    records: [credentialReportFile([reportRow])],
    now: NOW,
    params,
    status,
    messageId,
  })),
  {
    name: 'names the stale key by its column and rotation time, in both languages',
    records: [credentialReportFile([staleSecond])],
    now: NOW,
    status: 'FAIL',
    messageId: 'stale',
    data: { keys: ['access_key_2_last_rotated = 2025-06-01T00:00:00+00:00'] },
    message: {
      ja: 'のアクセスキーが 90 日を超えてローテーションされていません: access_key_2_last_rotated = 2025-06-01T00:00:00+00:00',
      en: 'were not rotated for more than 90 days: access_key_2_last_rotated = 2025-06-01T00:00:00+00:00',
    },
    assert: () => expect(CREDENTIAL_REPORT_HEADER.split(',')).toHaveLength(staleSecond.split(',').length),
  },
  {
    // CloudQuery's file destination: one JSON line per key of each user, keyed by user_arn.
    name: 'CloudQuery aws_iam_user_access_keys: an Active key made in 2025 beside a fresh one and an Inactive older one',
    records: [
      {
        kind: 'export-file',
        name: 'aws_iam_user_access_keys/3a5c7e90-1c2e-4a4b-8d6f-0123456789ab.json',
        text: [
          ['Active', '2026-10-15 00:00:00', '2026-10-30 00:00:00'],
          ['Inactive', '2023-01-01 00:00:00', null],
          ['Active', '2025-06-01 00:00:00', null],
        ]
          .map(([status, created, lastUsed]) =>
            JSON.stringify({
              _cq_id: `7b1d0000-2c3d-4e4f-9051-${created?.slice(0, 4)}00000000`,
              _cq_parent_id: null,
              _cq_source_name: 'aws',
              _cq_sync_time: '2026-10-31 01:02:03.456789',
              account_id: userArn('ci-deploy').split(':')[4],
              user_arn: userArn('ci-deploy'),
              user_name: 'ci-deploy',
              create_date: created,
              status,
              last_used: lastUsed,
            }),
          )
          .join('\n'),
      },
    ],
    now: NOW,
    status: 'FAIL',
    messageId: 'stale',
    data: { keys: ['aws_iam_user_access_keys.create_date = 2025-06-01T00:00:00Z'] },
  },
  {
    name: 'a Config IAM user without a credential report row',
    records: [iamUserItem('ci-deploy')],
    now: NOW,
    status: 'UNKNOWN',
    messageId: 'noReport',
  },
];

/**
 * Terraform: `aws_iam_access_key` as the AWS provider writes it in a state (terraform.tfstate,
 * version 4: `create_date`, `status`, the secret among `sensitive_attributes`) and in a plan
 * (an existing key's `create_date` known, a new key's only after apply).
 */
const ACCOUNT = '409187654321';
const stateFile = (key: { create_date: string; status: string }) =>
  jsonFile(
    {
      version: 4,
      terraform_version: '1.6.6',
      serial: 3,
      lineage: '0d1c2b3a-4958-4a6b-8c7d-9e0f1a2b3c4d',
      outputs: {},
      resources: [
        {
          mode: 'managed',
          type: 'aws_iam_user',
          name: 'ci',
          provider: 'provider["registry.terraform.io/hashicorp/aws"]',
          instances: [
            {
              schema_version: 0,
              attributes: {
                arn: `arn:aws:iam::${ACCOUNT}:user/ci-deploy`,
                id: 'ci-deploy',
                name: 'ci-deploy',
                path: '/',
              },
              sensitive_attributes: [],
            },
          ],
        },
        {
          mode: 'managed',
          type: 'aws_iam_access_key',
          name: 'ci',
          provider: 'provider["registry.terraform.io/hashicorp/aws"]',
          instances: [
            {
              schema_version: 0,
              attributes: { id: 'AKIAKANSATESTKEY0001', user: 'ci-deploy', secret: 'not-a-secret', ...key },
              sensitive_attributes: [[{ type: 'get_attr', value: 'secret' }]],
            },
          ],
        },
      ],
    },
    'terraform.tfstate',
  );
const existingKey = (createDate: string): Change => {
  const values = { id: 'AKIAKANSATESTKEY0002', user: 'ci-deploy', status: 'Active', create_date: createDate };
  return {
    address: 'aws_iam_access_key.ci',
    actions: ['no-op'],
    before: values,
    after: values,
    expressions: { user: ref('aws_iam_user.ci.name', 'aws_iam_user.ci') },
  };
};
const planFile = (key: Change) =>
  jsonFile(
    plan(
      [
        {
          address: 'aws_iam_user.ci',
          actions: ['no-op'],
          before: { arn: `arn:aws:iam::${ACCOUNT}:user/ci-deploy`, name: 'ci-deploy' },
          after: { arn: `arn:aws:iam::${ACCOUNT}:user/ci-deploy`, name: 'ci-deploy' },
          expressions: { name: constant('ci-deploy') },
        },
        key,
      ],
      { providers: { aws: { region: constant('ap-northeast-1') } } },
    ),
    'plan.json',
  );
const terraformCases: AnyCase[] = [
  {
    name: 'a Terraform state: an Active key created long ago fails, though other keys of the user are unseen',
    records: [stateFile({ create_date: '2024-01-15T03:20:11Z', status: 'Active' })],
    target: 'aws_iam_user.ci',
    now: NOW,
    status: 'FAIL',
    messageId: 'stale',
    data: { keys: ['aws_iam_access_key.ci.create_date = 2024-01-15T03:20:11Z'] },
    evidence: [{ path: 'aws_iam_access_key.ci.create_date' }],
  },
  {
    name: 'a Terraform state: an Inactive old key, and the keys made outside it unknown',
    records: [stateFile({ create_date: '2024-01-15T03:20:11Z', status: 'Inactive' })],
    target: 'aws_iam_user.ci',
    now: NOW,
    status: 'UNKNOWN',
    messageId: 'noReport.state',
  },
  {
    name: 'a Terraform plan: an existing key made 10 days ago, and the keys made outside it unknown',
    records: [planFile(existingKey('2026-10-22T00:00:00Z'))],
    target: 'aws_iam_user.ci',
    now: NOW,
    status: 'UNKNOWN',
    messageId: 'noReport.plan',
  },
  {
    name: 'a Terraform plan: an existing key made 200 days ago',
    records: [planFile(existingKey('2026-04-15T00:00:00Z'))],
    target: 'aws_iam_user.ci',
    now: NOW,
    status: 'FAIL',
    messageId: 'stale',
  },
  {
    name: 'a Terraform plan: a new key, its create_date known only after apply',
    records: [
      planFile({
        address: 'aws_iam_access_key.ci',
        after: { user: 'ci-deploy', status: 'Active', pgp_key: null },
        afterUnknown: { id: true, create_date: true, secret: true },
        expressions: { user: ref('aws_iam_user.ci.name', 'aws_iam_user.ci') },
      }),
    ],
    target: 'aws_iam_user.ci',
    now: NOW,
    status: 'UNKNOWN',
    messageId: 'noReport.plan',
  },
];

export default byVerdict([...cases, ...terraformCases]) satisfies RuleTests;
