import { beforeAll, describe, expect, it } from 'vitest';
import { loadCsvParser } from '../../../src/sources/csv.ts';
import { corpusRows, readRows } from '../steampipe/read-rows.ts';

/**
 * Steampipe's `gcp_logging_bucket` rows (`select *`), as turbot/steampipe-plugin-gcp writes them;
 * the fixture is the corpus file (tests/corpus/SOURCES.md).
 */

beforeAll(loadCsvParser);

describe('steampipe-rows: log buckets', () => {
  it('reads a gcp_logging_bucket row by the full name its akas hold, in its location', () => {
    const { resources, skipped } = readRows(corpusRows('gcp', 'gcp-logging-bucket.json'));
    expect(skipped).toEqual([]);
    expect(resources.map((bucket) => [bucket.id, bucket.region, bucket.facts.retentionDays?.value])).toEqual([
      ['//logging.googleapis.com/projects/kansa-sp-logs/locations/global/buckets/_Default', 'global', 30],
      ['//logging.googleapis.com/projects/kansa-sp-logs/locations/global/buckets/_Required', 'global', 400],
      [
        '//logging.googleapis.com/projects/kansa-sp-logs/locations/asia-northeast1/buckets/audit-archive',
        'asia-northeast1',
        2557,
      ],
      [
        '//logging.googleapis.com/projects/kansa-sp-logs/locations/asia-northeast1/buckets/app-debug',
        'asia-northeast1',
        30,
      ],
    ]);
    expect(resources[0]).toMatchObject({ account: 'kansa-sp-logs', kansaType: 'audit.log-bucket' });
    // The Go client's 0 for a retention the API left out: the default, not a zero-day retention.
    expect(resources[3]?.facts.retentionDays).toMatchObject({ source: 'default', path: 'row.retentionDays' });
  });

  it('skips a row whose query left out retention_days, naming it', () => {
    const { retention_days: _notSelected, ...projected } = corpusRows('gcp', 'gcp-logging-bucket.json')[0]!;
    const { resources, skipped } = readRows([projected]);
    expect(resources).toEqual([]);
    expect(skipped[0]).toMatch(/gcp_logging_bucket row without the columns retention_days/);
  });
});
