/**
 * The streams a Google Cloud scan reads: for each scope (an organization, a folder or a
 * project) one ListAssets stream per content type, and for an organization or a folder the
 * RESOURCE stream split into groups of asset types. One stream pages one page at a time (each
 * page needs the previous token) and a full page takes about a second, so a large scope read
 * as one stream cannot use the quota; two to four streams side by side can. A project is small:
 * splitting it would only multiply calls (each group costs at least one), so it stays whole.
 * Kept apart from the reading, so that a scan can be planned (or sharded) before it runs.
 */
export type ContentType = 'RESOURCE' | 'IAM_POLICY';

export interface StreamPlan {
  /** `organizations/O`, `folders/F` or `projects/P`. */
  readonly parent: string;
  readonly contentType: ContentType;
  readonly assetTypes: readonly string[];
  /** 1-based group of the scope's RESOURCE types, when it was split (for messages and saved files). */
  readonly group?: { readonly n: number; readonly of: number };
}

/**
 * RESOURCE groups of an organization or folder scope: with IAM_POLICY, seven streams in flight.
 * Types are dealt by name, not by how many assets each holds (unknown before reading), so the
 * groups come out uneven: three groups left one stream of most pages and reached 70 % of the
 * ListAssets ceiling in the bench; six reach it (the window pacer keeps the calls under the
 * quota), at the cost of a few more calls (each group ends on a part page).
 */
export const RESOURCE_GROUPS_OF_LARGE_SCOPES = 6;

export function planStreams(
  parents: readonly string[],
  assetTypes: readonly string[],
  groupsOfLargeScopes = RESOURCE_GROUPS_OF_LARGE_SCOPES,
): StreamPlan[] {
  const plans: StreamPlan[] = [];
  for (const parent of parents) {
    const large = !parent.startsWith('projects/');
    const groups = large ? splitTypes(assetTypes, groupsOfLargeScopes) : [assetTypes];
    for (const [i, types] of groups.entries()) {
      plans.push({
        parent,
        contentType: 'RESOURCE',
        assetTypes: types,
        ...(groups.length > 1 && { group: { n: i + 1, of: groups.length } }),
      });
    }
    plans.push({ parent, contentType: 'IAM_POLICY', assetTypes });
  }
  return plans;
}

/**
 * Types dealt round-robin into `count` groups. Expressions (RE2, e.g. `compute.googleapis.com.*`)
 * and types alike: a type belongs to exactly one group, so no asset is read twice.
 */
function splitTypes(types: readonly string[], count: number): string[][] {
  const n = Math.max(1, Math.min(count, types.length));
  const groups: string[][] = Array.from({ length: n }, () => []);
  for (const [i, type] of [...types].sort().entries()) groups[i % n]!.push(type);
  return groups;
}

/** `organizations/O`, `folders/F` or `projects/P` from a bare id or a resource name. */
export function parentName(kind: 'organizations' | 'folders' | 'projects', id: string): string {
  const trimmed = id.trim();
  return trimmed.startsWith(`${kind}/`) ? trimmed : `${kind}/${trimmed}`;
}

/** ` (asset-type group 2 of 3)` for a split stream, for messages. */
export function groupLabel(plan: StreamPlan): string {
  return plan.group ? ` (asset-type group ${plan.group.n} of ${plan.group.of})` : '';
}

/**
 * A scope's shard key (`--shard`): the project id (or number, as given) of `projects/P`, the
 * same key an offline shard takes for the project's resources; `folders/F` and
 * `organizations/O` as named, each read whole by one shard. To spread an organization over
 * shards, give its projects (or folders) as the scopes.
 */
export function scopeKey(parent: string): string {
  return parent.startsWith('projects/') ? parent.slice('projects/'.length) : parent;
}
