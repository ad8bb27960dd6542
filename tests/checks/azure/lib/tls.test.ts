import { describe, expect, it } from 'vitest';
import { refusesLegacyTls } from '../../../../src/checks/azure/lib/tls.ts';

// The spellings of the services' swagger enums (Microsoft.Storage MinimumTlsVersion, Microsoft.Sql
// MinimalTlsVersion, Microsoft.Cache TlsVersion, Microsoft.DocumentDB MinimalTlsVersion,
// Microsoft.DBforPostgreSQL single-server MinimalTlsVersionEnum) and of server parameters.
describe('refusesLegacyTls', () => {
  it.each(['TLS1_2', 'TLS1_3', '1.2', '1.3', 'Tls12', 'tls1_2', 'TLSv1.2', 'TLSv1.3', ' 1.2 '])(
    '%s refuses 1.0/1.1',
    (v) => expect(refusesLegacyTls(v)).toBe(true),
  );
  it.each([
    'TLS1_0',
    'TLS1_1',
    '1.0',
    '1.1',
    'Tls',
    'Tls11',
    'None',
    'TLSEnforcementDisabled',
    'TLSv1',
    'TLSv1.1',
    '',
  ])('%s does not', (v) => expect(refusesLegacyTls(v)).toBe(false));
});
