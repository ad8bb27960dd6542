import type { RuleTests } from '../../../helpers/rule-tester.ts';
import { policyRecord, resourceRecord, sqlInstanceRecord } from '../../../sources/gcp/records.ts';

// Dataset records as Cloud Asset exports write them: resource lines (the BigQuery REST dataset,
// with or without `access` entries) and IAM-policy lines, with `ancestors` or, as in policy
// projects' fixtures (GoogleCloudPlatform/policy-library bigquery_dataset_world_readable),
// without them.
const DATASET = '//bigquery.googleapis.com/projects/osaka-data/datasets/stats';
const TYPE = 'bigquery.googleapis.com/Dataset';

const datasetLine = (access?: unknown[]) =>
  resourceRecord(
    DATASET,
    TYPE,
    {
      kind: 'bigquery#dataset',
      id: 'osaka-data:stats',
      datasetReference: { datasetId: 'stats', projectId: 'osaka-data' },
      location: 'asia-northeast1',
      ...(access && { access }),
    },
    'asia-northeast1',
  );
const viewers = (members: string[]) => ({
  bindings: [
    { role: 'roles/bigquery.dataOwner', members: ['projectOwner:osaka-data'] },
    { role: 'roles/bigquery.dataViewer', members },
  ],
});
const withoutAncestors = (record: Record<string, unknown>) => {
  const { ancestors: _, ...rest } = record;
  return rest;
};

export default {
  valid: [
    {
      name: 'access entries name only project roles, users and a domain',
      records: [
        datasetLine([
          { role: 'OWNER', specialGroup: 'projectOwners' },
          { role: 'READER', domain: 'city.osaka.example.jp' },
          { role: 'READER', userByEmail: 'analyst@city.osaka.example.jp' },
        ]),
      ],
      messageId: 'notPublic',
      example: true,
    },
    {
      name: 'an IAM-policy line without ancestors and without a public member',
      records: [
        withoutAncestors(policyRecord(DATASET, TYPE, viewers(['group:analysts@city.osaka.example.jp']))),
      ],
      messageId: 'notPublic',
    },
  ],
  invalid: [
    {
      name: 'an access entry for allAuthenticatedUsers (specialGroup)',
      records: [datasetLine([{ role: 'READER', specialGroup: 'allAuthenticatedUsers' }])],
      messageId: 'publicAccessEntry',
      data: { grants: ['allAuthenticatedUsers (READER)'] },
      example: true,
    },
    {
      name: 'an access entry for allUsers (iamMember)',
      records: [datasetLine([{ role: 'roles/bigquery.dataViewer', iamMember: 'allUsers' }])],
      messageId: 'publicAccessEntry',
    },
    {
      name: 'an IAM-policy line without ancestors binding allUsers (policy-library fixture dialect)',
      records: [
        withoutAncestors(policyRecord(DATASET, TYPE, viewers(['allUsers', 'projectViewer:osaka-data']))),
      ],
      messageId: 'publicBinding',
      data: { grants: ['allUsers (roles/bigquery.dataViewer)'] },
    },
    {
      name: 'the resource line carries no access entries and no IAM-policy line was exported',
      records: [datasetLine()],
      messageId: 'unknown',
      status: 'UNKNOWN',
    },
  ],
  notRun: [{ name: 'a Cloud SQL instance (also database.instance)', records: [sqlInstanceRecord('db', {})] }],
} satisfies RuleTests<'notPublic' | 'publicBinding' | 'publicAccessEntry' | 'unknown'>;
