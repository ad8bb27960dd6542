import { expect } from 'vitest';
import { type AnyCase, byVerdict, type RuleTests } from '../../../helpers/rule-tester.ts';
import { policyRecord, resourceRecord } from '../../../sources/gcp/records.ts';

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

const cases: AnyCase[] = [
  {
    name: 'Cloud Run invokable by allUsers',
    records: [runService, policy(RUN, 'run.googleapis.com/Service', ['allUsers'])],
    status: 'FAIL',
    messageId: 'public',
  },
  {
    name: 'Cloud Run invokable by one service account',
    records: [
      runService,
      policy(RUN, 'run.googleapis.com/Service', [
        'serviceAccount:caller@osaka-juki-prod.iam.gserviceaccount.com',
      ]),
    ],
    status: 'PASS',
    messageId: 'notPublic',
  },
  {
    name: 'a function invokable by allAuthenticatedUsers',
    records: [policy(FUNCTION, 'cloudfunctions.googleapis.com/Function', ['allAuthenticatedUsers'])],
    status: 'FAIL',
    messageId: 'public',
  },
  { name: 'no IAM-policy line', records: [runService], status: 'UNKNOWN', messageId: 'noIamPolicy' },
  {
    name: 'names the public grants',
    records: [policy(RUN, 'run.googleapis.com/Service', ['allUsers'])],
    status: 'FAIL',
    messageId: 'public',
    assert: (result) => expect(result.data).toEqual({ grants: ['allUsers (roles/run.invoker)'] }),
  },
];

export default byVerdict(cases) satisfies RuleTests;
