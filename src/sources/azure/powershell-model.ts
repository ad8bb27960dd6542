import type { Localized } from '../../model/localized.ts';
import type { JsonObject } from './arm-record.ts';

/**
 * An Az PowerShell cmdlet's own object model (`Get-AzStorageAccount`'s PSStorageAccount, …), as
 * `ConvertTo-Json` writes it: the module's classes, not ARM's shape. Each is put into the ARM
 * record its properties come from and read by the type's adapter; the facts then name the
 * properties as the file spells them (`MinimumTlsVersion`, `NetworkRuleSet.DefaultAction`).
 */
export interface PowerShellModel {
  /** The cmdlet and the class (Azure/azure-powershell `src/…/Models/<class>.cs`). */
  readonly cmdlet: string;
  /** ARM's type of the resource. */
  readonly type: string;
  /**
   * Properties that tell the class apart, spelled as PowerShell writes them: ConvertTo-Json writes
   * every property, null ones too, and the CLI's and ARM's records spell theirs in camelCase.
   */
  readonly keys: readonly string[];
  /**
   * Property → where the ARM record keeps it (`[0]`: the first item of a list the class
   * flattens). A parent comes before a child of it.
   */
  readonly fields: readonly (readonly [string, string])[];
  /** Properties whose value ARM writes otherwise: the value as the ARM record keeps it. */
  readonly values?: Readonly<Record<string, (value: unknown) => unknown>>;
  /**
   * Enum properties (`NetworkAcls.DefaultAction`; `[]` for each item of a list), which
   * ConvertTo-Json writes as numbers unless given `-EnumsAsStrings`: their names by number, or
   * why a number cannot be read.
   */
  readonly enums?: Readonly<Record<string, readonly string[] | Localized>>;
  /**
   * Properties that are lists of strings: a string there is the list ConvertTo-Json cut at its
   * depth limit (its items joined by spaces). `*` stands for any one key of a dictionary
   * (`Notification.*.ContactEmails`).
   */
  readonly lists?: readonly string[];
  /**
   * ARM properties the checks read that the class does not carry at all (PSKubernetesCluster has
   * no `disableLocalAccounts`): unknown, not ARM's default for an absent property.
   */
  readonly notInClass?: readonly string[];
  /**
   * A property whose value a companion property also holds as JSON text, serialized whole by the
   * module (`SecurityRulesText`): read when the value itself is cut.
   */
  readonly texts?: Readonly<Record<string, string>>;
  /**
   * The cmdlet also lists objects without their settings: the property only a full object has,
   * what lists them, and the command that exports one whole.
   */
  readonly listing?: { readonly key: string; readonly by: string; readonly export: string };
  /**
   * ARM properties the class keeps in several properties, or in none of its own (a Key Vault
   * key's id, from its vault's name): computed from the properties `from`, which name its facts.
   * An id without the subscription (the object does not say it) is under the placeholder
   * `{subscriptionId}` of an ARM template's resources, which the file's coverage notes; an
   * object whose value cannot be computed is skipped, saying so.
   */
  /**
   * Whether the object is an item of a listing of its vault's keys read whole
   * (`vaultKeysListed`, vault-keys-listing.ts), as opposed to one object got by name.
   */
  readonly listsVaultKeys?: (object: JsonObject) => boolean;
  readonly computed?: readonly {
    readonly armPath: string;
    readonly from: readonly string[];
    readonly value: (object: JsonObject) => unknown;
  }[];
}
