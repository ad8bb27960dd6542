import type { AwsAccessKey } from '../../../model/aws.ts';
import { missingData } from '../../missing-data.ts';

/** The column that holds a key's time, as evidence names it: `access_key_1_last_rotated`, or its own row's. */
export function keyColumn(key: AwsAccessKey, time: 'lastRotated' | 'lastUsed'): string {
  return (
    key.columns?.[time] ??
    `access_key_${key.slot}_${time === 'lastRotated' ? 'last_rotated' : 'last_used_date'}`
  );
}

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
