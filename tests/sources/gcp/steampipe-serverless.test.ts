import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Resource } from '../../../src/model/resource.ts';
import { loadCsvParser } from '../../../src/sources/csv.ts';
import { steampipeRows } from '../../../src/sources/steampipe-tables.ts';
import { expectCsvParity } from '../steampipe/csv-parity.ts';

/**
 * Steampipe's `gcp_cloud_run_service` and `gcp_cloudfunctions_function` rows (`select *`), as
 * turbot/steampipe-plugin-gcp writes them; the fixtures are the corpus files
 * (tests/corpus/SOURCES.md).
 */
const CORPUS = path.resolve(import.meta.dirname, '../../corpus/data/gcp/steampipe');
const rows = (file: string) =>
  JSON.parse(readFileSync(path.join(CORPUS, file), 'utf8')) as Record<string, unknown>[];

function read(document: unknown[]) {
  const skipped: string[] = [];
  const resources = [
    ...steampipeRows.read(document, { file: 'rows.json', skip: (reason) => skipped.push(reason) }),
  ] as Resource<Record<string, { value?: unknown; source?: string }>>[];
  expectCsvParity(document);
  return { resources, skipped };
}

beforeAll(loadCsvParser);

describe('steampipe-rows: Cloud Run services and Cloud Functions', () => {
  it('reads a gcp_cloud_run_service row by its full name rebuilt from project, location and name', () => {
    const { resources, skipped } = read(rows('gcp-cloud-run-service.json'));
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

  it('reads a gcp_cloudfunctions_function row with its ingress and IAM policy', () => {
    const { resources, skipped } = read(rows('gcp-cloudfunctions-function.json'));
    expect(skipped).toEqual([]);
    const [webhook, nightly] = resources;
    expect(webhook?.facts.ingress).toMatchObject({ value: 'all', path: 'row.serviceConfig.ingressSettings' });
    expect(webhook?.facts.publicBindings).toMatchObject({ value: [{ member: 'allUsers' }] });
    // A policy without bindings grants nobody.
    expect(nightly?.facts.publicBindings).toMatchObject({ source: 'explicit', value: [] });
  });

  it('skips a row whose query left out the IAM policy, naming it', () => {
    const { iam_policy: _notSelected, ...projected } = rows('gcp-cloud-run-service.json')[0]!;
    const { resources, skipped } = read([projected]);
    expect(resources).toEqual([]);
    expect(skipped[0]).toMatch(/gcp_cloud_run_service row without the columns iam_policy/);
  });
});
