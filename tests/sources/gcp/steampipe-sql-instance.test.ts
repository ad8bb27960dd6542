import { beforeAll, describe, expect, it } from 'vitest';
import { loadCsvParser } from '../../../src/sources/csv.ts';
import { corpusRows, readRows } from '../steampipe/read-rows.ts';

/**
 * Steampipe's `gcp_sql_database_instance` rows, whose `ip_configuration` is the SQL Admin API's
 * Go client struct (false flags left out); the fixture is the corpus file (tests/corpus/SOURCES.md).
 */

beforeAll(loadCsvParser);

describe('steampipe-rows: Cloud SQL instances', () => {
  it('reads an ip_configuration without ipv4Enabled as the Go client writes false: no public IP', () => {
    const { resources, skipped } = readRows(corpusRows('gcp', 'gcp-sql-database-instance-go-client.json'));
    expect(skipped).toEqual([]);
    const [privateOnly, publicIp, psc] = resources;
    expect(privateOnly?.facts.publicIp).toMatchObject({ source: 'explicit', value: false });
    expect(publicIp?.facts.publicIp).toMatchObject({ source: 'explicit', value: true });
    expect(psc?.facts.publicIp).toMatchObject({ value: false });
  });

  it('leaves a row without ip_configuration unknown, not private', () => {
    const [row] = corpusRows('gcp', 'gcp-sql-database-instance-go-client.json');
    const [instance] = readRows([{ ...row!, ip_configuration: null }]).resources;
    expect(instance?.facts.publicIp).toMatchObject({ source: 'unknown' });
  });

  it('reads instance_type and backend_type: a source representation instance stands for an external server', () => {
    const { resources } = readRows(corpusRows('gcp', 'gcp-sql-database-instance-external-source.json'));
    expect(resources.map((instance) => instance.facts.externalServer)).toEqual([
      { source: 'explicit', value: 'ON_PREMISES_INSTANCE', path: 'row.instanceType' },
      undefined,
      undefined,
    ]);
  });
});
