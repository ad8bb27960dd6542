/**
 * Whether a minimum TLS version setting refuses TLS 1.0 and 1.1. Azure services spell it
 * differently: storage `TLS1_2`, SQL / Redis / App Service `1.2`, Cosmos DB `Tls12`, MySQL and
 * PostgreSQL server parameters `TLSv1.2`; SQL's `None` enforces no minimum, Cosmos DB's `Tls`
 * is TLS 1.0.
 */
export function refusesLegacyTls(version: string): boolean {
  const match = /^(?:tls)?\s*v?_?(\d)[._]?(\d)$/i.exec(version.trim());
  if (!match) return false;
  return Number(match[1]) > 1 || (Number(match[1]) === 1 && Number(match[2]) >= 2);
}
