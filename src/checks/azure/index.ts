import type { Check } from '../check.ts';
import aksApiServerAccess from './aks/api-server-access.ts';
import aksControlPlaneLogs from './aks/control-plane-logs.ts';
import aksRbac from './aks/rbac.ts';
import appserviceTlsOnly from './appservice/tls-only.ts';
import computeVmEncryptionAtHost from './compute/vm-encryption-at-host.ts';
import computeVmEndpointProtection from './compute/vm-endpoint-protection.ts';
import costBudget from './cost/budget.ts';
import databaseMinimumTls from './database/minimum-tls.ts';
import databasePublicNetworkAccess from './database/public-network-access.ts';
import iamGuestOwner from './iam/guest-owner.ts';
import iamGuestWrite from './iam/guest-write.ts';
import iamOwnerMfa from './iam/owner-mfa.ts';
import iamPrivilegedCount from './iam/privileged-count.ts';
import iamWriteMfa from './iam/write-mfa.ts';
import keyvaultKeyExpiry from './keyvault/key-expiry.ts';
import keyvaultKeyRotation from './keyvault/key-rotation.ts';
import keyvaultRecoverable from './keyvault/recoverable.ts';
import monitorActivityLogExported from './monitor/activity-log-exported.ts';
import monitorLogRetention from './monitor/log-retention.ts';
import monitorResourceLogs from './monitor/resource-logs.ts';
import networkFlowLogs from './network/flow-logs.ts';
import networkNsgInternetIngress from './network/nsg-internet-ingress.ts';
import redisTlsOnly from './redis/tls-only.ts';
import securityDefenderPlans from './security/defender-plans.ts';
import sqlAuditing from './sql/auditing.ts';
import storageAccessKeyAge from './storage/access-key-age.ts';
import storageBlobPublicAccess from './storage/blob-public-access.ts';
import storageCustomerManagedKey from './storage/customer-managed-key.ts';
import storageHttpsOnly from './storage/https-only.ts';
import storageMinimumTls from './storage/minimum-tls.ts';

/** The azure checks, sorted by id. */
export const azureChecks: readonly Check[] = [
  aksApiServerAccess,
  aksControlPlaneLogs,
  aksRbac,
  appserviceTlsOnly,
  computeVmEncryptionAtHost,
  computeVmEndpointProtection,
  costBudget,
  databaseMinimumTls,
  databasePublicNetworkAccess,
  iamGuestOwner,
  iamGuestWrite,
  iamOwnerMfa,
  iamPrivilegedCount,
  iamWriteMfa,
  keyvaultKeyExpiry,
  keyvaultKeyRotation,
  keyvaultRecoverable,
  monitorActivityLogExported,
  monitorLogRetention,
  monitorResourceLogs,
  networkFlowLogs,
  networkNsgInternetIngress,
  redisTlsOnly,
  securityDefenderPlans,
  sqlAuditing,
  storageAccessKeyAge,
  storageBlobPublicAccess,
  storageCustomerManagedKey,
  storageHttpsOnly,
  storageMinimumTls,
];
