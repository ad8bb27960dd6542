import type { Check } from '../check.ts';
import iamOwnerMfa from './iam/owner-mfa.ts';
import iamWriteMfa from './iam/write-mfa.ts';
import keyvaultRecoverable from './keyvault/recoverable.ts';
import monitorActivityLogExported from './monitor/activity-log-exported.ts';
import storageBlobPublicAccess from './storage/blob-public-access.ts';
import storageCustomerManagedKey from './storage/customer-managed-key.ts';
import storageHttpsOnly from './storage/https-only.ts';
import storageMinimumTls from './storage/minimum-tls.ts';

/** The azure checks, sorted by id. */
export const azureChecks: readonly Check[] = [
  iamOwnerMfa,
  iamWriteMfa,
  keyvaultRecoverable,
  monitorActivityLogExported,
  storageBlobPublicAccess,
  storageCustomerManagedKey,
  storageHttpsOnly,
  storageMinimumTls,
];
