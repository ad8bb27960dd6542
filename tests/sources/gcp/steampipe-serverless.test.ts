import { beforeAll, describe, expect, it } from 'vitest';
import { loadCsvParser } from '../../../src/sources/csv.ts';
import { corpusRows, readRows } from '../steampipe/read-rows.ts';

/**
 * Steampipe's `gcp_cloud_run_service` and `gcp_cloudfunctions_function` rows (`select *`), as
 * turbot/steampipe-plugin-gcp writes them; the fixtures are the corpus files
 * (tests/corpus/SOURCES.md).
 */

beforeAll(loadCsvParser);

describe('steampipe-rows: Cloud Run services and Cloud Functions', () => {
  it('reads a gcp_cloud_run_service row by its full name rebuilt from project, location and name', () => {
    const { resources, skipped } = readRows(corpusRows('gcp', 'gcp-cloud-run-service.json'));
    expect(skipped).toEqual([]);
    const [open, internal] = resources;
    expect(open).toMatchObject({
      id: '//run.googleapis.com/projects/kansa-sp-serverless/locations/asia-northeast1/services/public-api',
      account: 'kansa-sp-serverless',
      region: 'asia-northeast1',
      kansaType: 'compute.serverless',
    });
    expect(open?.facts.publicBindings).toMatchObject({
      value: [{ role: 'roles/run.invoker', member: 'allUsers' }],
    });
    expect(internal?.facts.ingress).toMatchObject({ value: 'internal' });
  });

  it('leaves the Invoker IAM check unknown: the table has no column for it', () => {
    const [row] = corpusRows('gcp', 'gcp-cloud-run-service.json');
    const [withoutColumn] = readRows([row!]).resources;
    expect(withoutColumn?.facts.invokerIamDisabled).toMatchObject({
      source: 'unknown',
      path: 'row.invokerIamDisabled',
    });
    // A row that carries the column (a later table, or a query that adds it) is read.
    const [withColumn] = readRows([{ ...row!, invoker_iam_disabled: true }]).resources;
    expect(withColumn?.facts.invokerIamDisabled).toMatchObject({ source: 'explicit', value: true });
  });

  it('reads a gcp_cloudfunctions_function row with its ingress and IAM policy', () => {
    const { resources, skipped } = readRows(corpusRows('gcp', 'gcp-cloudfunctions-function.json'));
    expect(skipped).toEqual([]);
    const [webhook, nightly] = resources;
    expect(webhook?.facts.ingress).toMatchObject({ value: 'all', path: 'row.serviceConfig.ingressSettings' });
    expect(webhook?.facts.publicBindings).toMatchObject({ value: [{ member: 'allUsers' }] });
    // A policy without bindings grants nobody.
    expect(nightly?.facts.publicBindings).toMatchObject({ source: 'explicit', value: [] });
  });

  it('skips a row whose query left out the IAM policy, naming it', () => {
    const { iam_policy: _notSelected, ...projected } = corpusRows('gcp', 'gcp-cloud-run-service.json')[0]!;
    const { resources, skipped } = readRows([projected]);
    expect(resources).toEqual([]);
    expect(skipped[0]).toMatch(/gcp_cloud_run_service row without the columns iam_policy/);
  });
});
