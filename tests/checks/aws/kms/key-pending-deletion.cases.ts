import { expect } from 'vitest';
import { jsonFile } from '../../../helpers/exports.ts';
import { type AnyCase, byVerdict, type RuleTests } from '../../../helpers/rule-tester.ts';
import { type Change, constant, plan } from '../../../iac/dialect-plan.ts';
import { kmsKeyItem } from '../../../sources/aws/builders.ts';

const table = [
  ['an enabled customer key', { keyState: 'Enabled' }, 'PASS', 'notScheduled'],
  ['a disabled customer key', { keyState: 'Disabled', enabled: false }, 'PASS', 'notScheduled'],
  ['a key pending deletion', { keyState: 'PendingDeletion', enabled: false }, 'FAIL', 'pendingDeletion'],
  ['an AWS managed key', { keyManager: 'AWS' }, 'NOT_APPLICABLE', 'awsManaged'],
  ['no keyState', { keyState: undefined }, 'UNKNOWN', 'unknown'],
] as const;

/**
 * A Terraform plan that destroys an aws_kms_key (its block removed: `delete`, with
 * `action_reason` delete_because_no_resource_config): the provider schedules the key's deletion.
 */
const existingKey = {
  arn: 'arn:aws:kms:ap-northeast-1:123456789012:key/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0',
  key_id: '0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0',
  is_enabled: true,
  enable_key_rotation: true,
  deletion_window_in_days: 30,
};
const keyChange = (actions: string[]): Change => ({
  address: 'aws_kms_key.exports',
  actions,
  before: existingKey,
  after: actions[0] === 'delete' ? null : existingKey,
});
const planFile = (change: Change) =>
  jsonFile(plan([change], { providers: { aws: { region: constant('ap-northeast-1') } } }), 'plan.json');

const planCases: AnyCase[] = [
  {
    name: 'a Terraform plan that destroys the key: its deletion is scheduled',
    records: [planFile(keyChange(['delete']))],
    target: 'aws_kms_key.exports',
    status: 'FAIL',
    messageId: 'pendingDeletion',
    evidence: [{ path: 'aws_kms_key.exports (destroyed: ScheduleKeyDeletion)' }],
    assert: (result) => expect(result.data).toMatchObject({ state: 'PendingDeletion' }),
  },
  {
    name: 'a Terraform plan that replaces the key (a new key spec): the old key’s deletion is scheduled',
    records: [planFile(keyChange(['delete', 'create']))],
    target: 'aws_kms_key.exports',
    status: 'FAIL',
    messageId: 'pendingDeletion',
    evidence: [{ path: 'aws_kms_key.exports (replaced: ScheduleKeyDeletion of the old key)' }],
  },
  {
    name: 'a Terraform plan that replaces the key, the new one first (create_before_destroy)',
    records: [planFile(keyChange(['create', 'delete']))],
    target: 'aws_kms_key.exports',
    status: 'FAIL',
    messageId: 'pendingDeletion',
  },
  {
    name: 'a Terraform plan that replaces the key and leaves the old one in the cloud (lifecycle destroy = false)',
    records: [planFile(keyChange(['create', 'forget']))],
    target: 'aws_kms_key.exports',
    status: 'PASS',
    messageId: 'notScheduled',
  },
  {
    name: 'a Terraform plan that keeps the key',
    records: [planFile(keyChange(['no-op']))],
    target: 'aws_kms_key.exports',
    status: 'PASS',
    messageId: 'notScheduled',
  },
];

export default byVerdict([
  ...table.map(([name, configuration, status, messageId]) => ({
    name,
    records: [kmsKeyItem('k1', configuration)],
    status,
    messageId,
  })),
  ...planCases,
]) satisfies RuleTests;
