/**
 * The IAM permissions by which a Google Cloud role's holders may grant themselves roles/owner,
 * named once for the adapters (which keep a custom role's escalation permissions as a fact) and
 * the owner count (which follows each path). Rhino Security Labs' GCP privilege escalation list.
 * https://cloud.google.com/iam/docs/service-account-permissions
 * https://rhinosecuritylabs.com/gcp/privilege-escalation-google-cloud-platform-part-1/
 */

/** Rewriting the IAM policy of a project, a folder or an organization. */
export const POLICY_WRITE_PERMISSIONS: ReadonlySet<string> = new Set([
  'resourcemanager.projects.setIamPolicy',
  'resourcemanager.folders.setIamPolicy',
  'resourcemanager.organizations.setIamPolicy',
]);

/**
 * Acting as a service account: a short-lived token, a signed JWT or blob, a key, or the service
 * account's own IAM policy rewritten to grant one of those.
 */
export const IMPERSONATING_PERMISSIONS: ReadonlySet<string> = new Set([
  'iam.serviceAccounts.getAccessToken',
  'iam.serviceAccounts.signBlob',
  'iam.serviceAccounts.signJwt',
  'iam.serviceAccounts.implicitDelegation',
  'iam.serviceAccountKeys.create',
  'iam.serviceAccounts.setIamPolicy',
]);

/** Rewriting a custom role its holders hold. */
export const ROLE_UPDATE = 'iam.roles.update';

/** Every permission above. */
export const ESCALATION_PERMISSIONS: ReadonlySet<string> = new Set([
  ...POLICY_WRITE_PERMISSIONS,
  ...IMPERSONATING_PERMISSIONS,
  ROLE_UPDATE,
]);
