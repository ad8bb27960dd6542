import { isObject, type JsonObject } from './json.ts';

/**
 * A Cloud SQL `ipConfiguration` as the SQL Admin API's Go client (google.golang.org/api/sqladmin)
 * writes it, in Steampipe's `ip_configuration` and CloudQuery's `settings` columns: its structs
 * tag every field `omitempty`, so a false `ipv4Enabled` (a private instance) is left out where
 * the API's answer says false. Inside the structure the row has, the absent flag is false.
 */
export function goClientIpConfiguration(ip: JsonObject): JsonObject {
  return { ipv4Enabled: false, ...ip };
}

/** The same for a whole `settings` structure: its IP configuration and its backup `enabled`. */
export function goClientSqlSettings(settings: unknown): unknown {
  if (!isObject(settings)) return settings;
  const { ipConfiguration: ip, backupConfiguration: backup } = settings;
  return {
    ...settings,
    ...(isObject(ip) && { ipConfiguration: goClientIpConfiguration(ip) }),
    ...(isObject(backup) && { backupConfiguration: { enabled: false, ...backup } }),
  };
}
