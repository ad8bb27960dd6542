import { describe, expect, it } from 'vitest';
import { type Change, constant, type Json, plan, ref } from './dialect-plan.ts';
import { findingOf, resourceOf, scanDocument } from './helpers.ts';

/**
 * Settings of the google provider a blind pass over google 6.x plans and states found unread
 * (tests/corpus t13g-*): Cloud Run's Invoker IAM check in either generation, a service-account
 * key's expiry, the audit configs of an authoritative IAM policy, and regional secrets.
 */

const INVOKER = 'gcp.serverless.public-invoker';
const KEY_AGE = 'gcp.iam.service-account-key-age';
const AUDIT = 'gcp.logging.data-access-audit-logs';
const IN_JAPAN = 'common.location.data-in-japan';
const CMK = 'common.classification.cmk-at-rest';
const providers = { google: { project: constant('t13g-unit'), region: constant('asia-northeast1') } };

/** A state file (format version 4) of google resources, one instance each. */
function state(resources: [type: string, name: string, attributes: Json][]): Json {
  return {
    version: 4,
    terraform_version: '1.9.8',
    serial: 7,
    lineage: '0b7e1c2d-3f4a-4b5c-8d6e-7f8091a2b3c4',
    outputs: {},
    resources: resources.map(([type, name, attributes]) => ({
      mode: 'managed',
      type,
      name,
      provider: 'provider["registry.terraform.io/hashicorp/google"]',
      instances: [{ schema_version: 0, attributes, sensitive_attributes: [] }],
    })),
    check_results: null,
  };
}

describe('Cloud Run’s Invoker IAM check', () => {
  const v2 = (name: string, after: Json, afterUnknown: Json, expressions: Json = {}): Change => ({
    address: `google_cloud_run_v2_service.${name}`,
    after: {
      name,
      location: 'asia-northeast1',
      ingress: 'INGRESS_TRAFFIC_ALL',
      deletion_protection: false,
      ...after,
    },
    afterUnknown: { id: true, uri: true, project: true, ...afterUnknown },
    expressions: { name: constant(name), location: constant('asia-northeast1'), ...expressions },
  });

  it('reads a v1 service’s run.googleapis.com/invoker-iam-disabled annotation', async () => {
    // Cloud Run's YAML and the v1 resource's `metadata { annotations }` spell the switch as an
    // annotation whose value is the string "true".
    const service = (name: string, annotations: Json): Change => ({
      address: `google_cloud_run_service.${name}`,
      after: { name, location: 'asia-northeast1', metadata: [{ annotations, labels: null }] },
      afterUnknown: { id: true, status: true, metadata: [{ annotations: {}, uid: true }] },
      expressions: { name: constant(name), metadata: [{ annotations: constant(annotations) }] },
    });
    const scanned = await scanDocument(
      plan(
        [
          service('open', {
            'run.googleapis.com/ingress': 'all',
            'run.googleapis.com/invoker-iam-disabled': 'true',
          }),
          service('internal', {
            'run.googleapis.com/ingress': 'internal',
            'run.googleapis.com/invoker-iam-disabled': 'true',
          }),
          service('checked', { 'run.googleapis.com/ingress': 'all' }),
        ],
        { providers },
      ),
    );
    const open = findingOf(scanned, INVOKER, 'google_cloud_run_service.open');
    expect(open.status).toBe('FAIL');
    expect(JSON.stringify(open.evidence)).toContain('google_cloud_run_service.open.metadata.0.annotations');
    expect(findingOf(scanned, INVOKER, 'google_cloud_run_service.internal').status).toBe('PASS');
    // A new service granted to no one, its check on: nobody outside the project may invoke it.
    expect(findingOf(scanned, INVOKER, 'google_cloud_run_service.checked').status).toBe('PASS');
  });

  it('reads a v2 service’s invoker_iam_disabled, the API’s default when a new service leaves it out', async () => {
    const scanned = await scanDocument(
      plan(
        [
          v2('off', { invoker_iam_disabled: true }, {}, { invoker_iam_disabled: constant(true) }),
          // Optional+Computed: left out of a new service, the plan knows it only after apply.
          v2('left_out', {}, { invoker_iam_disabled: true }),
          // Set from a value known only after apply.
          v2(
            'computed',
            {},
            { invoker_iam_disabled: true },
            { invoker_iam_disabled: ref('terraform_data.public.output', 'terraform_data.public') },
          ),
        ],
        { providers },
      ),
    );
    const off = findingOf(scanned, INVOKER, 'google_cloud_run_v2_service.off');
    expect(off.status).toBe('FAIL');
    expect(off.evidence[0]?.path).toBe('google_cloud_run_v2_service.off.invoker_iam_disabled');
    expect(findingOf(scanned, INVOKER, 'google_cloud_run_v2_service.left_out').status).toBe('PASS');
    expect(findingOf(scanned, INVOKER, 'google_cloud_run_v2_service.computed').status).toBe('UNKNOWN');
  });

  it('fails a service of a state whose check is off, though its IAM policy is not in the state', async () => {
    const scanned = await scanDocument(
      state([
        [
          'google_cloud_run_v2_service',
          'status',
          {
            id: 'projects/t13g-unit/locations/asia-northeast1/services/status',
            name: 'status',
            location: 'asia-northeast1',
            project: 't13g-unit',
            ingress: 'INGRESS_TRAFFIC_ALL',
            invoker_iam_disabled: true,
          },
        ],
        [
          'google_cloud_run_service',
          'site',
          {
            id: 'locations/asia-northeast1/namespaces/t13g-unit/services/site',
            name: 'site',
            location: 'asia-northeast1',
            project: 't13g-unit',
            metadata: [
              {
                annotations: { 'run.googleapis.com/invoker-iam-disabled': 'true' },
                effective_annotations: {
                  'run.googleapis.com/ingress': 'all',
                  'run.googleapis.com/invoker-iam-disabled': 'true',
                },
              },
            ],
          },
        ],
        // google 5.x on: the check turned off outside Terraform (`gcloud run services update
        // --no-invoker-iam-check`) shows in effective_annotations only.
        [
          'google_cloud_run_service',
          'outside',
          {
            id: 'locations/asia-northeast1/namespaces/t13g-unit/services/outside',
            name: 'outside',
            location: 'asia-northeast1',
            project: 't13g-unit',
            metadata: [
              {
                annotations: {},
                effective_annotations: {
                  'run.googleapis.com/ingress': 'all',
                  'run.googleapis.com/invoker-iam-disabled': 'true',
                },
              },
            ],
          },
        ],
      ]),
      'terraform.tfstate',
    );
    expect(findingOf(scanned, INVOKER, 'google_cloud_run_v2_service.status').status).toBe('FAIL');
    expect(findingOf(scanned, INVOKER, 'google_cloud_run_service.site').status).toBe('FAIL');
    const outside = findingOf(scanned, INVOKER, 'google_cloud_run_service.outside');
    expect(outside.status).toBe('FAIL');
    expect(JSON.stringify(outside.evidence)).toContain('metadata.0.effective_annotations');
  });
});

