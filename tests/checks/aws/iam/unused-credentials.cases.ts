import { credentialReportFile, jsonFile } from '../../../helpers/exports.ts';
import type { RuleTests } from '../../../helpers/rule-tester.ts';
import { iamUserItem, userArn } from '../../../sources/aws/builders.ts';

/**
 * A credential-report row (columns of CREDENTIAL_REPORT_HEADER) with the last-use columns the
 * check reads; `N/A` where the credential does not exist or was never used, as AWS writes it. The
 * password was set when the user was made, unless `changed` says when.
 */
function row(
  user: string,
  password: { lastUsed: string; changed?: string } | null,
  key1: { rotated: string; lastUsed: string } | null,
  created = '2024-04-01T02:00:00+00:00',
): string {
  const key = key1
    ? ['true', key1.rotated, key1.lastUsed, 'ap-northeast-1', 's3']
    : ['false', 'N/A', 'N/A', 'N/A', 'N/A'];
  return [
    user,
    userArn(user),
    created,
    password ? 'true' : 'false',
    password ? password.lastUsed : 'N/A',
    password ? (password.changed ?? created) : 'N/A',
    'N/A',
    'true',
    ...key,
    'false',
    'N/A',
    'N/A',
    'N/A',
    'N/A',
    'false',
    'N/A',
    'false',
    'N/A',
  ].join(',');
}

/**
 * ScoutSuite's AWS results where the credential report could not be generated: a user's own
 * record (ListUsers' User with ScoutSuite's `LoginProfile` and ListAccessKeys' `AccessKeys`).
 */
function scoutSuiteUser(user: Record<string, unknown>) {
  const name = String(user.name);
  return jsonFile(
    {
      account_id: '123456789012',
      last_run: { time: '2026-11-30 09:00:00+0900' },
      provider_code: 'aws',
      services: {
        iam: {
          credential_reports: {},
          users: { [`AIDA${name}`]: { id: `AIDA${name}`, arn: userArn(name), MFADevices: [], ...user } },
        },
      },
    },
    `scoutsuite_results_aws-${name}.json`,
  );
}

