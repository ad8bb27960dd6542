import { describe, expect, it } from 'vitest';
import tlsOnly from '../../../src/checks/azure/appservice/tls-only.ts';
import redisTlsOnly from '../../../src/checks/azure/redis/tls-only.ts';
import { azureArm } from '../../../src/sources/azure/arm.ts';
import { evaluate } from '../../helpers/checks.ts';
import { graphResources, idOf, readDocument, row } from './arg-rows.ts';

type Row = Record<string, unknown>;

describe('azure.appservice.tls-only', () => {
  const site = (properties: Row) => row('Microsoft.Web', 'sites', 'sites/app1', { kind: 'app', properties });
  /** `az webapp config show`: the web config flattened, id `…/config/web`. */
  const config = (settings: Row) => ({
    id: `${String(site({}).id)}/config/web`,
    name: 'app1',
    type: 'Microsoft.Web/sites/config',
    location: 'Japan East',
    resourceGroup: 'rg-kansa',
    ...settings,
  });
  it.each([
    {
      name: 'siteConfig in the site record',
      records: [site({ httpsOnly: true, siteConfig: { minTlsVersion: '1.2', ftpsState: 'Disabled' } })],
      status: 'PASS',
    },
    {
      name: 'siteConfig nulls completed by az webapp config show',
      records: [
        site({ httpsOnly: true, siteConfig: { minTlsVersion: null, ftpsState: null } }),
        config({ minTlsVersion: '1.3', ftpsState: 'FtpsOnly' }),
      ],
      status: 'PASS',
    },
    {
      name: 'config read before the site',
      records: [config({ minTlsVersion: '1.2', ftpsState: 'FtpsOnly' }), site({ httpsOnly: true })],
      status: 'PASS',
    },
    {
      name: 'httpsOnly absent → HTTP accepted by default',
      records: [site({ siteConfig: { minTlsVersion: '1.2', ftpsState: 'Disabled' } })],
      status: 'FAIL',
    },
    {
      name: 'TLS 1.0',
      records: [site({ httpsOnly: true }), config({ minTlsVersion: '1.0', ftpsState: 'Disabled' })],
      status: 'FAIL',
    },
    {
      name: 'plain FTP allowed',
      records: [site({ httpsOnly: true }), config({ minTlsVersion: '1.2', ftpsState: 'AllAllowed' })],
      status: 'FAIL',
    },
    {
      name: 'web config not exported',
      records: [site({ httpsOnly: true, siteConfig: null })],
      status: 'UNKNOWN',
    },
  ])('$name → $status', ({ records, status }) => {
    const resources = records.flatMap((record) =>
      'subscriptionId' in record ? graphResources(record) : readDocument(azureArm, record),
    );
    const result = evaluate(tlsOnly, resources, idOf(site({})));
    expect(result.status).toBe(status);
  });
});

describe('azure.redis.tls-only', () => {
  const cache = (properties: Row, type = 'Redis') =>
    row('Microsoft.Cache', type, `${type}/cache1`, { properties });
  it.each([
    {
      name: 'TLS 1.2, non-TLS port off',
      record: cache({ enableNonSslPort: false, minimumTlsVersion: '1.2' }),
      status: 'PASS',
    },
    {
      name: 'non-TLS port absent → off by default',
      record: cache({ minimumTlsVersion: '1.2' }),
      status: 'PASS',
    },
    {
      name: 'non-TLS port on',
      record: cache({ enableNonSslPort: true, minimumTlsVersion: '1.2' }),
      status: 'FAIL',
    },
    { name: 'TLS 1.0', record: cache({ enableNonSslPort: false, minimumTlsVersion: '1.0' }), status: 'FAIL' },
    { name: 'minimum TLS absent', record: cache({ enableNonSslPort: false }), status: 'UNKNOWN' },
  ])('$name → $status', ({ record, status }) => {
    expect(evaluate(redisTlsOnly, graphResources(record), idOf(record)).status).toBe(status);
  });
  it('is not run on Redis Enterprise', () => {
    const record = cache({}, 'redisEnterprise');
    expect(() => evaluate(redisTlsOnly, graphResources(record), idOf(record))).toThrow(/does not apply/);
  });
});
