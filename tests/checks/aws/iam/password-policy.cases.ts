import { DEFAULT_PARAMETERS } from '../../../../src/model/parameters.ts';
import {
  credentialReportFile,
  jsonFile,
  noPasswordPolicyFile,
  passwordPolicyFile,
} from '../../../helpers/exports.ts';
import type { RuleTests } from '../../../helpers/rule-tester.ts';
import {
  ACCOUNT,
  passwordPolicy,
  rootRow,
  steampipePasswordPolicyRow,
} from '../../../sources/aws/builders.ts';

type Messages = 'strict' | 'weak' | 'noPolicy' | 'unknownSettings' | 'noExport';

const STEAMPIPE_COLUMNS = Object.keys(steampipePasswordPolicyRow()).map((name) => ({
  name,
  data_type: name.startsWith('require') ? 'bool' : 'text',
}));

export default {
  valid: [
    {
      name: 'CIS policy: 14 characters, four character classes, 24 passwords remembered (CLI output)',
      records: [passwordPolicyFile(passwordPolicy())],
      messageId: 'strict',
      evidence: [
        { path: 'PasswordPolicy.MinimumPasswordLength', value: 14, source: 'explicit' },
        { path: 'PasswordPolicy.PasswordReusePrevention', value: 24 },
        { path: 'PasswordPolicy.RequireSymbols', value: true },
        { path: 'PasswordPolicy.RequireNumbers', value: true },
        { path: 'PasswordPolicy.RequireUppercaseCharacters', value: true },
        { path: 'PasswordPolicy.RequireLowercaseCharacters', value: true },
      ],
      example: true,
    },
    {
      name: 'older CLI output with ResponseMetadata beside the policy, stricter than asked',
      records: [
        jsonFile(
          {
            ResponseMetadata: { RequestId: '4c2e9a51-7d3b-4f60-8e1a-2b5c7d9f0a13' },
            PasswordPolicy: passwordPolicy({
              MinimumPasswordLength: 20,
              MaxPasswordAge: 90,
              ExpirePasswords: true,
            }),
          },
          `${ACCOUNT}_get-account-password-policy.json`,
        ),
      ],
      messageId: 'strict',
    },
    {
      name: 'Steampipe rows (v0.24+ {columns, rows}): the account from account_id',
      records: [
        jsonFile({ columns: STEAMPIPE_COLUMNS, rows: [steampipePasswordPolicyRow()] }, 'steampipe.json'),
      ],
      messageId: 'strict',
      assert: (result, resource) => {
        if (resource.account !== ACCOUNT) throw new Error(`account ${resource.account}`);
        if (result.evidence[0]?.path !== 'minimum_password_length')
          throw new Error('the column names the setting');
      },
    },
    {
      name: 'the organisation asks less: 8 characters, no symbol, no reuse rule',
      records: [
        passwordPolicyFile(
          passwordPolicy({
            MinimumPasswordLength: 8,
            RequireSymbols: false,
            PasswordReusePrevention: undefined,
          }),
        ),
      ],
      params: {
        passwordPolicy: {
          ...DEFAULT_PARAMETERS.passwordPolicy,
          minimumLength: 8,
          reusePrevention: 0,
          requireSymbols: false,
        },
      },
      messageId: 'strict',
    },
  ],
  invalid: [
    {
      name: 'no password policy: the CLI answered NoSuchEntity (its error output kept as the export)',
      records: [noPasswordPolicyFile()],
      messageId: 'noPolicy',
      evidence: [{ path: 'PasswordPolicy', value: false, source: 'explicit' }],
      message: { en: /8 characters/ },
      example: true,
    },
    {
      name: 'no password policy: Steampipe returns no row (account from the file name)',
      records: [
        jsonFile({ columns: STEAMPIPE_COLUMNS, rows: [] }, `${ACCOUNT}_steampipe-password-policy.json`),
      ],
      messageId: 'noPolicy',
    },
    {
      name: 'minimum length 8 < 14: the length decides',
      records: [passwordPolicyFile(passwordPolicy({ MinimumPasswordLength: 8 }))],
      messageId: 'weak',
      evidence: [{ path: 'PasswordPolicy.MinimumPasswordLength', value: 8 }],
      data: { failing: ['PasswordPolicy.MinimumPasswordLength = 8 < 14'] },
    },
    {
      name: 'PasswordReusePrevention absent (not set): any old password may be reused',
      records: [passwordPolicyFile(passwordPolicy({ PasswordReusePrevention: undefined }))],
      messageId: 'weak',
      evidence: [{ path: 'PasswordPolicy.PasswordReusePrevention', value: 0, source: 'default' }],
    },
    {
      name: 'symbols and uppercase not required: both named, nothing else',
      records: [
        passwordPolicyFile(passwordPolicy({ RequireSymbols: false, RequireUppercaseCharacters: false })),
      ],
      messageId: 'weak',
      evidence: [
        { path: 'PasswordPolicy.RequireSymbols', value: false },
        { path: 'PasswordPolicy.RequireUppercaseCharacters', value: false },
      ],
    },
    {
      name: 'Steampipe (bare array before v0.24): reuse prevention null, numbers not required',
      records: [
        jsonFile(
          [steampipePasswordPolicyRow({ password_reuse_prevention: null, require_numbers: false })],
          'steampipe.json',
        ),
      ],
      messageId: 'weak',
      evidence: [
        { path: 'password_reuse_prevention', value: 0, source: 'default' },
        { path: 'require_numbers', value: false },
      ],
    },
    {
      name: 'a policy without RequireNumbers: UNKNOWN, never a pass',
      records: [passwordPolicyFile(passwordPolicy({ RequireNumbers: undefined }))],
      status: 'UNKNOWN',
      messageId: 'unknownSettings',
      evidence: [{ path: 'PasswordPolicy.RequireNumbers', source: 'unknown' }],
    },
    {
      name: 'a length that is not a number: UNKNOWN',
      records: [passwordPolicyFile(passwordPolicy({ MinimumPasswordLength: '14' }))],
      status: 'UNKNOWN',
      messageId: 'unknownSettings',
    },
    {
      name: 'the export has no password policy for the account (only its credential report)',
      records: [credentialReportFile([rootRow('true')])],
      status: 'UNKNOWN',
      messageId: 'noExport',
      evidence: [{ source: 'unknown' }],
    },
  ],
} satisfies RuleTests<Messages>;
