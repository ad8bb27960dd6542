import { describe, expect, it } from 'vitest';
import { appliesTo } from '../../../../src/checks/check.ts';
import check from '../../../../src/checks/gcp/bigquery/dataset-public-access.ts';
import { gcpAssetExport } from '../../../../src/sources/gcp/asset-export.ts';
import { gcpAssetList } from '../../../../src/sources/gcp/asset-list.ts';
import { evaluate, readRecords } from '../../../helpers/checks.ts';

// Dataset records as Cloud Asset exports write them: resource lines (the BigQuery REST dataset,
// `access` entries included or left out) and IAM-policy lines, with or without `ancestors`
// (policy projects' fixtures, e.g. GoogleCloudPlatform/policy-library's
// bigquery_dataset_world_readable, carry IAM-policy lines without them).
const name = (dataset: string) => `//bigquery.googleapis.com/projects/city-data/datasets/${dataset}`;

function datasetLine(dataset: string, access?: unknown[]) {
  return {
    name: name(dataset),
    asset_type: 'bigquery.googleapis.com/Dataset',
    resource: {
      version: 'v2',
      discovery_name: 'Dataset',
      parent: '//cloudresourcemanager.googleapis.com/projects/333333333333',
      data: {
        kind: 'bigquery#dataset',
        id: `city-data:${dataset}`,
        datasetReference: { datasetId: dataset, projectId: 'city-data' },
        location: 'asia-northeast1',
        ...(access && { access }),
      },
    },
  };
}

function policyLine(dataset: string, viewers: string[]) {
  return {
    name: name(dataset),
    asset_type: 'bigquery.googleapis.com/Dataset',
    iam_policy: {
      etag: 'BwWV9DYRcXA=',
      bindings: [
        { role: 'roles/bigquery.dataOwner', members: ['projectOwner:city-data'] },
        { role: 'roles/bigquery.dataViewer', members: viewers },
      ],
    },
  };
}

const resources = [
  ...readRecords(gcpAssetExport, [
    datasetLine('special-group', [
      { role: 'OWNER', specialGroup: 'projectOwners' },
      { role: 'READER', specialGroup: 'allAuthenticatedUsers' },
    ]),
    datasetLine('iam-member', [{ role: 'roles/bigquery.dataViewer', iamMember: 'allUsers' }]),
    datasetLine('private-entries', [
      { role: 'OWNER', userByEmail: 'owner@city.example.jp' },
      { role: 'READER', domain: 'city.example.jp' },
    ]),
    datasetLine('no-access-field'),
    datasetLine('policy-private'),
  ]),
  ...readRecords(gcpAssetList, [
    policyLine('public-all-users', ['allUsers', 'projectViewer:city-data']),
    policyLine('public-authenticated', ['allAuthenticatedUsers']),
    policyLine('policy-private', ['group:analysts@city.example.jp']),
  ]),
];

describe('gcp.bigquery.dataset-public-access', () => {
  it.each([
    ['special-group', 'FAIL', 'publicAccessEntry'],
    ['iam-member', 'FAIL', 'publicAccessEntry'],
    ['public-all-users', 'FAIL', 'publicBinding'],
    ['public-authenticated', 'FAIL', 'publicBinding'],
    ['private-entries', 'PASS', 'notPublic'],
    ['policy-private', 'PASS', 'notPublic'],
    ['no-access-field', 'UNKNOWN', 'unknown'],
  ])('%s → %s (%s)', (dataset, status, message) => {
    const result = evaluate(check, resources, name(dataset));
    expect(result).toMatchObject({ status, message });
  });

  it('names the grants, and reads IAM-policy lines without ancestors (project from the name)', () => {
    const result = evaluate(check, resources, name('public-all-users'));
    expect(result.data).toEqual({ grants: ['allUsers (roles/bigquery.dataViewer)'] });
    const policy = resources.find((r) => r.id === name('public-all-users'));
    expect(policy?.account).toBe('city-data');
  });

  it('is not run on Cloud SQL instances (the other database.instance type)', () => {
    const [sql] = readRecords(gcpAssetExport, [
      {
        name: '//cloudsql.googleapis.com/projects/city-data/instances/db',
        asset_type: 'sqladmin.googleapis.com/Instance',
        resource: { data: { name: 'db', project: 'city-data', region: 'asia-northeast1' } },
      },
    ]);
    expect(appliesTo(check.meta, sql!)).toBe(false);
  });
});