describe('google_service_account_key', () => {
  const key = (name: string, validAfter: string, validBefore: string) =>
    [
      'google_service_account_key',
      name,
      {
        id: `projects/t13g-unit/serviceAccounts/ci@t13g-unit.iam.gserviceaccount.com/keys/${name}`,
        key_algorithm: 'KEY_ALG_RSA_2048',
        private_key_type: 'TYPE_GOOGLE_CREDENTIALS_FILE',
        public_key_type: 'TYPE_X509_PEM_FILE',
        service_account_id: 'projects/t13g-unit/serviceAccounts/ci@t13g-unit.iam.gserviceaccount.com',
        valid_after: validAfter,
        valid_before: validBefore,
      },
    ] as [string, string, Json];

  it('judges a key of a state by valid_after unless valid_before has passed', async () => {
    const scanned = await scanDocument(
      state([
        key('no_expiry', '2024-03-11T04:22:09Z', '9999-12-31T23:59:59Z'),
        key('expired', '2025-06-01T00:00:00Z', '2025-08-30T00:00:00Z'),
      ]),
      'terraform.tfstate',
    );
    expect(findingOf(scanned, KEY_AGE, 'google_service_account_key.no_expiry').status).toBe('FAIL');
    const expired = findingOf(scanned, KEY_AGE, 'google_service_account_key.expired');
    expect(expired.status).toBe('NOT_APPLICABLE');
    expect(expired.evidence[0]?.path).toBe('google_service_account_key.expired.valid_before');
  });
});

