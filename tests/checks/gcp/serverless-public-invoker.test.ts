import { describe, expect, it } from 'vitest';
import check from '../../../src/checks/gcp/serverless/public-invoker.ts';
import { gcpAssetExport } from '../../../src/sources/gcp/asset-export.ts';
import { evaluate, readRecords } from '../../helpers/checks.ts';
import { policyRecord, resourceRecord } from '../../sources/gcp/records.ts';

const RUN = '//run.googleapis.com/projects/osaka-juki-prod/locations/asia-northeast1/services/s';
const FUNCTION =
  '//cloudfunctions.googleapis.com/projects/osaka-juki-prod/locations/asia-northeast1/functions/f';
const runService = resourceRecord(
  RUN,
  'run.googleapis.com/Service',
  {
    apiVersion: 'serving.knative.dev/v1',
    kind: 'Service',
    metadata: { name: 's', namespace: '111111111111' },
  },
  'asia-northeast1',
);
const policy = (name: string, assetType: string, members: string[]) =>
  policyRecord(name, assetType, {
    bindings: [
      { role: assetType.startsWith('run') ? 'roles/run.invoker' : 'roles/cloudfunctions.invoker', members },
    ],
  });

const cases = [
  {
    name: 'Cloud Run invokable by allUsers',
    records: [runService, policy(RUN, 'run.googleapis.com/Service', ['allUsers'])],
    id: RUN,
    status: 'FAIL',
    message: 'public',
  },
  {
    name: 'Cloud Run invokable by one service account',
    records: [
      runService,
      policy(RUN, 'run.googleapis.com/Service', [
        'serviceAccount:caller@osaka-juki-prod.iam.gserviceaccount.com',
      ]),
    ],
    id: RUN,
    status: 'PASS',
    message: 'notPublic',
  },
  {
    name: 'a function invokable by allAuthenticatedUsers',
    records: [policy(FUNCTION, 'cloudfunctions.googleapis.com/Function', ['allAuthenticatedUsers'])],
    id: FUNCTION,
    status: 'FAIL',
    message: 'public',
  },
  { name: 'no IAM-policy line', records: [runService], id: RUN, status: 'UNKNOWN', message: 'noIamPolicy' },
] as const;

describe(check.meta.id, () => {
  it.each(cases)('$name → $status', ({ records, id, status, message }) => {
    const result = evaluate(check, readRecords(gcpAssetExport, records), id);
    expect([result.status, result.message]).toEqual([status, message]);
  });

  it('names the public grants', () => {
    const records = readRecords(gcpAssetExport, [policy(RUN, 'run.googleapis.com/Service', ['allUsers'])]);
    expect(evaluate(check, records, RUN).data).toEqual({ grants: ['allUsers (roles/run.invoker)'] });
  });
});
