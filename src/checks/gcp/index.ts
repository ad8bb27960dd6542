import type { Check } from '../check.ts';
import kmsKeyRotation from './kms/key-rotation.ts';
import loggingDataAccessAuditLogs from './logging/data-access-audit-logs.ts';
import storageBucketCmek from './storage/bucket-cmek.ts';
import storageBucketPublicAccess from './storage/bucket-public-access.ts';
import storageBucketUniformAccess from './storage/bucket-uniform-access.ts';

/** The gcp checks, sorted by id. */
export const gcpChecks: readonly Check[] = [
  kmsKeyRotation,
  loggingDataAccessAuditLogs,
  storageBucketCmek,
  storageBucketPublicAccess,
  storageBucketUniformAccess,
];
