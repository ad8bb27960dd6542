import { missingData } from '../../missing-data.ts';

/**
 * The IAM user checks decided from the credential report (`aws iam get-credential-report`, or
 * the live call): a user with no row in it cannot be judged, offline or live.
 */
export const NO_CREDENTIAL_REPORT_ROW = missingData(
  {
    ja: 'IAM ユーザ {{user}} の資格情報レポートの行がないため判断できません',
    en: 'Cannot tell: no credential report row for IAM user {{user}}',
  },
  'awsCredentialReport',
  {
    ja: 'IAM ユーザ {{user}} の資格情報レポートの行がありません',
    en: 'No credential report row for IAM user {{user}}',
  },
);
