/**
 * Whether a minimum TLS version setting refuses TLS 1.0 and 1.1. Azure services spell it
 * differently: storage `TLS1_2`, SQL / Redis / App Service `1.2`, Cosmos DB `Tls12`; SQL's
 * `None` enforces no minimum.
 */
export function refusesLegacyTls(version: string): boolean {
  const match = /^(?:tls)?\s*_?(\d)[._]?(\d)$/i.exec(version.trim());
  if (!match) return false;
  return Number(match[1]) > 1 || (Number(match[1]) === 1 && Number(match[2]) >= 2);
}