export default {
  valid: [
    {
      name: 'a console sign-in and a key used this month',
      records: [
        credentialReportFile([
          row(
            'alice',
            { lastUsed: '2026-11-20T08:00:00+00:00' },
            {
              rotated: '2026-09-01T00:00:00+00:00',
              lastUsed: '2026-11-30T23:00:00+00:00',
            },
          ),
        ]),
      ],
      messageId: 'inUse',
      example: true,
    },
    {
      name: 'a password never used, of a user created two weeks ago',
      records: [
        credentialReportFile([
          row('erin', { lastUsed: 'no_information' }, null, '2026-11-17T00:00:00+00:00'),
        ]),
      ],
      messageId: 'inUse',
    },
    {
      name: 'a password set last week on a user made in 2019, not used yet (CIS 1.12: password_last_changed)',
      records: [
        credentialReportFile([
          row(
            'gwen',
            { lastUsed: 'N/A', changed: '2026-11-24T06:00:00+00:00' },
            null,
            '2019-05-01T00:00:00+00:00',
          ),
        ]),
      ],
      messageId: 'inUse',
    },
    {
      name: 'ScoutSuite: a password never used, its LoginProfile without CreateDate, of a user made last week',
      records: [
        scoutSuiteUser({
          name: 'nia',
          CreateDate: '2026-11-25 00:00:00+00:00',
          LoginProfile: { UserName: 'nia', PasswordResetRequired: true },
          AccessKeys: [],
        }),
      ],
      messageId: 'inUse',
    },
    {
      name: "ScoutSuite: a password signed in with last week (ListUsers' PasswordLastUsed) and no access key",
      records: [
        scoutSuiteUser({
          name: 'ivy',
          CreateDate: '2023-03-01 00:00:00+00:00',
          PasswordLastUsed: '2026-11-24 10:00:00+00:00',
          LoginProfile: { UserName: 'ivy', CreateDate: '2023-03-01 00:05:00+00:00' },
          AccessKeys: [],
        }),
      ],
      messageId: 'inUse',
    },
    {
      name: 'ScoutSuite: a recent sign-in, and an access key made this month whose last use ListAccessKeys does not tell',
      records: [
        scoutSuiteUser({
          name: 'kai',
          CreateDate: '2026-11-20 00:00:00+00:00',
          PasswordLastUsed: '2026-11-29 10:00:00+00:00',
          LoginProfile: { UserName: 'kai', CreateDate: '2026-11-20 00:05:00+00:00' },
          AccessKeys: [{ AccessKeyId: 'AKIAKAI', Status: 'Active', CreateDate: '2026-11-20 00:10:00+00:00' }],
        }),
      ],
      messageId: 'inUse',
    },
    {
      name: 'no console password and no active key',
      records: [credentialReportFile([row('dave', null, null)])],
      messageId: 'noCredentials',
      status: 'NOT_APPLICABLE',
    },
  ],
  invalid: [
    {
      name: 'a console password last used in January',
      records: [credentialReportFile([row('bob', { lastUsed: '2026-01-10T09:00:00+00:00' }, null)])],
      messageId: 'unused',
      data: { max: 90 },
      message: {
        ja: 'IAM ユーザ bob の認証情報が 90 日を超えて使われていません（最後に使われた日時、一度も使われていなければ作成またはローテーションの日時）: password_last_used = 2026-01-10T09:00:00+00:00',
        en: 'Credentials of IAM user bob unused for more than 90 days (when last used, or when made or rotated if never used): password_last_used = 2026-01-10T09:00:00+00:00',
      },
      example: true,
    },
    {
      name: 'an access key never used since it was made in January',
      records: [
        credentialReportFile([row('carol', null, { rotated: '2026-01-05T00:00:00+00:00', lastUsed: 'N/A' })]),
      ],
      messageId: 'unused',
      data: { stale: ['access_key_1_last_rotated = 2026-01-05T00:00:00+00:00'] },
    },
    {
      name: 'a password never used since the user was made, and a key last used in March',
      records: [
        credentialReportFile([
          row(
            'henry',
            { lastUsed: 'no_information' },
            { rotated: '2025-01-05T00:00:00+00:00', lastUsed: '2026-03-01T00:00:00+00:00' },
            '2025-01-01T00:00:00+00:00',
          ),
        ]),
      ],
      messageId: 'unused',
      data: {
        stale: [
          'password_last_changed = 2025-01-01T00:00:00+00:00',
          'access_key_1_last_used_date = 2026-03-01T00:00:00+00:00',
        ],
      },
    },
    {
      name: 'a tighter limit set by the organisation (30 days)',
      records: [credentialReportFile([row('frank', { lastUsed: '2026-10-01T00:00:00+00:00' }, null)])],
      params: { maxUnusedDays: 30 },
      messageId: 'unused',
    },
    {
      name: "ScoutSuite: a console password last used in February 2024 (ListUsers' PasswordLastUsed)",
      records: [
        scoutSuiteUser({
          name: 'jo',
          CreateDate: '2021-06-01 00:00:00+00:00',
          PasswordLastUsed: '2024-02-01 08:00:00+00:00',
          LoginProfile: { UserName: 'jo', CreateDate: '2021-06-01 00:05:00+00:00' },
          AccessKeys: [],
        }),
      ],
      messageId: 'unused',
      data: { stale: ['password_last_used = 2024-02-01T08:00:00+00:00'] },
    },
    {
      name: 'ScoutSuite: a recent sign-in, and an access key made in 2021 whose last use ListAccessKeys does not tell',
      records: [
        scoutSuiteUser({
          name: 'lee',
          CreateDate: '2021-01-01 00:00:00+00:00',
          PasswordLastUsed: '2026-11-28 10:00:00+00:00',
          LoginProfile: { UserName: 'lee', CreateDate: '2021-01-01 00:05:00+00:00' },
          AccessKeys: [{ AccessKeyId: 'AKIALEE', Status: 'Active', CreateDate: '2021-01-01 00:10:00+00:00' }],
        }),
      ],
      status: 'UNKNOWN',
      messageId: 'lastUseUnknown',
      data: { undated: ['access_key_1_last_used_date'] },
      message: {
        ja: 'IAM ユーザ lee の 90 日より前に作られたアクセスキーの最終使用日時がエクスポートにないため判断できません: access_key_1_last_used_date',
        en: 'Cannot tell: the export does not show when access keys of IAM user lee made over 90 days ago were last used: access_key_1_last_used_date',
      },
    },
    {
      name: 'ScoutSuite: a password never used since the user was made in 2022 (no PasswordLastUsed), and an undated key',
      records: [
        scoutSuiteUser({
          name: 'max',
          CreateDate: '2022-04-01 00:00:00+00:00',
          LoginProfile: { UserName: 'max', CreateDate: '2022-04-01 00:00:30+00:00' },
          AccessKeys: [{ AccessKeyId: 'AKIAMAX', Status: 'Active', CreateDate: '2022-04-01 00:10:00+00:00' }],
        }),
      ],
      messageId: 'unused',
      data: { stale: ['LoginProfile.CreateDate = 2022-04-01T00:00:30+00:00'] },
    },
    {
      name: 'a password set in 2025 and never used since',
      records: [
        credentialReportFile([
          row(
            'hugo',
            { lastUsed: 'N/A', changed: '2025-12-01T06:00:00+00:00' },
            null,
            '2019-05-01T00:00:00+00:00',
          ),
        ]),
      ],
      messageId: 'unused',
      data: { stale: ['password_last_changed = 2025-12-01T06:00:00+00:00'] },
    },
    {
      name: 'ScoutSuite: a password made in 2024 and never used fails the user, though its keys were not listed',
      records: [
        scoutSuiteUser({
          name: 'oli',
          CreateDate: '2018-03-01 00:00:00+00:00',
          LoginProfile: { UserName: 'oli', CreateDate: '2024-06-01 01:00:00+00:00' },
        }),
      ],
      messageId: 'unused',
      data: { stale: ['LoginProfile.CreateDate = 2024-06-01T01:00:00+00:00'] },
    },
    {
      name: 'ScoutSuite: a password never used, of a user made in 2020, its LoginProfile without CreateDate',
      records: [
        scoutSuiteUser({
          name: 'pia',
          CreateDate: '2020-02-02 00:00:00+00:00',
          LoginProfile: { UserName: 'pia', PasswordResetRequired: false },
          AccessKeys: [],
        }),
      ],
      status: 'UNKNOWN',
      messageId: 'passwordSetUnknown',
      message: {
        ja: 'IAM ユーザ pia のコンソールパスワードは一度も使われていませんが、設定された日時がエクスポートにないため判断できません（ユーザの作成は 90 日より前です）',
        en: 'Cannot tell: the console password of IAM user pia was never used, and the export does not show when it was set (the user was made over 90 days ago)',
      },
    },
    {
      name: 'a Config IAM user item without its credential-report row',
      records: [iamUserItem('ghost')],
      messageId: 'noReport',
      status: 'UNKNOWN',
    },
  ],
} satisfies RuleTests<
  'inUse' | 'unused' | 'noCredentials' | 'noReport' | 'lastUseUnknown' | 'passwordSetUnknown'
>;
