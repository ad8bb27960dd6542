import { jsonFile } from '../../../helpers/exports.ts';
import { byVerdict, type RuleTests } from '../../../helpers/rule-tester.ts';
import { row } from '../arg-rows.ts';
import { withSubscription } from '../graph.ts';

type Row = Record<string, unknown>;

const site = (properties: Row) => row('Microsoft.Web', 'sites', 'sites/app1', { kind: 'app', properties });
/** `az webapp config show`: the web config flattened, id `…/config/web`. */
const config = (settings: Row) =>
  jsonFile(
    {
      id: `${String(site({}).id)}/config/web`,
      name: 'app1',
      type: 'Microsoft.Web/sites/config',
      location: 'Japan East',
      resourceGroup: 'rg-kansa',
      ...settings,
    },
    'webapp-config.json',
  );
const MESSAGE = { PASS: 'compliant', FAIL: 'nonCompliant', UNKNOWN: 'unknown' } as const;

const table = [
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
] as const;

export default {
  wrap: withSubscription,
  ...byVerdict(
    table.map(({ name, records, status }) => ({ name, records, status, messageId: MESSAGE[status] })),
  ),
} satisfies RuleTests;
