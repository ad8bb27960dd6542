/**
 * A row of a Steampipe table (`steampipe query --output json "select * from azure_storage_account"`):
 * every table has the `title` and `akas` columns. Its other columns are Steampipe's, not the
 * cloud API's fields (`enable_https_traffic_only`, `network_rule_default_action`, `region`,
 * `iam_configuration_uniform_bucket_level_access_enabled`), yet the rows carry an ARM `id` or a
 * `kind` and so look like API records. Read as those, every setting would fall to the API's
 * default, and a locked-down resource would fail (seen on `gcp_storage_bucket` rows with
 * `kind: storage#bucket`). Such rows are skipped with the reason instead; only the AWS password
 * policy table is read (`aws-iam-password-policy-steampipe`).
 */
export function steampipeRowSkip(value: unknown, export_: string): { readonly skip: string } | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const row = value as Record<string, unknown>;
  if (!Array.isArray(row.akas) || typeof row.title !== 'string') return undefined;
  return {
    skip: `a Steampipe table row (\`akas\`, \`title\`): its columns are not the API's fields and are not read; export with ${export_}`,
  };
}
