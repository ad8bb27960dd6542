import { credentialReportFile } from '../../../helpers/exports.ts';
import type { RuleTests } from '../../../helpers/rule-tester.ts';
import { iamUserItem, userArn } from '../../../sources/aws/builders.ts';

/**
 * A credential-report row (columns of CREDENTIAL_REPORT_HEADER) with the last-use columns the
 * check reads; `N/A` where the credential does not exist or was never used, as AWS writes it.
 */
function row(
  user: string,
  password: { lastUsed: string } | null,
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
    password ? '2026-06-01T00:00:00+00:00' : 'N/A',
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
          'user_creation_time = 2025-01-01T00:00:00+00:00',
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
      name: 'a Config IAM user item without its credential-report row',
      records: [iamUserItem('ghost')],
      messageId: 'noReport',
      status: 'UNKNOWN',
    },
  ],
} satisfies RuleTests<'inUse' | 'unused' | 'noCredentials' | 'noReport'>;
