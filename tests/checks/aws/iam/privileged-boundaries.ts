import { credentialReportFile } from '../../../helpers/exports.ts';
import type { AnyCase } from '../../../helpers/rule-tester.ts';
import {
  ACCOUNT,
  ADMINISTRATOR_ACCESS,
  iamPolicyItem,
  iamUserItem,
  rootRow,
} from '../../../sources/aws/builders.ts';
import { roleItem } from './role.ts';

type Json = Record<string, unknown>;

/**
 * aws.iam.privileged-principal-count and admin-user-mfa under permissions boundaries: a user or
 * role may do only what both its policies and its boundary allow (Config's
 * `configuration.permissionsBoundary`, null for none).
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html
 */

const ROOT = credentialReportFile([rootRow('true')]);
const READ_ONLY = 'arn:aws:iam::aws:policy/ReadOnlyAccess';
const customer = (name: string) => `arn:aws:iam::${ACCOUNT}:policy/${name}`;
const boundary = (arn: string) => ({
  permissionsBoundary: { permissionsBoundaryType: 'PermissionsBoundaryPolicy', permissionsBoundaryArn: arn },
});
const admin = (name: string, configuration: Json = {}) =>
  iamUserItem(name, {
    attachedManagedPolicies: [ADMINISTRATOR_ACCESS],
    permissionsBoundary: null,
    ...configuration,
  });
const keysEverywhere = (name: string, configuration: Json) =>
  iamUserItem(name, {
    userPolicyList: [
      {
        policyName: 'keys',
        policyDocument: encodeURIComponent(
          JSON.stringify({
            Version: '2012-10-17',
            Statement: [{ Effect: 'Allow', Action: 'iam:CreateAccessKey', Resource: '*' }],
          }),
        ),
      },
    ],
    ...configuration,
  });
const SUPPORT_ROLE = roleItem('AWSServiceRoleForSupport', {
  Effect: 'Allow',
  Principal: { Service: 'support.amazonaws.com' },
  Action: 'sts:AssumeRole',
});
const KEYS_BOUNDARY = iamPolicyItem('keys-boundary', [
  { statement: { Effect: 'Allow', Action: ['iam:CreateAccessKey', 's3:*'], Resource: '*' }, isDefault: true },
]);
// Customer managed policies that take the names of AWS managed ones: what they allow is their own statements.
const S3_NAMED_ADMINISTRATOR = iamPolicyItem('AdministratorAccess', [
  { statement: { Effect: 'Allow', Action: 's3:*', Resource: '*' }, isDefault: true },
]);
const S3_NAMED_IAM_FULL = iamPolicyItem('IAMFullAccess', [
  { statement: { Effect: 'Allow', Action: 's3:*', Resource: '*' }, isDefault: true },
]);
const S3_BOUNDARY = iamPolicyItem('s3-boundary', [
  { statement: { Effect: 'Allow', Action: 's3:*', Resource: '*' }, isDefault: true },
]);

const count = (name: string, items: Json[], max: number, status: string, messageId: string, data: Json) => ({
  name,
  records: [admin('a'), SUPPORT_ROLE, ...items, ROOT],
  params: { maxPrivilegedPrincipals: max },
  status,
  messageId,
  data,
});

export const boundaryCases: AnyCase[] = [
  count(
    'AdministratorAccess under a ReadOnlyAccess boundary',
    [admin('capped', boundary(READ_ONLY))],
    1,
    'PASS',
    'withinLimit',
    {
      principals: ['a'],
    },
  ),
  count(
    'AdministratorAccess under a customer boundary allowing s3:* only',
    [admin('capped', boundary(customer('s3-boundary'))), S3_BOUNDARY],
    1,
    'PASS',
    'withinLimit',
    { principals: ['a'] },
  ),
  count(
    'AdministratorAccess under a boundary the export does not hold',
    [admin('capped', boundary(customer('unseen')))],
    1,
    'UNKNOWN',
    'unknown',
    { undecided: ['capped'] },
  ),
  count(
    'AdministratorAccess under an AdministratorAccess boundary',
    [admin('bounded', boundary('arn:aws:iam::aws:policy/AdministratorAccess'))],
    1,
    'FAIL',
    'tooMany',
    { principals: ['a', 'bounded'] },
  ),
  count(
    'AdministratorAccess under a customer boundary named AdministratorAccess that allows s3:* only',
    [admin('capped', boundary(customer('AdministratorAccess'))), S3_NAMED_ADMINISTRATOR],
    1,
    'PASS',
    'withinLimit',
    { principals: ['a'] },
  ),
  count(
    'iam:CreateAccessKey on every user under a customer boundary named IAMFullAccess that allows s3:* only',
    [keysEverywhere('keys', boundary(customer('IAMFullAccess'))), S3_NAMED_IAM_FULL],
    1,
    'PASS',
    'withinLimit',
    { principals: ['a'] },
  ),
  count(
    "iam:CreateAccessKey on every user (an administrator's keys) under a ReadOnlyAccess boundary",
    [keysEverywhere('keys', boundary(READ_ONLY))],
    1,
    'PASS',
    'withinLimit',
    { principals: ['a'] },
  ),
  count(
    'iam:CreateAccessKey on every user under a boundary that allows it too',
    [keysEverywhere('keys', boundary(customer('keys-boundary'))), KEYS_BOUNDARY],
    1,
    'FAIL',
    'tooManyEscalating',
    { escalating: ['keys'] },
  ),
] as AnyCase[];
