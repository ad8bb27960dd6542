import { jsonFile } from '../../../helpers/exports.ts';
import { type AnyCase, byVerdict, type RuleTests } from '../../../helpers/rule-tester.ts';
import { constant, plan } from '../../../iac/dialect-plan.ts';
import { resourceRecord } from '../../../sources/gcp/records.ts';

const ID = '//cloudkms.googleapis.com/projects/p/locations/asia-northeast1/keyRings/r/cryptoKeys/k';
const keyRecord = (data: Record<string, unknown>) =>
  resourceRecord(
    ID,
    'cloudkms.googleapis.com/CryptoKey',
    { name: ID.slice(2 + 'cloudkms.googleapis.com/'.length), ...data },
    'asia-northeast1',
  );
const SYMMETRIC = {
  purpose: 'ENCRYPT_DECRYPT',
  versionTemplate: { algorithm: 'GOOGLE_SYMMETRIC_ENCRYPTION', protectionLevel: 'SOFTWARE' },
};

/**
 * A Steampipe `gcp_kms_key` row (turbot/steampipe-plugin-gcp table_gcp_kms_key.go): the plugin has
 * no column of `importOnly`; `primary` is the primary version as the API gives it.
 */
const steampipeKey = (primary: Record<string, unknown> | null) =>
  jsonFile(
    [
      {
        name: 'k',
        key_ring_name: 'r',
        purpose: 'ENCRYPT_DECRYPT',
        rotation_period: null,
        next_rotation_time: null,
        primary,
        version_template: { protectionLevel: 'SOFTWARE', algorithm: 'GOOGLE_SYMMETRIC_ENCRYPTION' },
        title: 'k',
        akas: [`gcp:${ID}`],
        location: 'asia-northeast1',
        project: 'p',
      },
    ],
    'gcp_kms_key.json',
  );
const VERSION = {
  name: `${ID.slice(2 + 'cloudkms.googleapis.com/'.length)}/cryptoKeyVersions/1`,
  state: 'ENABLED',
  protectionLevel: 'SOFTWARE',
  algorithm: 'GOOGLE_SYMMETRIC_ENCRYPTION',
  createTime: '2025-04-02T01:12:40Z',
};

const table = [
  {
    name: '90 days',
    data: { ...SYMMETRIC, rotationPeriod: '7776000s' },
    status: 'PASS',
    message: 'rotated',
    days: 90,
  },
  {
    name: 'exactly 365 days',
    data: { ...SYMMETRIC, rotationPeriod: '31536000s' },
    status: 'PASS',
    message: 'rotated',
    days: 365,
  },
  {
    name: '730 days',
    data: { ...SYMMETRIC, rotationPeriod: '63072000s' },
    status: 'FAIL',
    message: 'tooLong',
    days: 730,
  },
  {
    // One second over the limit (fugue/regula's cryptokey_rotate input `invalid_key_2` is 2 s over its 90 days).
    name: 'a second over the limit',
    data: { ...SYMMETRIC, rotationPeriod: '31536001s' },
    status: 'FAIL',
    message: 'tooLong',
    days: 365.1,
  },
  { name: 'no rotationPeriod (default: none)', data: SYMMETRIC, status: 'FAIL', message: 'noRotation' },
  {
    name: 'an asymmetric signing key',
    data: { purpose: 'ASYMMETRIC_SIGN' },
    status: 'NOT_APPLICABLE',
    message: 'notSymmetric',
  },
  {
    name: 'an unreadable period',
    data: { ...SYMMETRIC, rotationPeriod: '90d' },
    status: 'UNKNOWN',
    message: 'unknown',
  },
  { name: 'no purpose', data: { rotationPeriod: '7776000s' }, status: 'UNKNOWN', message: 'unknown' },
  {
    // Cloud EKM over the internet: the material is the external key manager's to rotate.
    name: 'an EXTERNAL key without a rotation period',
    data: {
      purpose: 'ENCRYPT_DECRYPT',
      versionTemplate: { algorithm: 'EXTERNAL_SYMMETRIC_ENCRYPTION', protectionLevel: 'EXTERNAL' },
    },
    status: 'NOT_APPLICABLE',
    message: 'externalKey',
  },
  {
    // Over VPC, only a coordinated (CLOUD_KMS mode) EKM connection rotates; the key does not say.
    name: 'an EXTERNAL_VPC key without a rotation period',
    data: {
      purpose: 'ENCRYPT_DECRYPT',
      versionTemplate: { algorithm: 'EXTERNAL_SYMMETRIC_ENCRYPTION', protectionLevel: 'EXTERNAL_VPC' },
      cryptoKeyBackend: 'projects/p/locations/asia-northeast1/ekmConnections/c',
    },
    status: 'UNKNOWN',
    message: 'externalVpcKey',
  },
  {
    name: 'an EXTERNAL_VPC key with a rotation period (coordinated mode)',
    data: {
      purpose: 'ENCRYPT_DECRYPT',
      rotationPeriod: '7776000s',
      versionTemplate: { algorithm: 'EXTERNAL_SYMMETRIC_ENCRYPTION', protectionLevel: 'EXTERNAL_VPC' },
    },
    status: 'PASS',
    message: 'rotated',
    days: 90,
  },
  {
    name: 'the primary version names the protection level where the template is left out',
    data: { purpose: 'ENCRYPT_DECRYPT', primary: { state: 'ENABLED', protectionLevel: 'EXTERNAL' } },
    status: 'NOT_APPLICABLE',
    message: 'externalKey',
  },
  {
    // importOnly: the key holds imported versions only, and rotation generates a new version.
    name: 'an import-only key without a rotation period (imported key material)',
    data: { ...SYMMETRIC, importOnly: true },
    status: 'NOT_APPLICABLE',
    message: 'importOnly',
  },
  {
    name: 'importOnly false without a rotation period',
    data: { ...SYMMETRIC, importOnly: false },
    status: 'FAIL',
    message: 'noRotation',
  },
  {
    name: 'an import-only key with a rotation period is judged on it',
    data: { ...SYMMETRIC, importOnly: true, rotationPeriod: '7776000s' },
    status: 'PASS',
    message: 'rotated',
    days: 90,
  },
  {
    name: 'importOnly of a type the reader does not take, without a rotation period',
    data: { ...SYMMETRIC, importOnly: 'yes' },
    status: 'UNKNOWN',
    message: 'unknown',
  },
  {
    name: 'an HSM key without a rotation period',
    data: { purpose: 'ENCRYPT_DECRYPT', versionTemplate: { protectionLevel: 'HSM' } },
    status: 'FAIL',
    message: 'noRotation',
  },
] as const;

