import { type AnyCase, byVerdict } from '../../../helpers/rule-tester.ts';
import { assessmentRow } from '../arg-rows.ts';

/** Assessment keys of Defender for Cloud recommendations the azure.iam.* checks read. */
export const OWNER_MFA_V2 = '6240402e-f77c-46fa-9060-a7ce53997754';
export const OWNER_MFA_V1 = '94290b00-4d0c-d7b4-7cea-064a9554e681';
export const WRITE_MFA_V2 = 'c0cb17b2-0607-48a7-b0e0-903ed22de39b';
export const GUEST_OWNER_V2 = '20606e75-05c4-48c0-9d97-add6daa2109a';
/** "External accounts with owner permissions should be removed from your subscription", before the rename. */
export const GUEST_OWNER_V1 = 'c3b6ae71-f1f0-31b4-e6c1-d5951285d03d';
export const GUEST_WRITE_V2 = '0354476c-a12a-4fcc-a79d-f0ab7ffffdbb';
/** "External accounts with write permissions should be removed from your subscription", before the rename. */
export const GUEST_WRITE_V1 = '04e7147b-0deb-9796-2e5c-0336343ceb3d';

/** The verdicts of a check decided by one assessment (`key`): `otherKey` is another recommendation's. */
export function assessmentCases(key: string, otherKey: string, extra: readonly AnyCase[] = []) {
  const cases: AnyCase[] = [
    { name: 'Healthy', records: [assessmentRow(key, 'Healthy')], status: 'PASS', messageId: 'healthy' },
    { name: 'Unhealthy', records: [assessmentRow(key, 'Unhealthy')], status: 'FAIL', messageId: 'unhealthy' },
    {
      name: 'NotApplicable',
      records: [assessmentRow(key, 'NotApplicable')],
      status: 'NOT_APPLICABLE',
      messageId: 'notApplicable',
    },
    {
      name: 'NotApplicable because the recommendation is disabled in policy',
      records: [assessmentRow(key, 'NotApplicable', 'OffByPolicy')],
      status: 'UNKNOWN',
      messageId: 'notEvaluated',
      data: { cause: 'OffByPolicy' },
    },
    {
      name: 'NotApplicable because the subscription is exempted',
      records: [assessmentRow(key, 'NotApplicable', 'Exempt')],
      status: 'UNKNOWN',
      messageId: 'notEvaluated',
      data: { cause: 'Exempt' },
    },
    {
      name: 'only another recommendation assessed',
      records: [assessmentRow(otherKey, 'Healthy')],
      status: 'UNKNOWN',
      messageId: 'noAssessment',
    },
    {
      name: 'status missing',
      records: [assessmentRow(key, undefined)],
      status: 'UNKNOWN',
      messageId: 'noStatus',
    },
    {
      name: 'a status code other than Healthy, Unhealthy and NotApplicable',
      records: [assessmentRow(key, 'Unknown')],
      status: 'UNKNOWN',
      messageId: 'unknownStatus',
      data: { status: 'Unknown' },
    },
    ...extra,
  ];
  return byVerdict(cases);
}
