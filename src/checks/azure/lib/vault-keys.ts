import {
  type AzureKeyVaultFacts,
  type AzureKeyVaultKeyFacts,
  type AzureSubscriptionFacts,
  PLACEHOLDER_SCOPE,
  PLACEHOLDER_SUBSCRIPTION,
} from '../../../model/azure.ts';
import { unknown } from '../../../model/fact.ts';
import { accountResourceId, type Resource } from '../../../model/resource.ts';
import {
  type CheckContext,
  type CheckResult,
  type InventoryView,
  notApplicable,
  undetermined,
} from '../../check.ts';
import { lookupBy } from '../../lookup.ts';
import { missingData } from '../../missing-data.ts';

/**
 * Key Vault keys are data-plane objects: Resource Graph, `az keyvault list/show` and ARM's list
 * of vaults hold a vault without them. The key checks judge each key an input holds; a vault
 * whose keys the input did not list would otherwise have no finding of them at all, and a
 * requirement mapping them would pass on the vault's other checks. These are the checks' words
 * for the vault itself (`vaultKeysVerdict`).
 */
export const VAULT_KEYS_MESSAGES = {
  keysListed: {
    ja: 'キー コンテナーのキーは一覧されており、キーごとに判定されます',
    en: "The vault's keys are listed and judged one by one",
  },
  keysNotListed: missingData(
    {
      ja: 'エクスポートにこのキー コンテナーのキーの一覧がありません（キーはデータ プレーンのオブジェクトで、Resource Graph や az keyvault list / show には含まれません）。az keyvault key list --vault-name <キー コンテナー名>（マネージド HSM は --hsm-name）または Get-AzKeyVaultKey -VaultName <キー コンテナー名>（マネージド HSM は -HsmName）の出力を追加するか、手動で確認してください',
      en: "The export does not list this vault's keys (keys are data-plane objects, not in Resource Graph or az keyvault list / show): add the output of az keyvault key list --vault-name <vault> (--hsm-name for a managed HSM) or Get-AzKeyVaultKey -VaultName <vault> (-HsmName), or confirm manually",
    },
    'azureVaultKeys',
  ),
} as const;

type VaultKeysMessage = keyof typeof VAULT_KEYS_MESSAGES;

/**
 * A vault's verdict in a key check: not applicable where its keys were listed whole (each key
 * has its own finding; a listing that answered none leaves none to judge), UNKNOWN where they
 * were not: by the vault's own `keysListed`, its subscription's `vaultKeysListed`, or its keys,
 * a listing with keys being known by them (a key read from its vault's whole listing says so,
 * unless every answer it was read from selected some keys: one got by name, a `limit`,
 * Resource.picked).
 * The data plane names a key's vault by its host alone, so such keys are under the placeholder
 * scope; a vault's name is its host's (`<vault>.vault.azure.net`), unique in the cloud, so the
 * keys under the placeholder vault of the same name are this vault's.
 */
export function vaultKeysVerdict(
  vault: Resource<AzureKeyVaultFacts>,
  ctx: CheckContext,
): CheckResult<VaultKeysMessage> {
  const own = vault.facts.keysListed;
  if (own?.source === 'explicit' && own.value) return notApplicable('keysListed', [own]);
  // A live listing that failed part way says so: the keys of its first pages are not all there are.
  if (own?.source === 'unknown') return undetermined('keysNotListed', [own]);
  // The subscription's listing of every vault's keys, or of every managed HSM's (ARM's, apart).
  const subscription = ctx.inventory.byId('azure', accountResourceId('azure', vault.account));
  const listings = subscription?.facts as AzureSubscriptionFacts | undefined;
  const all = vault.nativeType === VAULTS ? listings?.vaultKeysListed : listings?.hsmKeysListed;
  if (all?.source === 'explicit' && all.value)
    return notApplicable('keysListed', [{ ...all, resourceId: subscription!.id }]);
  const listedKey = keysOf(vault, ctx)
    .map((key) => ({ key, listed: key.facts.vaultKeysListed }))
    .find(({ key, listed }) => !key.picked && listed?.source === 'explicit' && listed.value);
  if (listedKey?.listed)
    return notApplicable('keysListed', [{ ...listedKey.listed, resourceId: listedKey.key.id }]);
  return undetermined('keysNotListed', [own ?? KEYS_NOT_LISTED]);
}