const cases: AnyCase[] = [
  ...table.map((c) => ({
    name: c.name,
    records: [keyRecord(c.data)],
    status: c.status,
    messageId: c.message,
    ...('days' in c ? { data: { days: c.days } } : {}),
  })),
  {
    // hashicorp/google docs r/kms_crypto_key: `import_only` with `skip_initial_version_creation`.
    name: 'a Terraform plan: google_kms_crypto_key with import_only and no rotation_period',
    records: [
      jsonFile(
        plan(
          [
            {
              address: 'google_kms_crypto_key.imported',
              after: {
                name: 'imported',
                key_ring: 'projects/p/locations/asia-northeast1/keyRings/r',
                purpose: 'ENCRYPT_DECRYPT',
                import_only: true,
                skip_initial_version_creation: true,
                rotation_period: null,
                version_template: [
                  { algorithm: 'GOOGLE_SYMMETRIC_ENCRYPTION', protection_level: 'SOFTWARE' },
                ],
              },
              afterUnknown: { id: true, version_template: [{}] },
              expressions: { name: constant('imported') },
            },
          ],
          { providers: { google: { region: constant('asia-northeast1') } } },
        ),
        'plan.json',
      ),
    ],
    target: 'google_kms_crypto_key.imported',
    status: 'NOT_APPLICABLE',
    messageId: 'importOnly',
  },
  {
    // import_only is Optional+Computed (known after apply where the configuration leaves it
    // out), and a key created without it is an ordinary key (the API's default false).
    name: 'a Terraform plan: a new google_kms_crypto_key without import_only nor rotation_period',
    records: [
      jsonFile(
        plan(
          [
            {
              address: 'google_kms_crypto_key.plain',
              after: { name: 'plain', purpose: 'ENCRYPT_DECRYPT', rotation_period: null },
              afterUnknown: { id: true, import_only: true, key_ring: true, version_template: true },
              expressions: { name: constant('plain') },
            },
          ],
          { providers: { google: { region: constant('asia-northeast1') } } },
        ),
        'plan.json',
      ),
    ],
    target: 'google_kms_crypto_key.plain',
    status: 'FAIL',
    messageId: 'noRotation',
  },
  {
    name: 'a Steampipe row without rotation whose primary version Cloud KMS generated (generateTime)',
    records: [steampipeKey({ ...VERSION, generateTime: '2025-04-02T01:12:40Z' })],
    status: 'FAIL',
    messageId: 'noRotation',
  },
  {
    // The plugin has no importOnly column, and an imported primary may be an import-only key's.
    name: 'a Steampipe row without rotation whose primary version was imported',
    records: [
      steampipeKey({
        ...VERSION,
        importJob: 'projects/p/locations/asia-northeast1/keyRings/r/importJobs/j',
        importTime: '2025-04-02T01:14:02Z',
      }),
    ],
    status: 'UNKNOWN',
    messageId: 'unknown',
  },
  {
    name: 'a Steampipe row without rotation and without a primary version',
    records: [steampipeKey(null)],
    status: 'UNKNOWN',
    messageId: 'unknown',
  },
  {
    name: 'the missing period is evidenced as the documented default',
    records: [keyRecord(SYMMETRIC)],
    status: 'FAIL',
    messageId: 'noRotation',
    evidence: [{ path: 'resource.data.rotationPeriod', source: 'default', value: null }],
  },
];

export default byVerdict(cases) satisfies RuleTests;
