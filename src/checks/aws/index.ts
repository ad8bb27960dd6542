import type { Check } from '../check.ts';
import cloudtrailLogFileValidation from './cloudtrail/log-file-validation.ts';
import cloudtrailMultiRegionTrail from './cloudtrail/multi-region-trail.ts';
import ec2VolumeEncrypted from './ec2/volume-encrypted.ts';
import iamAdminUserMfa from './iam/admin-user-mfa.ts';
import iamConsoleUserMfa from './iam/console-user-mfa.ts';
import iamRootAccessKeys from './iam/root-access-keys.ts';
import iamRootMfa from './iam/root-mfa.ts';
import kmsKeyRotation from './kms/key-rotation.ts';
import s3BucketCmkEncryption from './s3/bucket-cmk-encryption.ts';
import s3BucketPublicAccess from './s3/bucket-public-access.ts';

/** The aws checks, sorted by id. */
export const awsChecks: readonly Check[] = [
  cloudtrailLogFileValidation,
  cloudtrailMultiRegionTrail,
  ec2VolumeEncrypted,
  iamAdminUserMfa,
  iamConsoleUserMfa,
  iamRootAccessKeys,
  iamRootMfa,
  kmsKeyRotation,
  s3BucketCmkEncryption,
  s3BucketPublicAccess,
];
