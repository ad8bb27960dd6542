import type { GcpPublicGrant } from '../../../model/gcp.ts';

/** Grants as messages name them: `member (role)`. */
export function describeGrants(grants: readonly GcpPublicGrant[]): string[] {
  return grants.map((grant) => `${grant.member} (${grant.role})`);
}
