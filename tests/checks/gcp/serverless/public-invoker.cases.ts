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
/** A v1 service whose ingress annotation says `ingress`; a v2 service writes `ingress` as an enum. */
const runServiceWithIngress = (ingress: string) =>
  resourceRecord(
    RUN,
    'run.googleapis.com/Service',
    {
      apiVersion: 'serving.knative.dev/v1',
      kind: 'Service',
      metadata: {
        name: 's',
        namespace: '111111111111',
        annotations: { 'run.googleapis.com/ingress': ingress },
      },
    },
    'asia-northeast1',
  );
/** A v2 service (`projects.locations.services`) with its Invoker IAM check and ingress as written. */
const runV2Service = (fields: Record<string, unknown>) =>
  resourceRecord(
    RUN,
    'run.googleapis.com/Service',
    { name: RUN.slice(24), template: { containers: [] }, ...fields },
    'asia-northeast1',
  );
/** A v1 service whose annotations are `annotations`. */
const runV1Annotated = (annotations: Record<string, string>) =>
  resourceRecord(
    RUN,
    'run.googleapis.com/Service',
    {
      apiVersion: 'serving.knative.dev/v1',
      kind: 'Service',
      metadata: { name: 's', namespace: '111111111111', annotations },
    },
    'asia-northeast1',
  );
const functionGen2 = (ingressSettings: string) =>
  resourceRecord(
    FUNCTION,
    'cloudfunctions.googleapis.com/Function',
    { name: FUNCTION.slice(31), environment: 'GEN_2', serviceConfig: { ingressSettings } },
    'asia-northeast1',
  );