describe('an authoritative IAM policy’s audit configs', () => {
  it('reads a policy_data without auditConfigs as none, so the project inherits its organization’s', async () => {
    const audited = {
      auditConfigs: [
        {
          service: 'allServices',
          auditLogConfigs: [{ logType: 'ADMIN_READ' }, { logType: 'DATA_READ' }, { logType: 'DATA_WRITE' }],
        },
      ],
      bindings: [{ role: 'roles/billing.admin', members: ['group:billing@t13g.example'] }],
    };
    const owners = { bindings: [{ role: 'roles/owner', members: ['user:aiko@t13g.example'] }] };
    const scanned = await scanDocument(
      plan(
        [
          {
            address: 'google_project.core',
            after: { project_id: 't13g-core', name: 't13g core', org_id: '731200000009', folder_id: null },
            afterUnknown: { id: true, number: true },
            expressions: { project_id: constant('t13g-core'), org_id: constant('731200000009') },
          },
          {
            address: 'google_organization_iam_policy.org',
            after: { org_id: '731200000009', policy_data: JSON.stringify(audited) },
            afterUnknown: { id: true, etag: true },
          },
          {
            address: 'google_project_iam_policy.core',
            after: { project: 't13g-core', policy_data: JSON.stringify(owners) },
            afterUnknown: { id: true, etag: true },
          },
          // The same policy on a project outside the plan: what the nodes above enable is not shown.
          {
            address: 'google_project_iam_policy.elsewhere',
            after: { project: 't13g-elsewhere', policy_data: JSON.stringify(owners) },
            afterUnknown: { id: true, etag: true },
          },
        ],
        { providers },
      ),
    );
    const core = findingOf(scanned, AUDIT, '//cloudresourcemanager.googleapis.com/projects/t13g-core');
    expect(core.status).toBe('PASS');
    expect(JSON.stringify(core.evidence)).toContain('google_project_iam_policy.core.policy_data');
    expect(
      findingOf(scanned, AUDIT, '//cloudresourcemanager.googleapis.com/projects/t13g-elsewhere').status,
    ).toBe('UNKNOWN');
  });
});

describe('google_project_iam_audit_config', () => {
  it('fails an exemption of a member known only after apply, and leaves a list known only after apply unknown', async () => {
    const config = (name: string, exempted: unknown, exemptedUnknown: unknown): Change => ({
      address: `google_project_iam_audit_config.${name}`,
      after: {
        project: `t13g-${name}`,
        service: 'allServices',
        audit_log_config: [
          { log_type: 'ADMIN_READ', exempted_members: [] },
          { log_type: 'DATA_READ', ...(exempted !== undefined && { exempted_members: exempted }) },
          { log_type: 'DATA_WRITE', exempted_members: [] },
        ],
      },
      afterUnknown: {
        id: true,
        etag: true,
        audit_log_config: [
          { exempted_members: [] },
          { exempted_members: exemptedUnknown },
          { exempted_members: [] },
        ],
      },
    });
    const scanned = await scanDocument(
      plan(
        [
          // `exempted_members = [google_service_account.etl.member]`, the account the plan creates.
          config('member', [null], [true]),
          // `exempted_members = [for a in google_service_account.batch : a.member]`.
          config('list', undefined, true),
        ],
        { providers },
      ),
    );
    const member = findingOf(scanned, AUDIT, '//cloudresourcemanager.googleapis.com/projects/t13g-member');
    expect(member.status).toBe('FAIL');
    expect(JSON.stringify(member.evidence)).toContain(
      'google_project_iam_audit_config.member.audit_log_config',
    );
    expect(findingOf(scanned, AUDIT, '//cloudresourcemanager.googleapis.com/projects/t13g-list').status).toBe(
      'UNKNOWN',
    );
  });
});

describe('google_secret_manager_regional_secret', () => {
  it('is kept in its location, under its own key', async () => {
    const secret = (name: string, location: string, key: Json[]): Change => ({
      address: `google_secret_manager_regional_secret.${name}`,
      after: { secret_id: name, location, customer_managed_encryption: key, labels: null, topics: [] },
      afterUnknown: { id: true, name: true, create_time: true, project: true },
      expressions: { secret_id: constant(name), location: constant(location) },
    });
    const scanned = await scanDocument(
      plan(
        [
          secret('tokyo', 'asia-northeast1', [
            { kms_key_name: 'projects/t13g-unit/locations/asia-northeast1/keyRings/r/cryptoKeys/k' },
          ]),
          secret('iowa', 'us-central1', []),
        ],
        { providers },
      ),
    );
    expect(resourceOf(scanned, 'google_secret_manager_regional_secret.tokyo').region).toBe('asia-northeast1');
    expect(findingOf(scanned, IN_JAPAN, 'google_secret_manager_regional_secret.tokyo').status).toBe('PASS');
    expect(findingOf(scanned, CMK, 'google_secret_manager_regional_secret.tokyo').status).toBe('PASS');
    expect(findingOf(scanned, IN_JAPAN, 'google_secret_manager_regional_secret.iowa').status).toBe('FAIL');
    expect(findingOf(scanned, CMK, 'google_secret_manager_regional_secret.iowa').status).toBe('FAIL');
  });
});

