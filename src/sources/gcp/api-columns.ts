/**
 * The Compute Engine `Firewall`'s list fields of addresses, tags and service accounts: the
 * snake_case column each is in (Steampipe's `gcp_compute_firewall` and CloudQuery's
 * `gcp_compute_firewalls` both name their columns after the API's fields), and the REST
 * resource's name for it. The rule lists `allowed` and `denied` are not here: each tool writes
 * their entries differently.
 */
export const FIREWALL_LIST_COLUMNS = {
  source_ranges: 'sourceRanges',
  destination_ranges: 'destinationRanges',
  source_tags: 'sourceTags',
  source_service_accounts: 'sourceServiceAccounts',
  target_tags: 'targetTags',
  target_service_accounts: 'targetServiceAccounts',
} as const;
