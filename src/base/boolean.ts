/**
 * `true`, `false`, and their string forms in any casing: `tostring()` projections of Resource
 * Graph, gcloud's `--format=value`, some CLI and query outputs carry booleans as strings, and a
 * CSV saved again by Excel writes them `TRUE` / `FALSE`. Any other value is no boolean.
 */
export function asBoolean(raw: unknown): boolean | undefined {
  if (typeof raw === 'boolean') return raw;
  if (typeof raw !== 'string') return undefined;
  const text = raw.trim().toLowerCase();
  return text === 'true' ? true : text === 'false' ? false : undefined;
}
