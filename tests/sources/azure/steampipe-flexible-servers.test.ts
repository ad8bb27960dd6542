import { beforeAll, describe, expect, it } from 'vitest';
import { loadCsvParser } from '../../../src/sources/csv.ts';
import { corpusRows, readRows } from '../steampipe/read-rows.ts';

/**
 * Steampipe's `azure_postgresql_flexible_server` and `azure_mysql_flexible_server` rows
 * (`select *`), as turbot/steampipe-plugin-azure writes them; the fixtures are the corpus
 * files (tests/corpus/SOURCES.md).
 */

beforeAll(loadCsvParser);

describe('steampipe-rows: Azure Database flexible servers', () => {
  it('reads a PostgreSQL server with its TLS parameters and firewall rules as its children', () => {
    const { resources, skipped } = readRows(corpusRows('azure', 'azure-postgresql-flexible-server.json'));
    expect(skipped).toEqual([]);
    // The open server, its two TLS parameters (log_connections is not read), its rule; then the private one.
    expect(resources.map((r) => r.kansaType)).toEqual([
      'database.instance',
      'database.instance',
      'database.instance',
      'network.firewall-rule',
      'database.instance',
      'database.instance',
      'database.instance',
    ]);
    expect(resources[1]?.facts.requireSecureTransport).toMatchObject({
      value: false,
      path: 'configurations/require_secure_transport.properties.value',
    });
    expect(resources[4]?.facts.customerManagedKey).toMatchObject({ value: true });
  });

  it('keeps a MySQL server’s encryption unknown: the table has no column for it', () => {
    const { resources, skipped } = readRows(corpusRows('azure', 'azure-mysql-flexible-server.json'));
    expect(skipped).toEqual([]);
    expect(resources[0]?.facts.customerManagedKey).toMatchObject({ source: 'unknown' });
    expect(resources[0]?.facts.publicNetworkAccess).toMatchObject({ value: 'Enabled' });
    expect(resources[1]?.facts.minimalTlsVersion).toMatchObject({ value: 'TLSv1' });
  });
});
