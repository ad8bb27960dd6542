import { beforeAll, describe, expect, it } from 'vitest';
import { loadCsvParser } from '../../../src/sources/csv.ts';
import { corpusRows, readRows } from './read-rows.ts';

/**
 * A Steampipe query that did not select the table's tags column (`select name, id, region … from
 * azure_compute_disk`; Google Cloud's `labels`, GKE's `resource_labels`) says nothing of the
 * resource's tags, where a selected null column is none (Resource.unknownTags).
 */

beforeAll(loadCsvParser);

interface ColumnsResult {
  readonly columns: readonly { readonly name: string }[];
  readonly rows: Record<string, unknown>[];
}

const azureSelected = corpusRows(
  'azure',
  'azure-compute-disk-columns-selected.json',
) as unknown as ColumnsResult;
const azureTagged = corpusRows('azure', 'azure-compute-disk-tags-selected.json') as unknown as ColumnsResult;

describe('steampipe-rows: a row without its tags column', () => {
  it('leaves an Azure resource’s tags unknown, naming the column', () => {
    const [disk] = readRows(azureSelected.rows).resources;
    expect(disk?.unknownTags).toMatchObject({ en: expect.stringMatching(/row without its tags column/) });
  });

  it('reads a selected null tags column as no tags, and a map as the tags', () => {
    const [untagged, secret] = readRows(azureTagged.rows).resources;
    expect(untagged?.unknownTags).toBeUndefined();
    expect(untagged?.tags).toEqual({});
    expect(secret?.unknownTags).toBeUndefined();
    expect(secret?.tags).toMatchObject({ confidentiality: '3' });
  });

  it('does not ask for the tags of an Azure type that has none (role assignments)', () => {
    const [assignment] = readRows(corpusRows('azure', 'azure-role-assignment-guest.json')).resources;
    expect(assignment?.kansaType).toBe('iam.role-assignment');
    expect(assignment?.unknownTags).toBeUndefined();
  });

  it('leaves a Google Cloud resource’s labels unknown without its labels column', () => {
    const [disk] = readRows(corpusRows('gcp', 'gcp-compute-disk-columns-selected.json')).resources;
    expect(disk?.unknownTags).toMatchObject({ en: expect.stringMatching(/row without its labels column/) });
    const [unlabelled, secret] = readRows(
      corpusRows('gcp', 'gcp-compute-disk-labels-selected.json'),
    ).resources;
    expect(unlabelled?.unknownTags).toBeUndefined();
    expect(unlabelled?.tags).toEqual({});
    expect(secret?.tags).toEqual({ confidentiality: '3' });
  });

  it('reads GKE’s labels from resource_labels', () => {
    const [cluster] = readRows(corpusRows('gcp', 'gcp-kubernetes-cluster.json')).resources;
    expect(cluster?.unknownTags).toBeUndefined();
    const { resource_labels: _unselected, ...row } = corpusRows('gcp', 'gcp-kubernetes-cluster.json')[0]!;
    const [projected] = readRows([row]).resources;
    expect(projected?.unknownTags).toMatchObject({
      en: expect.stringMatching(/without its resource_labels column/),
    });
  });
});