describe('a 2nd gen function’s Cloud Run service', () => {
  it('counts the Cloud Run IAM resources that name the function’s service, which is named as the function', async () => {
    const fn = (name: string): Change => ({
      address: `google_cloudfunctions2_function.${name}`,
      after: {
        name,
        location: 'asia-northeast1',
        service_config: [{ ingress_settings: 'ALLOW_ALL', available_memory: '256M' }],
      },
      afterUnknown: { id: true, url: true, service_config: [{ service: true, uri: true }] },
      expressions: {
        name: constant(name),
        location: constant('asia-northeast1'),
        service_config: [{ ingress_settings: constant('ALLOW_ALL') }],
      },
    });
    const runMember = (
      type: string,
      name: string,
      service: string,
      attribute: string,
      member: string,
    ): Change => ({
      address: `${type}.${name}`,
      after: {
        location: 'asia-northeast1',
        role: 'roles/run.invoker',
        member,
        [attribute]: service,
        condition: [],
      },
      afterUnknown: { id: true, etag: true, project: true },
      expressions: {
        [attribute]: ref(
          `google_cloudfunctions2_function.${service}.name`,
          `google_cloudfunctions2_function.${service}`,
        ),
        role: constant('roles/run.invoker'),
        member: constant(member),
      },
    });
    const scanned = await scanDocument(
      plan(
        [
          fn('hook'),
          runMember('google_cloud_run_service_iam_member', 'hook', 'hook', 'service', 'allUsers'),
          fn('worker'),
          runMember(
            'google_cloud_run_v2_service_iam_member',
            'worker',
            'worker',
            'name',
            'allAuthenticatedUsers',
          ),
          fn('private'),
          runMember(
            'google_cloud_run_service_iam_member',
            'private',
            'private',
            'service',
            'serviceAccount:ci@t13g-unit.iam.gserviceaccount.com',
          ),
        ],
        { providers },
      ),
    );
    const hook = findingOf(scanned, INVOKER, 'google_cloudfunctions2_function.hook');
    expect(hook.status).toBe('FAIL');
    expect(JSON.stringify(hook.evidence)).toContain('google_cloud_run_service_iam_member.hook');
    expect(findingOf(scanned, INVOKER, 'google_cloudfunctions2_function.worker').status).toBe('FAIL');
    expect(findingOf(scanned, INVOKER, 'google_cloudfunctions2_function.private').status).toBe('PASS');
    // Read with the function, not as a Cloud Run service of its own.
    expect(scanned.resources.some((r) => r.id === 'google_cloud_run_service_iam_member.hook')).toBe(false);
  });
});

describe('google_compute_subnetwork log_config.flow_sampling', () => {
  it('fails a subnet that samples no flow, and leaves one whose rate is known only after apply unknown', async () => {
    const subnet = (name: string, sampling: number | null, samplingUnknown: boolean): Change => ({
      address: `google_compute_subnetwork.${name}`,
      after: {
        name,
        region: 'asia-northeast1',
        ip_cidr_range: '10.0.0.0/24',
        log_config: [
          {
            aggregation_interval: 'INTERVAL_5_SEC',
            metadata: 'INCLUDE_ALL_METADATA',
            ...(sampling !== null && { flow_sampling: sampling }),
          },
        ],
      },
      afterUnknown: { id: true, purpose: true, log_config: [samplingUnknown ? { flow_sampling: true } : {}] },
      expressions: {
        name: constant(name),
        log_config: [{ aggregation_interval: constant('INTERVAL_5_SEC') }],
      },
    });
    const scanned = await scanDocument(
      plan([subnet('none', 0, false), subnet('half', 0.5, false), subnet('later', null, true)], {
        providers,
      }),
    );
    const none = findingOf(scanned, 'gcp.compute.subnet-flow-logs', 'google_compute_subnetwork.none');
    expect(none.status).toBe('FAIL');
    expect(JSON.stringify(none.evidence)).toContain(
      'google_compute_subnetwork.none.log_config.0.flow_sampling',
    );
    expect(findingOf(scanned, 'gcp.compute.subnet-flow-logs', 'google_compute_subnetwork.half').status).toBe(
      'PASS',
    );
    expect(findingOf(scanned, 'gcp.compute.subnet-flow-logs', 'google_compute_subnetwork.later').status).toBe(
      'UNKNOWN',
    );
  });
});
