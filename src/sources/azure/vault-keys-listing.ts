import type { AzureKeyVaultKeyFacts } from '../../model/azure.ts';
import { explicit } from '../../model/fact.ts';
import type { Resource } from '../../model/resource.ts';
import { isObject } from './arm-record.ts';

const KEY_TYPES: ReadonlySet<string> = new Set([
  'microsoft.keyvault/vaults/keys',
  'microsoft.keyvault/managedhsms/keys',
]);

/**
 * Whether a document is a listing read whole: an array (`az keyvault key list`, which prints
 * every key of the vault) or a list body without a next page (`{"value": [...]}`, no
 * `nextLink`). One object (`az keyvault key show`, a GET of one key) lists nothing.
 */
export function isWholeListing(document: unknown): boolean {
  if (Array.isArray(document)) return true;
  if (!isObject(document) || !Array.isArray(document.value)) return false;
  return typeof document.nextLink !== 'string' || document.nextLink === '';
}

/**
 * A key of a whole listing, marked as read from its vault's listing (`vaultKeysListed`, the path
 * naming the file and member, or the table of a table export, whose origin names the file): a
 * listing of a vault's keys with entries is known by them, so the key checks judge that vault by
 * its keys rather than as unlisted.
 */
export function withVaultKeysListed(resource: Resource, path: string): Resource {
  if (resource.kansaType !== 'kms.key' || !KEY_TYPES.has(resource.nativeType)) return resource;
  const facts: AzureKeyVaultKeyFacts = { vaultKeysListed: explicit(true, path) };
  return { ...resource, facts: { ...resource.facts, ...facts } };
}
