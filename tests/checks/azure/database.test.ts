import { describe, expect, it } from 'vitest';
import minimumTls from '../../../src/checks/azure/database/minimum-tls.ts';
import publicNetworkAccess from '../../../src/checks/azure/database/public-network-access.ts';
import auditing from '../../../src/checks/azure/sql/auditing.ts';
import type { Check } from '../../../src/checks/check.ts';
import { azureArm } from '../../../src/sources/azure/arm.ts';
import { evaluate } from '../../helpers/checks.ts';
import { graphResources, idOf, readDocument, row } from './arg-rows.ts';

type Row = Record<string, unknown>;

const sql = (properties: Row) =>
  row('Microsoft.Sql', 'servers', 'servers/sql1', { kind: 'v12.0', properties });
const flexible = (properties: Row) =>
  row('Microsoft.DBforPostgreSQL', 'flexibleServers', 'flexibleServers/pg1', { properties });
const cosmos = (properties: Row) =>
  row('Microsoft.DocumentDB', 'databaseAccounts', 'databaseAccounts/cosmos1', {
    kind: 'GlobalDocumentDB',
    properties,
  });
const sqlDatabase = row('Microsoft.Sql', 'servers/databases', 'servers/sql1/databases/db1', {
  properties: {},
});

function run(check: Check, cases: readonly { name: string; row: Row; status: string; source?: string }[]) {
  it.each(cases)('$name → $status', ({ row: record, status, source }) => {
    if (status === 'not run') {
      expect(() => evaluate(check, graphResources(record), idOf(record))).toThrow(/does not apply/);
      return;
    }
    const result = evaluate(check, graphResources(record), idOf(record));
    expect(result.status).toBe(status);
    if (source) expect(result.evidence[0]?.source).toBe(source);
  });
}

describe('azure.database.public-network-access', () => {
  run(publicNetworkAccess, [
    { name: 'SQL Disabled', row: sql({ publicNetworkAccess: 'Disabled' }), status: 'PASS' },
    { name: 'SQL Enabled', row: sql({ publicNetworkAccess: 'Enabled' }), status: 'FAIL', source: 'explicit' },
    {
      name: 'SQL SecuredByPerimeter',
      row: sql({ publicNetworkAccess: 'SecuredByPerimeter' }),
      status: 'PASS',
    },
    { name: 'SQL absent', row: sql({ state: 'Ready' }), status: 'UNKNOWN', source: 'unknown' },
    {
      name: 'PostgreSQL flexible, VNet-integrated',
      row: flexible({ network: { publicNetworkAccess: 'Disabled' } }),
      status: 'PASS',
    },
    {
      name: 'PostgreSQL flexible, public',
      row: flexible({ network: { publicNetworkAccess: 'Enabled' } }),
      status: 'FAIL',
    },
    {
      name: 'Cosmos DB Enabled',
      row: cosmos({ publicNetworkAccess: 'Enabled', ipRules: [] }),
      status: 'FAIL',
    },
    { name: 'SQL database: decided on its server', row: sqlDatabase, status: 'not run' },
  ]);
});

describe('azure.database.minimum-tls', () => {
  run(minimumTls, [
    { name: 'SQL 1.2', row: sql({ minimalTlsVersion: '1.2' }), status: 'PASS' },
    { name: 'SQL 1.3', row: sql({ minimalTlsVersion: '1.3' }), status: 'PASS' },
    { name: 'SQL 1.1', row: sql({ minimalTlsVersion: '1.1' }), status: 'FAIL' },
    { name: 'SQL None', row: sql({ minimalTlsVersion: 'None' }), status: 'FAIL', source: 'explicit' },
    {
      name: 'SQL absent → None (no minimum)',
      row: sql({ state: 'Ready' }),
      status: 'FAIL',
      source: 'default',
    },
    { name: 'Cosmos DB Tls12', row: cosmos({ minimalTlsVersion: 'Tls12' }), status: 'PASS' },
    { name: 'Cosmos DB Tls (1.0)', row: cosmos({ minimalTlsVersion: 'Tls' }), status: 'FAIL' },
    { name: 'Cosmos DB absent', row: cosmos({}), status: 'UNKNOWN' },
    {
      name: 'flexible server: server parameters not exported',
      row: flexible({}),
      status: 'UNKNOWN',
      source: 'unknown',
    },
    { name: 'SQL database: decided on its server', row: sqlDatabase, status: 'not run' },
  ]);
});

describe('azure.sql.auditing', () => {
  const server = sql({ publicNetworkAccess: 'Disabled' });
  const serverId = String(server.id);
  it.each([
    {
      name: 'az sql server audit-policy show: Enabled',
      setting: {
        id: `${serverId}/auditingSettings/Default`,
        name: 'Default',
        type: 'Microsoft.Sql/servers/auditingSettings',
        state: 'Enabled',
        logAnalyticsTargetState: 'Enabled',
      },
      status: 'PASS',
    },
    {
      name: 'REST GET: Disabled',
      setting: {
        id: `${serverId}/auditingSettings/Default`,
        name: 'Default',
        type: 'Microsoft.Sql/servers/auditingSettings',
        properties: { state: 'Disabled', retentionDays: 0 },
      },
      status: 'FAIL',
    },
    {
      name: 'REST GET without state → off by default',
      setting: {
        id: `${serverId}/auditingSettings/Default`,
        name: 'Default',
        type: 'Microsoft.Sql/servers/auditingSettings',
        properties: { retentionDays: 0 },
      },
      status: 'FAIL',
    },
    { name: 'no auditing settings exported', setting: undefined, status: 'UNKNOWN' },
  ])('$name → $status', ({ setting, status }) => {
    const resources = [...graphResources(server), ...(setting ? readDocument(azureArm, setting) : [])];
    const result = evaluate(auditing, resources, idOf(server));
    expect(result.status).toBe(status);
    expect(result.evidence[0]?.path).toBe('auditingSettings.properties.state');
  });

  it('is not run on Cosmos DB accounts', () => {
    const account = cosmos({});
    expect(() => evaluate(auditing, graphResources(account), idOf(account))).toThrow(/does not apply/);
  });
});