const RUN_NAME = RUN.slice('//run.googleapis.com/'.length);
/** A 2nd gen function as the v2 API (and Cloud Asset) writes it: it runs as the Cloud Run service `s`. */
const functionOnService = (fields: Record<string, unknown> = {}) =>
  resourceRecord(
    FUNCTION,
    'cloudfunctions.googleapis.com/Function',
    {
      name: FUNCTION.slice(31),
      environment: 'GEN_2',
      serviceConfig: { ingressSettings: 'ALLOW_ALL', service: RUN_NAME },
      ...fields,
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
    name: 'allUsers on a service whose ingress is internal: not reachable from the internet',
    records: [runServiceWithIngress('internal'), policy(RUN, 'run.googleapis.com/Service', ['allUsers'])],
    status: 'PASS',
    messageId: 'internalOnly',
  },
  {
    name: 'allUsers behind internal-and-cloud-load-balancing: an external load balancer may front it',
    records: [
      runServiceWithIngress('internal-and-cloud-load-balancing'),
      policy(RUN, 'run.googleapis.com/Service', ['allUsers']),
    ],
    status: 'FAIL',
    messageId: 'public',
  },
  {
    name: 'allUsers on a service with ingress all (v1 annotation)',
    records: [runServiceWithIngress('all'), policy(RUN, 'run.googleapis.com/Service', ['allUsers'])],
    status: 'FAIL',
    messageId: 'public',
  },
  {
    name: 'no IAM-policy line, but the ingress is internal',
    records: [runServiceWithIngress('internal')],
    status: 'PASS',
    messageId: 'internalOnly',
  },
  {
    name: 'a 2nd-gen function open to internal traffic only (serviceConfig.ingressSettings)',
    records: [
      functionGen2('ALLOW_INTERNAL_ONLY'),
      policy(FUNCTION, 'cloudfunctions.googleapis.com/Function', ['allUsers']),
    ],
    status: 'PASS',
    messageId: 'internalOnly',
    // The setting as the API spells it, not the Knative spelling kansa compares.
    assert: (result) =>
      expect(result.evidence).toContainEqual(expect.objectContaining({ value: 'ALLOW_INTERNAL_ONLY' })),
  },
  {
    name: 'a 2nd-gen function open to all',
    records: [
      functionGen2('ALLOW_ALL'),
      policy(FUNCTION, 'cloudfunctions.googleapis.com/Function', ['allUsers']),
    ],
    status: 'FAIL',
    messageId: 'public',
  },
  {
    name: 'v2 invokerIamDisabled with ingress all: public without any allUsers grant',
    records: [runV2Service({ ingress: 'INGRESS_TRAFFIC_ALL', invokerIamDisabled: true })],
    status: 'FAIL',
    messageId: 'invokerIamDisabled',
    assert: (result) =>
      expect(result.evidence).toContainEqual(
        expect.objectContaining({ path: 'resource.data.invokerIamDisabled', value: true }),
      ),
  },
  {
    name: 'v2 invokerIamDisabled fails even where the IAM policy grants only a service account',
    records: [
      runV2Service({ invokerIamDisabled: true }),
      policy(RUN, 'run.googleapis.com/Service', [
        'serviceAccount:caller@osaka-juki-prod.iam.gserviceaccount.com',
      ]),
    ],
    status: 'FAIL',
    messageId: 'invokerIamDisabled',
  },
  {
    name: 'v1 annotation run.googleapis.com/invoker-iam-disabled "true" with ingress all',
    records: [
      runV1Annotated({
        'run.googleapis.com/ingress': 'all',
        'run.googleapis.com/invoker-iam-disabled': 'true',
      }),
    ],
    status: 'FAIL',
    messageId: 'invokerIamDisabled',
  },
  {
    name: 'Invoker IAM check disabled behind an internal-only ingress',
    records: [runV2Service({ ingress: 'INGRESS_TRAFFIC_INTERNAL_ONLY', invokerIamDisabled: true })],
    status: 'PASS',
    messageId: 'internalOnly',
  },
  {
    name: 'v1 annotation "false": judged on the IAM policy',
    records: [
      runV1Annotated({ 'run.googleapis.com/invoker-iam-disabled': 'false' }),
      policy(RUN, 'run.googleapis.com/Service', ['allAuthenticatedUsers']),
    ],
    status: 'FAIL',
    messageId: 'public',
  },
  {
    name: 'v2 invokerIamDisabled false and no IAM policy: unknown',
    records: [runV2Service({ ingress: 'INGRESS_TRAFFIC_ALL', invokerIamDisabled: false })],
    status: 'UNKNOWN',
    messageId: 'noIamPolicy',
  },
  {
    name: 'a Cloud Run service known by its IAM policy alone: its Invoker IAM check may be off',
    records: [
      policy(RUN, 'run.googleapis.com/Service', [
        'serviceAccount:caller@osaka-juki-prod.iam.gserviceaccount.com',
      ]),
    ],
    status: 'UNKNOWN',
    messageId: 'invokerCheckUnknown',
  },
  {
    name: 'a function known by its IAM policy alone: functions have no Invoker IAM check to turn off',
    records: [
      policy(FUNCTION, 'cloudfunctions.googleapis.com/Function', [
        'serviceAccount:caller@osaka-juki-prod.iam.gserviceaccount.com',
      ]),
    ],
    status: 'PASS',
    messageId: 'notPublic',
  },
  {
    name: 'v2 data without invokerIamDisabled (the API leaves false out): judged on the IAM policy',
    records: [
      runV2Service({ ingress: 'INGRESS_TRAFFIC_ALL' }),
      policy(RUN, 'run.googleapis.com/Service', [
        'serviceAccount:caller@osaka-juki-prod.iam.gserviceaccount.com',
      ]),
    ],
    status: 'PASS',
    messageId: 'notPublic',
  },
  {
    name: 'a 2nd gen function whose Cloud Run service lets allUsers invoke it: public, whatever its own policy',
    target: FUNCTION,
    records: [
      functionOnService(),
      policy(FUNCTION, 'cloudfunctions.googleapis.com/Function', [
        'serviceAccount:caller@osaka-juki-prod.iam.gserviceaccount.com',
      ]),
      runV2Service({ ingress: 'INGRESS_TRAFFIC_ALL' }),
      policy(RUN, 'run.googleapis.com/Service', ['allUsers']),
    ],
    status: 'FAIL',
    messageId: 'public',
    assert: (result) => {
      expect(result.evidence[0]).toMatchObject({ path: 'resource.data.serviceConfig.service' });
      expect(result.evidence).toContainEqual(expect.objectContaining({ resourceId: RUN }));
    },
  },
  {
    name: 'a 2nd gen function whose Cloud Run service only a service account may invoke',
    target: FUNCTION,
    records: [
      functionOnService(),
      runV2Service({ ingress: 'INGRESS_TRAFFIC_ALL' }),
      policy(RUN, 'run.googleapis.com/Service', [
        'serviceAccount:caller@osaka-juki-prod.iam.gserviceaccount.com',
      ]),
    ],
    status: 'PASS',
    messageId: 'notPublic',
  },
  {
    name: 'a 2nd gen function whose Cloud Run service is not in the export: its own policy does not decide',
    records: [
      functionOnService(),
      policy(FUNCTION, 'cloudfunctions.googleapis.com/Function', [
        'serviceAccount:caller@osaka-juki-prod.iam.gserviceaccount.com',
      ]),
    ],
    status: 'UNKNOWN',
    messageId: 'noRunService',
    data: { service: RUN },
  },
  {
    name: 'a GEN_2 function that does not name its service',
    records: [functionGen2('ALLOW_ALL'), policy(FUNCTION, 'cloudfunctions.googleapis.com/Function', [])],
    status: 'UNKNOWN',
    messageId: 'runServiceUnnamed',
  },
  {
    name: 'a 2nd gen function open to internal traffic only, its service not in the export',
    records: [
      functionOnService({
        serviceConfig: { ingressSettings: 'ALLOW_INTERNAL_ONLY', service: RUN.slice(24) },
      }),
    ],
    status: 'PASS',
    messageId: 'internalOnly',
  },
  {
    name: 'names the public grants',
    records: [policy(RUN, 'run.googleapis.com/Service', ['allUsers'])],
    status: 'FAIL',
    messageId: 'public',
    assert: (result) => expect(result.data).toEqual({ grants: ['allUsers (roles/run.invoker)'] }),
  },
];

export default byVerdict(cases) satisfies RuleTests;
