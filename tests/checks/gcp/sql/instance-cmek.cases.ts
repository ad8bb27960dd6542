import type { RuleTests } from '../../../helpers/rule-tester.ts';
import { policyRecord, resourceRecord, sqlInstanceRecord } from '../../../sources/gcp/records.ts';

const INSTANCE = '//cloudsql.googleapis.com/projects/osaka-juki-prod/instances/db';
const KEY = 'projects/osaka-juki-prod/locations/asia-northeast1/keyRings/r/cryptoKeys/k';
const EXTERNAL_SERVER = {
  instanceType: 'ON_PREMISES_INSTANCE',
  backendType: 'EXTERNAL',
  onPremisesConfiguration: { hostPort: '203.0.113.40:3306', kind: 'sql#onPremisesConfiguration' },
};

export default {
  valid: [
    {
      name: 'a Cloud KMS key',
      records: [
        sqlInstanceRecord(
          'db',
          {},
          { diskEncryptionConfiguration: { kmsKeyName: KEY, kind: 'sql#diskEncryptionConfiguration' } },
        ),
      ],
      messageId: 'enabled',
      evidence: [{ source: 'explicit' }],
      example: true,
    },
    {
      name: 'the source representation of an external server (ON_PREMISES_INSTANCE)',
      records: [sqlInstanceRecord('db', {}, EXTERNAL_SERVER)],
      status: 'NOT_APPLICABLE',
      messageId: 'externalServer',
      evidence: [{ source: 'explicit', path: 'resource.data.instanceType', value: 'ON_PREMISES_INSTANCE' }],
    },
  ],
  invalid: [
    {
      name: 'no key: Google-managed (the default)',
      records: [sqlInstanceRecord('db', {})],
      messageId: 'disabled',
      evidence: [{ source: 'default' }],
      example: true,
    },
    {
      name: 'only the IAM-policy line of the instance in the export',
      records: [policyRecord(INSTANCE, 'sqladmin.googleapis.com/Instance', { bindings: [] })],
      messageId: 'unknown',
      status: 'UNKNOWN',
    },
  ],
  notRun: [
    {
      name: 'a BigQuery dataset (also database.instance)',
      records: [
        resourceRecord(
          '//bigquery.googleapis.com/projects/p/datasets/d',
          'bigquery.googleapis.com/Dataset',
          { id: 'p:d', location: 'asia-northeast1' },
          'asia-northeast1',
        ),
      ],
    },
  ],
} satisfies RuleTests<'enabled' | 'disabled' | 'unknown' | 'externalServer'>;
