import { jsonFile } from '../../../helpers/exports.ts';
import type { RuleTests } from '../../../helpers/rule-tester.ts';
import { ACCOUNT, apiItem, kmsKeyItem } from '../../../sources/aws/builders.ts';

const ID = '6b8d2e4f-1a3c-4e5b-8d7f-9a0b1c2d3e4f';

/**
 * `steampipe query --output json "select * from aws_kms_key"` (turbot/steampipe-plugin-aws
 * table_aws_kms_key.go): DescribeKey's KeyMetadata in snake_case, `key_rotation_enabled` from
 * GetKeyRotationStatus (null when the plugin was denied it).
 */
const steampipeKey = (rotation: boolean | null) => {
  const arn = `arn:aws:kms:ap-northeast-1:${ACCOUNT}:key/${ID}`;
  return jsonFile(
    {
      columns: [{ name: 'id', data_type: 'text' }],
      rows: [
        {
          id: ID,
          arn,
          key_manager: 'CUSTOMER',
          key_state: 'Enabled',
          key_usage: 'ENCRYPT_DECRYPT',
          origin: 'AWS_KMS',
          customer_master_key_spec: 'SYMMETRIC_DEFAULT',
          enabled: true,
          deletion_date: null,
          key_rotation_enabled: rotation,
          aliases: [{ AliasName: 'alias/records' }],
          tags: null,
          title: ID,
          akas: [arn],
          partition: 'aws',
          region: 'ap-northeast-1',
          account_id: ACCOUNT,
        },
      ],
    },
    'aws_kms_key.json',
  );
};

/**
 * `aws kms describe-key` and `aws kms get-key-rotation-status` (botocore kms service-2.json
 * GetKeyRotationStatusResponse: KeyId as the key ARN, KeyRotationEnabled, RotationPeriodInDays
 * since April 2024), each saved to a file of its own: one key, both facts.
 */
const describeKey = jsonFile(
  {
    KeyMetadata: {
      AWSAccountId: ACCOUNT,
      KeyId: ID,
      Arn: `arn:aws:kms:ap-northeast-1:${ACCOUNT}:key/${ID}`,
      Enabled: true,
      KeyUsage: 'ENCRYPT_DECRYPT',
      KeyState: 'Enabled',
      Origin: 'AWS_KMS',
      KeyManager: 'CUSTOMER',
      CustomerMasterKeySpec: 'SYMMETRIC_DEFAULT',
      KeySpec: 'SYMMETRIC_DEFAULT',
      MultiRegion: false,
    },
  },
  `kms-describe-key-${ID}.json`,
);
const rotationStatus = (answer: Record<string, unknown>) =>
  jsonFile(
    { KeyId: `arn:aws:kms:ap-northeast-1:${ACCOUNT}:key/${ID}`, ...answer },
    `kms-get-key-rotation-status-${ID}.json`,
  );

export default {
  valid: [
    {
      name: 'customer key, rotation on',
      records: [kmsKeyItem(ID, {}, { KeyRotationStatus: true })],
      messageId: 'enabled',
    },
    {
      name: 'AWS managed key',
      records: [kmsKeyItem(ID, { keyManager: 'AWS' }, {})],
      status: 'NOT_APPLICABLE',
      messageId: 'awsManaged',
    },
    {
      name: 'key pending deletion',
      records: [kmsKeyItem(ID, { keyState: 'PendingDeletion' }, { KeyRotationStatus: false })],
      status: 'NOT_APPLICABLE',
      messageId: 'notEnabledKey',
    },
    {
      name: 'asymmetric key',
      records: [kmsKeyItem(ID, { keySpec: 'RSA_2048', keyUsage: 'SIGN_VERIFY' }, {})],
      status: 'NOT_APPLICABLE',
      messageId: 'notRotatable',
    },
    {
      name: 'imported key material',
      records: [kmsKeyItem(ID, { origin: 'EXTERNAL' }, { KeyRotationStatus: false })],
      status: 'NOT_APPLICABLE',
      messageId: 'notRotatable',
    },
    {
      name: 'a Steampipe aws_kms_key row: customer key, key_rotation_enabled true',
      records: [steampipeKey(true)],
      messageId: 'enabled',
    },
    {
      name: 'get-key-rotation-status: rotation on, every 365 days (the default period)',
      records: [describeKey, rotationStatus({ KeyRotationEnabled: true, RotationPeriodInDays: 365 })],
      messageId: 'enabled',
    },
  ],
  invalid: [
    {
      name: 'customer key, rotation off',
      records: [kmsKeyItem(ID, {}, { KeyRotationStatus: false })],
      messageId: 'disabled',
    },
    {
      // Imported key material (EXTERNAL) cannot rotate automatically: an item that does not give
      // the key's origin leaves rotation being off undecided.
      name: 'customer key, rotation off, origin not in the item',
      records: [kmsKeyItem(ID, { origin: undefined }, { KeyRotationStatus: false })],
      status: 'UNKNOWN',
      messageId: 'rotatableUnknown',
    },
    {
      name: 'customer key, rotation not in the item',
      records: [kmsKeyItem(ID, {}, {})],
      status: 'UNKNOWN',
      messageId: 'unknown',
    },
    {
      name: 'KeyRotationStatus given as the string "false" (API dialect), with it as evidence',
      records: [
        { ...apiItem(kmsKeyItem(ID, {})), supplementaryConfiguration: { KeyRotationStatus: 'false' } },
      ],
      messageId: 'disabled',
      evidence: [
        { path: 'configuration.keyManager', value: 'CUSTOMER' },
        { path: 'supplementaryConfiguration.KeyRotationStatus', value: false, source: 'explicit' },
      ],
    },
    {
      name: 'a Steampipe aws_kms_key row: customer key, key_rotation_enabled false',
      records: [steampipeKey(false)],
      messageId: 'disabled',
    },
    {
      name: 'a Steampipe aws_kms_key row whose key_rotation_enabled is null',
      records: [steampipeKey(null)],
      status: 'UNKNOWN',
      messageId: 'unknown',
    },
    {
      // `aws kms describe-key` and `aws kms get-key-rotation-status` (botocore kms service-2.json
      // GetKeyRotationStatusResponse: KeyId as the key ARN, KeyRotationEnabled,
      // RotationPeriodInDays), each saved to a file of its own: one key, both facts.
      name: 'describe-key and get-key-rotation-status output: rotation off',
      records: [describeKey, rotationStatus({ KeyRotationEnabled: false })],
      messageId: 'disabled',
      evidence: [
        { path: 'configuration.keyManager', value: 'CUSTOMER' },
        { path: 'supplementaryConfiguration.KeyRotationStatus', value: false, source: 'explicit' },
      ],
    },
    {
      name: 'get-key-rotation-status: rotation on, every 730 days, more than the 365 allowed',
      records: [describeKey, rotationStatus({ KeyRotationEnabled: true, RotationPeriodInDays: 730 })],
      messageId: 'periodTooLong',
      data: { days: 730, max: 365 },
      evidence: [
        { path: 'configuration.keyManager', value: 'CUSTOMER' },
        { path: 'supplementaryConfiguration.KeyRotationStatus', value: true },
        { path: 'supplementaryConfiguration.RotationPeriodInDays', value: 730, source: 'explicit' },
      ],
    },
    {
      name: 'the default 365-day period against an organisation maximum of 180 days',
      records: [describeKey, rotationStatus({ KeyRotationEnabled: true, RotationPeriodInDays: 365 })],
      params: { maxKeyRotationDays: 180 },
      messageId: 'periodTooLong',
    },
  ],
} satisfies RuleTests;
