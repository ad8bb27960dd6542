import { beforeAll, describe, expect, it } from 'vitest';
import { loadCsvParser } from '../../../src/sources/csv.ts';
import { corpusRows, readRows } from './read-rows.ts';

/**
 * Steampipe's `gcp_kubernetes_cluster` rows as the plugin's 2021 revision wrote them: the
 * `legacy_abac` JSON column in place of `legacy_abac_enabled`, `akas` without the API version;
 * the fixture is the corpus file (tests/corpus/SOURCES.md).
 */

beforeAll(loadCsvParser);

const FILE = 'gcp-kubernetes-cluster-2021.json';

describe('steampipe-rows: GKE clusters of the 2021 plugin', () => {
  it('reads the rows, legacy ABAC from the legacy_abac column', () => {
    const { resources, skipped } = readRows(corpusRows('gcp', FILE));
    expect(skipped).toEqual([]);
    expect(
      resources.map((cluster) => [
        cluster.id,
        cluster.facts.legacyAbac?.value,
        cluster.facts.legacyAbac?.source,
      ]),
    ).toEqual([
      [
        '//container.googleapis.com/projects/corpus-sp-2021/zones/asia-northeast1-a/clusters/sp-old-abac',
        true,
        'explicit',
      ],
      // `{}`: the Go client leaves enabled false out.
      [
        '//container.googleapis.com/projects/corpus-sp-2021/locations/asia-northeast1/clusters/sp-old-private',
        false,
        'default',
      ],
    ]);
  });

  it('skips a row with neither ABAC column, naming them', () => {
    const { legacy_abac: _notSelected, ...projected } = corpusRows('gcp', FILE)[0]!;
    const { resources, skipped } = readRows([projected]);
    expect(resources).toEqual([]);
    expect(skipped[0]).toMatch(
      /gcp_kubernetes_cluster row without the columns legacy_abac_enabled \(or legacy_abac\)/,
    );
  });
});
