/**
 * `true`, `false`, and their string forms: `tostring()` projections of Resource Graph, gcloud's
 * `--format=value` and some CLI outputs carry booleans as strings. Any other value is no boolean.
 */
export function asBoolean(raw: unknown): boolean | undefined {
  if (typeof raw === 'boolean') return raw;
  if (raw === 'true' || raw === 'True') return true;
  if (raw === 'false' || raw === 'False') return false;
  return undefined;
}
