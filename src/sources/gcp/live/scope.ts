// What `kansa scan --gcp …` needs to parse its flags, apart from the collector (and its SDK).

/** ListAssets calls per minute: the consumer project's default quota. */
export const LIST_ASSETS_QUOTA_PER_MINUTE = 100;

/** `organizations/O`, `folders/F` or `projects/P` from a bare id or a resource name. */
export function parentName(kind: 'organizations' | 'folders' | 'projects', id: string): string {
  const trimmed = id.trim();
  return trimmed.startsWith(`${kind}/`) ? trimmed : `${kind}/${trimmed}`;
}