/**
 * The vault's keys (`GET <vault>/keys`), which no input listed: one fact for every vault (the
 * finding names the vault), so that the findings file writes it once however many vaults cite it.
 */
const KEYS_NOT_LISTED = unknown<boolean>('keys', {
  ja: 'キー コンテナーのキーを一覧した入力がありません',
  en: "no input lists the vault's keys",
});

/**
 * The vault or managed HSM a Key Vault key is kept in: the one its id names (`<vault id>/keys/
 * <name>`), or, for a key the data plane named by its vault's host alone (under the placeholder
 * scope), the one of that name and type in any subscription: a vault's name is its host's
 * (`<vault>.vault.azure.net`), unique in the cloud. Undefined for any other resource, and for a
 * key whose vault the inventory does not hold.
 */
export function vaultOf(key: Resource, inventory: InventoryView): Resource<AzureKeyVaultFacts> | undefined {
  if (key.provider !== 'azure' || key.kansaType !== 'kms.key') return undefined;
  const vault = KEY_ID.exec(key.id);
  if (!vault) return undefined;
  const id = vault[1]!.toLowerCase();
  const named = inventory.byId('azure', id);
  if (named) return named as Resource<AzureKeyVaultFacts>;
  if (!id.startsWith(PLACEHOLDER_PREFIX)) return undefined;
  return vaultsByPlaceholderId(inventory).get(id) as Resource<AzureKeyVaultFacts> | undefined;
}

const PLACEHOLDER_PREFIX = `${PLACEHOLDER_SCOPE.toLowerCase()}/`;

/**
 * The vaults and managed HSMs of every scanned subscription by their placeholder id, the first
 * of each in the accounts' order: made once per inventory, not once per key.
 */
function vaultsByPlaceholderId(inventory: InventoryView): ReadonlyMap<string, Resource> {
  let vaults = VAULTS_BY_PLACEHOLDER_ID.get(inventory);
  if (!vaults) {
    vaults = new Map();
    for (const { provider, account } of inventory.accounts()) {
      if (provider !== 'azure' || account === PLACEHOLDER_ACCOUNT) continue;
      for (const vault of inventory.inAccount('azure', account, 'kms.vault')) {
        const id = placeholderIdOf(vault);
        if (!vaults.has(id)) vaults.set(id, vault);
      }
    }
    VAULTS_BY_PLACEHOLDER_ID.set(inventory, vaults);
  }
  return vaults;
}
const VAULTS_BY_PLACEHOLDER_ID = new WeakMap<InventoryView, Map<string, Resource>>();

/** A key's id: its vault's or managed HSM's id and `/keys/<name>`. */
const KEY_ID = /^(.*\/providers\/microsoft\.keyvault\/(?:vaults|managedhsms)\/[^/]+)\/keys\/[^/]+$/i;

/**
 * The id under which the data plane's keys name a vault or managed HSM, by its host alone
 * (`holderIds`): the placeholder scope's, with its type and name, lower-cased.
 */
function placeholderIdOf(vault: Resource): string {
  return `${PLACEHOLDER_SCOPE}/providers/${vault.nativeType}/${vault.name}`.toLowerCase();
}

/** The keys the inventory holds under the vault's id, or under the placeholder vault of its name. */
function keysOf(vault: Resource, ctx: CheckContext): readonly Resource<AzureKeyVaultKeyFacts>[] {
  const vaultIds = [vault.id.toLowerCase(), placeholderIdOf(vault)];
  const accounts = new Set([vault.account, PLACEHOLDER_ACCOUNT]);
  return [...accounts].flatMap((account) => {
    const keys = ctx.inventory.inAccount('azure', account, 'kms.key') as Resource<AzureKeyVaultKeyFacts>[];
    return vaultIds.flatMap((id) => keysUnder(keys, id));
  });
}

/** Keys by their vault's id, as their ids name it (`<vault id>/keys/<name>`), lower-cased: looked up for every vault. */
const keysUnder = lookupBy((key: Resource<AzureKeyVaultKeyFacts>) => {
  const vault = KEY_ID.exec(key.id)?.[1];
  return vault === undefined ? [] : [vault.toLowerCase()];
});

/** The account of the records under the placeholder scope (their ids' subscription, lower-cased). */
const PLACEHOLDER_ACCOUNT = PLACEHOLDER_SUBSCRIPTION.split('/')[2]!.toLowerCase();

const VAULTS = 'microsoft.keyvault/vaults';
