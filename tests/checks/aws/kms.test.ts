import { describe, expect, it } from 'vitest';
import keyRotation from '../../../src/checks/aws/kms/key-rotation.ts';
import { evaluate } from '../../helpers/checks.ts';
import { apiItem, keyArn, kmsKeyItem } from '../../sources/aws/builders.ts';
import { tenancy } from './harness.ts';

const ID = '6b8d2e4f-1a3c-4e5b-8d7f-9a0b1c2d3e4f';

describe('aws.kms.key-rotation', () => {
  it.each([
    ['customer key, rotation on', {}, { KeyRotationStatus: true }, 'PASS', 'enabled'],
    ['customer key, rotation off', {}, { KeyRotationStatus: false }, 'FAIL', 'disabled'],
    ['customer key, rotation not in the item', {}, {}, 'UNKNOWN', 'unknown'],
    ['AWS managed key', { keyManager: 'AWS' }, {}, 'NOT_APPLICABLE', 'awsManaged'],
    [
      'key pending deletion',
      { keyState: 'PendingDeletion' },
      { KeyRotationStatus: false },
      'NOT_APPLICABLE',
      'notEnabledKey',
    ],
    [
      'asymmetric key',
      { keySpec: 'RSA_2048', keyUsage: 'SIGN_VERIFY' },
      {},
      'NOT_APPLICABLE',
      'notRotatable',
    ],
    [
      'imported key material',
      { origin: 'EXTERNAL' },
      { KeyRotationStatus: false },
      'NOT_APPLICABLE',
      'notRotatable',
    ],
  ])('%s → %s', (_, configuration, supplementary, status, message) => {
    const result = evaluate(
      keyRotation,
      tenancy({ items: [kmsKeyItem(ID, configuration, supplementary)] }),
      keyArn(ID),
    );
    expect(result).toMatchObject({ status, message });
  });

  it('decides on KeyRotationStatus given as the string "false" (API dialect), with it as evidence', () => {
    const item = {
      ...apiItem(kmsKeyItem(ID, {})),
      supplementaryConfiguration: { KeyRotationStatus: 'false' },
    };
    const result = evaluate(keyRotation, tenancy({ items: [item] }), keyArn(ID));
    expect(result).toMatchObject({
      status: 'FAIL',
      evidence: [
        { path: 'configuration.keyManager', value: 'CUSTOMER' },
        { path: 'supplementaryConfiguration.KeyRotationStatus', value: false, source: 'explicit' },
      ],
    });
  });
});
