import { jsonFile } from '../../../helpers/exports.ts';
import { SUBSCRIPTION_ID } from '../arg-rows.ts';

type Row = Record<string, unknown>;
const VAULT = `${SUBSCRIPTION_ID}/resourceGroups/rg-kansa/providers/Microsoft.KeyVault/vaults/kv1`;

/** A key as the ARM management plane lists it (`GET …/vaults/kv1/keys`), in its list body. */
export function keyList(extra: Row | undefined) {
  const key = {
    id: `${VAULT}/keys/k1`,
    name: 'k1',
    type: 'Microsoft.KeyVault/vaults/keys',
    location: 'japaneast',
    tags: {},
    ...(extra && {
      properties: {
        attributes: {
          enabled: true,
          created: 1712020364,
          updated: 1712020364,
          recoveryLevel: 'Recoverable',
          ...(extra.attributes as Row),
        },
        kty: 'RSA',
        keyUri: 'https://kv1.vault.azure.net/keys/k1',
        ...(extra.rotationPolicy ? { rotationPolicy: extra.rotationPolicy } : {}),
      },
    }),
  };
  return jsonFile({ value: [key] }, 'keys.json');
}
