import type { RuleTests } from '../../../helpers/rule-tester.ts';
import { apiItem, kmsKeyItem } from '../../../sources/aws/builders.ts';

const ID = '6b8d2e4f-1a3c-4e5b-8d7f-9a0b1c2d3e4f';

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
  ],
  invalid: [
    {
      name: 'customer key, rotation off',
      records: [kmsKeyItem(ID, {}, { KeyRotationStatus: false })],
      messageId: 'disabled',
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
  ],
} satisfies RuleTests;
