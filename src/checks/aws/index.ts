import type { Check } from '../check.ts';
import cloudtrailLogFileValidation from './cloudtrail/log-file-validation.ts';
import cloudtrailMultiRegionTrail from './cloudtrail/multi-region-trail.ts';
import ec2SecurityGroupOpenPorts from './ec2/security-group-open-ports.ts';
import ec2VpcFlowLogs from './ec2/vpc-flow-logs.ts';
import eksClusterControlPlaneLogging from './eks/cluster-control-plane-logging.ts';
import eksClusterEndpointAccess from './eks/cluster-endpoint-access.ts';
import guarddutyEnabledAllRegions from './guardduty/enabled-all-regions.ts';
import iamAccessKeyAge from './iam/access-key-age.ts';
import iamAdminUserMfa from './iam/admin-user-mfa.ts';
import iamConsoleUserMfa from './iam/console-user-mfa.ts';
import iamPasswordPolicy from './iam/password-policy.ts';
import iamPrivilegedPrincipalCount from './iam/privileged-principal-count.ts';
import iamRoleTrust from './iam/role-trust.ts';
import iamRootAccessKeys from './iam/root-access-keys.ts';
import iamRootMfa from './iam/root-mfa.ts';
import iamUnusedCredentials from './iam/unused-credentials.ts';
import kmsKeyPendingDeletion from './kms/key-pending-deletion.ts';
import kmsKeyRotation from './kms/key-rotation.ts';
import lambdaFunctionPublicAccess from './lambda/function-public-access.ts';
import logsLogGroupRetention from './logs/log-group-retention.ts';
import rdsInstanceBackup from './rds/instance-backup.ts';
import rdsInstanceEncrypted from './rds/instance-encrypted.ts';
import rdsInstanceLogExports from './rds/instance-log-exports.ts';
import rdsInstancePublicAccess from './rds/instance-public-access.ts';
import s3BucketAccessLogging from './s3/bucket-access-logging.ts';
import s3BucketCmkEncryption from './s3/bucket-cmk-encryption.ts';
import s3BucketPublicAccess from './s3/bucket-public-access.ts';
import s3BucketTlsOnly from './s3/bucket-tls-only.ts';

/** The aws checks, sorted by id. */
export const awsChecks: readonly Check[] = [
  cloudtrailLogFileValidation,
  cloudtrailMultiRegionTrail,
  ec2SecurityGroupOpenPorts,
  ec2VpcFlowLogs,
  eksClusterControlPlaneLogging,
  eksClusterEndpointAccess,
  guarddutyEnabledAllRegions,
  iamAccessKeyAge,
  iamAdminUserMfa,
  iamConsoleUserMfa,
  iamPasswordPolicy,
  iamPrivilegedPrincipalCount,
  iamRoleTrust,
  iamRootAccessKeys,
  iamRootMfa,
  iamUnusedCredentials,
  kmsKeyPendingDeletion,
  kmsKeyRotation,
  lambdaFunctionPublicAccess,
  logsLogGroupRetention,
  rdsInstanceBackup,
  rdsInstanceEncrypted,
  rdsInstanceLogExports,
  rdsInstancePublicAccess,
  s3BucketAccessLogging,
  s3BucketCmkEncryption,
  s3BucketPublicAccess,
  s3BucketTlsOnly,
];
