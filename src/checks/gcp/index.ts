import type { Check } from '../check.ts';
import bigqueryDatasetPublicAccess from './bigquery/dataset-public-access.ts';
import computeDiskCmek from './compute/disk-cmek.ts';
import computeFirewallInternetIngress from './compute/firewall-internet-ingress.ts';
import computeFirewallPolicyInternetIngress from './compute/firewall-policy-internet-ingress.ts';
import computeSubnetFlowLogs from './compute/subnet-flow-logs.ts';
import gkeClusterEndpointAccess from './gke/cluster-endpoint-access.ts';
import gkeClusterLegacyAbac from './gke/cluster-legacy-abac.ts';
import gkeClusterLogging from './gke/cluster-logging.ts';
import iamExternalPrincipals from './iam/external-principals.ts';
import iamOwnerCount from './iam/owner-count.ts';
import iamServiceAccountKeyAge from './iam/service-account-key-age.ts';
import kmsKeyRotation from './kms/key-rotation.ts';
import loggingDataAccessAuditLogs from './logging/data-access-audit-logs.ts';
import loggingLogBucketRetention from './logging/log-bucket-retention.ts';
import serverlessPublicInvoker from './serverless/public-invoker.ts';
import sqlInstanceBackups from './sql/instance-backups.ts';
import sqlInstanceCmek from './sql/instance-cmek.ts';
import sqlInstancePublicAccess from './sql/instance-public-access.ts';
import sqlInstanceSslRequired from './sql/instance-ssl-required.ts';
import storageBucketCmek from './storage/bucket-cmek.ts';
import storageBucketPublicAccess from './storage/bucket-public-access.ts';
import storageBucketUniformAccess from './storage/bucket-uniform-access.ts';

/** The gcp checks, sorted by id. */
export const gcpChecks: readonly Check[] = [
  bigqueryDatasetPublicAccess,
  computeDiskCmek,
  computeFirewallInternetIngress,
  computeFirewallPolicyInternetIngress,
  computeSubnetFlowLogs,
  gkeClusterEndpointAccess,
  gkeClusterLegacyAbac,
  gkeClusterLogging,
  iamExternalPrincipals,
  iamOwnerCount,
  iamServiceAccountKeyAge,
  kmsKeyRotation,
  loggingDataAccessAuditLogs,
  loggingLogBucketRetention,
  serverlessPublicInvoker,
  sqlInstanceBackups,
  sqlInstanceCmek,
  sqlInstancePublicAccess,
  sqlInstanceSslRequired,
  storageBucketCmek,
  storageBucketPublicAccess,
  storageBucketUniformAccess,
];
