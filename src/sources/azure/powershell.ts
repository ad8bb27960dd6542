import { cloudDefault, explicit, type Fact, unknown } from '../../model/fact.ts';
import type { Localized } from '../../model/localized.ts';
import type { Origin, Resource } from '../../model/resource.ts';
import type { DocumentFormat } from '../format.ts';
import { toResource } from './adapters/index.ts';
import { get, isObject, type JsonObject } from './arm-record.ts';
import {
  DEPTH_CUT,
  DEPTH_CUT_COVERAGE_NOTE,
  depthCutPaths,
  isFact,
  type Unreadable,
  withUnreadable,
} from './depth-cut.ts';
import { inheritedAssignments } from './inherited-assignments.ts';

/**
 * An Az PowerShell cmdlet's own object model (`Get-AzStorageAccount`'s PSStorageAccount, …), as
 * `ConvertTo-Json` writes it: the module's classes, not ARM's shape. Each is put into the ARM
 * record its properties come from and read by the type's adapter; the facts then name the
 * properties as the file spells them (`MinimumTlsVersion`, `NetworkRuleSet.DefaultAction`).
 */
interface PowerShellModel {
  /** The cmdlet and the class (Azure/azure-powershell `src/…/Models/<class>.cs`). */
  readonly cmdlet: string;
  /** ARM's type of the resource. */
  readonly type: string;
  /**
   * Properties that tell the class apart, spelled as PowerShell writes them: ConvertTo-Json writes
   * every property, null ones too, and the CLI's and ARM's records spell theirs in camelCase.
   */
  readonly keys: readonly string[];
  /** Property → where the ARM record keeps it. A parent comes before a child of it. */
  readonly fields: readonly (readonly [string, string])[];
  /**
   * Enum properties (`NetworkAcls.DefaultAction`; `[]` for each item of a list), which
   * ConvertTo-Json writes as numbers unless given `-EnumsAsStrings`: their names by number, or
   * why a number cannot be read.
   */
  readonly enums?: Readonly<Record<string, readonly string[] | Localized>>;
  /**
   * Properties that are lists of strings: a string there is the list ConvertTo-Json cut at its
   * depth limit (its items joined by spaces).
   */
  readonly lists?: readonly string[];
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
}

const SECURITY_RULE_LISTS = [
  'SourcePortRange',
  'DestinationPortRange',
  'SourceAddressPrefix',
  'DestinationAddressPrefix',
];

const MODELS: readonly PowerShellModel[] = [
  {
    cmdlet: 'Get-AzStorageAccount (PSStorageAccount)',
    type: 'Microsoft.Storage/storageAccounts',
    keys: ['StorageAccountName', 'Id', 'NetworkRuleSet'],
    fields: [
      ['Id', 'id'],
      ['StorageAccountName', 'name'],
      ['Location', 'location'],
      ['Tags', 'tags'],
      ['Kind', 'kind'],
      ['Sku', 'sku'],
      ['MinimumTlsVersion', 'properties.minimumTlsVersion'],
      ['AllowBlobPublicAccess', 'properties.allowBlobPublicAccess'],
      ['EnableHttpsTrafficOnly', 'properties.supportsHttpsTrafficOnly'],
      ['PublicNetworkAccess', 'properties.publicNetworkAccess'],
      ['AllowSharedKeyAccess', 'properties.allowSharedKeyAccess'],
      ['NetworkRuleSet', 'properties.networkAcls'],
      ['Encryption', 'properties.encryption'],
      ['KeyCreationTime', 'properties.keyCreationTime'],
      ['PrimaryLocation', 'properties.primaryLocation'],
      ['SecondaryLocation', 'properties.secondaryLocation'],
      ['EnableHierarchicalNamespace', 'properties.isHnsEnabled'],
      ['CreationTime', 'properties.creationTime'],
    ],
    enums: {
      // PSNetWorkRuleDefaultActionEnum was `Deny = 0, Allow = 1` in older Az.Storage releases and
      // is `Allow = 0, Deny = 1` now (Storage.Management/Models/PSNetworkRuleSet.cs): the file
      // does not say which module wrote it.
      'NetworkRuleSet.DefaultAction': {
        ja: 'DefaultAction が数値で書かれています。Az.Storage の版により 0 と 1 の意味が逆のため判定できません。ConvertTo-Json -EnumsAsStrings -Depth 20 で出力し直してください',
        en: 'DefaultAction is written as a number, whose meaning Az.Storage releases swapped (Deny = 0 before, Allow = 0 now). Run the command again piped to ConvertTo-Json -EnumsAsStrings -Depth 20',
      },
    },
  },
  {
    cmdlet: 'Get-AzNetworkSecurityGroup (PSNetworkSecurityGroup)',
    type: 'Microsoft.Network/networkSecurityGroups',
    keys: ['SecurityRules', 'DefaultSecurityRules', 'Id'],
    fields: [
      ['Id', 'id'],
      ['Name', 'name'],
      ['Location', 'location'],
      ['Tag', 'tags'],
      ['SecurityRules', 'properties.securityRules'],
      ['DefaultSecurityRules', 'properties.defaultSecurityRules'],
    ],
    // PSSecurityRule keeps its prefixes and ranges as lists (IList<string>).
    lists: ['SecurityRules', 'DefaultSecurityRules'].flatMap((rules) =>
      SECURITY_RULE_LISTS.map((list) => `${rules}[].${list}`),
    ),
    texts: { SecurityRules: 'SecurityRulesText', DefaultSecurityRules: 'DefaultSecurityRulesText' },
  },
  {
    cmdlet: 'Get-AzKeyVault (PSKeyVault)',
    type: 'Microsoft.KeyVault/vaults',
    keys: ['VaultName', 'ResourceId'],
    fields: [
      ['ResourceId', 'id'],
      ['VaultName', 'name'],
      ['Location', 'location'],
      ['Tags', 'tags'],
      ['Sku', 'properties.sku.name'],
      ['EnableSoftDelete', 'properties.enableSoftDelete'],
      ['EnablePurgeProtection', 'properties.enablePurgeProtection'],
      ['EnableRbacAuthorization', 'properties.enableRbacAuthorization'],
      ['SoftDeleteRetentionInDays', 'properties.softDeleteRetentionInDays'],
      ['PublicNetworkAccess', 'properties.publicNetworkAccess'],
      ['NetworkAcls', 'properties.networkAcls'],
      // PSKeyVaultNetworkRuleSet lists the addresses ARM keeps as `ipRules[].value`.
      ['NetworkAcls.IpAddressRanges', 'properties.networkAcls.ipRules'],
    ],
    // PSKeyVaultNetworkRuleDefaultActionEnum { Allow = 0, Deny } (KeyVault/Models/PSKeyVaultNetworkRuleSet.cs).
    enums: { 'NetworkAcls.DefaultAction': ['Allow', 'Deny'] },
    lists: ['NetworkAcls.IpAddressRanges'],
    listing: {
      key: 'EnablePurgeProtection',
      by: 'Get-AzKeyVault (PSKeyVaultIdentityItem)',
      export: 'Get-AzKeyVault -VaultName <name>',
    },
  },
  {
    cmdlet: 'Get-AzVM (PSVirtualMachine)',
    type: 'Microsoft.Compute/virtualMachines',
    keys: ['VmId', 'StorageProfile', 'Id'],
    fields: [
      ['Id', 'id'],
      ['Name', 'name'],
      ['Location', 'location'],
      ['Tags', 'tags'],
      ['SecurityProfile', 'properties.securityProfile'],
      ['StorageProfile', 'properties.storageProfile'],
    ],
  },
  {
    // PSSnapshot has the same properties: its `Type` tells it from a disk.
    cmdlet: 'Get-AzDisk, Get-AzSnapshot (PSDisk, PSSnapshot)',
    type: 'Microsoft.Compute/disks',
    keys: ['DiskSizeGB', 'DiskState', 'Id'],
    fields: [
      ['Id', 'id'],
      ['Name', 'name'],
      ['Type', 'type'],
      ['Location', 'location'],
      ['Tags', 'tags'],
      ['Encryption', 'properties.encryption'],
      ['SecurityProfile', 'properties.securityProfile'],
      ['CreationData', 'properties.creationData'],
      ['PublicNetworkAccess', 'properties.publicNetworkAccess'],
      ['NetworkAccessPolicy', 'properties.networkAccessPolicy'],
    ],
  },
  {
    cmdlet: 'Get-AzSqlServer (AzureSqlServerModel)',
    type: 'Microsoft.Sql/servers',
    keys: ['ServerName', 'ResourceId', 'SqlAdministratorLogin'],
    fields: [
      ['ResourceId', 'id'],
      ['ServerName', 'name'],
      ['Location', 'location'],
      ['Tags', 'tags'],
      ['ServerVersion', 'properties.version'],
      ['PublicNetworkAccess', 'properties.publicNetworkAccess'],
      ['MinimalTlsVersion', 'properties.minimalTlsVersion'],
      ['FullyQualifiedDomainName', 'properties.fullyQualifiedDomainName'],
    ],
  },
  {
    // Lists the subscription's own assignments and those it inherits (inherited-assignments.ts).
    cmdlet: 'Get-AzRoleAssignment (PSRoleAssignment)',
    type: 'Microsoft.Authorization/roleAssignments',
    keys: ['RoleAssignmentId', 'RoleDefinitionId', 'ObjectId', 'Scope'],
    fields: [
      ['RoleAssignmentId', 'id'],
      ['RoleAssignmentName', 'name'],
      ['Scope', 'properties.scope'],
      // The role's GUID alone (`8e3af657-…`), where ARM gives its whole id.
      ['RoleDefinitionId', 'properties.roleDefinitionId'],
      ['ObjectId', 'properties.principalId'],
      ['ObjectType', 'properties.principalType'],
    ],
  },
];

/** The model an object is of, by its distinctive properties. */
function modelOf(value: unknown): PowerShellModel | undefined {
  if (!isObject(value)) return undefined;
  return MODELS.find((model) => model.keys.every((key) => key in value));
}

/**
 * `… | ConvertTo-Json` writes one object, or an array of them; Windows PowerShell 5.1 writes some
 * arrays as `{"value": [...], "Count": n}` (the array's extended type data).
 */
function objectsOf(document: unknown): readonly unknown[] {
  if (Array.isArray(document)) return document;
  if (isObject(document) && Array.isArray(document.value) && typeof document.Count === 'number') {
    return document.value;
  }
  return [document];
}

export const azurePowerShell: DocumentFormat = {
  kind: 'document',
  id: 'azure-powershell',
  provider: 'azure',
  description:
    'Az PowerShell objects piped to ConvertTo-Json: Get-AzStorageAccount, Get-AzNetworkSecurityGroup, Get-AzKeyVault, Get-AzVM, Get-AzDisk, Get-AzSnapshot, Get-AzSqlServer, Get-AzRoleAssignment',
  matches(document) {
    return modelOf(objectsOf(document).find(isObject)) !== undefined;
  },
  *read(document, ctx) {
    const objects = objectsOf(document);
    const translated = objects.map((object) => {
      const model = modelOf(object);
      return model && { model, ...armRecordOf(model, object as JsonObject) };
    });
    // Other objects in the same array (Get-AzResource's) are ARM records.
    const place = inheritedAssignments(
      objects.map((object, index) => translated[index]?.record ?? object),
      'arm',
    );
    for (let index = 0; index < objects.length; index++) {
      const object = objects[index];
      const translation = translated[index];
      const origin: Origin = { file: ctx.file, index };
      const note = (text: string) => ctx.note?.(text, { index });
      const placed = place(translation?.record ?? object);
      const result = translation
        ? readModel(translation, placed.record as JsonObject, object as JsonObject, origin, note)
        : toResource(placed.record, origin, note);
      if ('skip' in result) ctx.skip(result.skip, { index });
      else {
        if (placed.note) note(placed.note);
        yield result;
      }
    }
  },
};

/** An object of a model, as its ARM record (`record`: placed in its subscription, inherited-assignments.ts). */
function readModel(
  { model, names, unreadable }: Translated & { readonly model: PowerShellModel },
  record: JsonObject,
  object: JsonObject,
  origin: Origin,
  note: (text: string) => void,
): Resource | { skip: string } {
  const { listing } = model;
  if (listing && !(listing.key in object)) {
    return {
      skip: `${listing.by}: a listing that names the resource without its settings; export each with ${listing.export} | ConvertTo-Json -Depth 20`,
    };
  }
  const resource = toResource(record, origin, note);
  if ('skip' in resource) return resource;
  const named = renamed(resource.facts, names, object);
  const facts = withUnreadable(named, unreadable);
  if (facts !== named && unreadable.some((mark) => mark.note === DEPTH_CUT)) note(DEPTH_CUT_COVERAGE_NOTE);
  return { ...resource, facts };
}

interface Translated {
  readonly record: JsonObject;
  /** ARM path → the property it came from, as the file spells it. */
  readonly names: readonly (readonly [string, string])[];
  /** What cannot be read, by the file's paths. */
  readonly unreadable: readonly Unreadable[];
}

function armRecordOf(model: PowerShellModel, object: JsonObject): Translated {
  const record: JsonObject = { type: model.type };
  const names: [string, string][] = [];
  const unreadable: Unreadable[] = [];
  const enums = lowerKeyed(model.enums ?? {});
  const lists = new Set((model.lists ?? []).map((path) => path.toLowerCase()));
  const copy = (value: unknown, path: string, marks: Unreadable[]) =>
    copied(value, path, { enums, lists, unreadable: marks });
  for (const [property, armPath] of model.fields) {
    let name = spelled(object, property);
    let marks: Unreadable[] = [];
    let value = copy(getDotted(object, name), name, marks);
    const text = model.texts?.[property];
    if (
      text !== undefined &&
      (marks.length > 0 || depthCutPaths(value).length > 0 || !Array.isArray(value))
    ) {
      const whole = parsedText(get(object, text));
      if (whole !== undefined) {
        name = spelled(object, text);
        marks = [];
        value = copy(whole, name, marks);
      }
    }
    names.push([armPath, name]);
    unreadable.push(...marks);
    if (value !== undefined && value !== null) setPath(record, armPath, value);
  }
  return { record, names, unreadable };
}

interface CopyContext {
  readonly enums: ReadonlyMap<string, readonly string[] | Localized>;
  readonly lists: ReadonlySet<string>;
  readonly unreadable: Unreadable[];
}

/**
 * A deep copy of a property's value, enum numbers named, Windows PowerShell 5.1's dates
 * (`\/Date(1700000000000)\/`) as ISO 8601, and what cannot be read marked by its path.
 */
function copied(value: unknown, path: string, ctx: CopyContext): unknown {
  if (Array.isArray(value)) return value.map((item, i) => copied(item, `${path}[${i}]`, ctx));
  if (isObject(value)) {
    const copy: JsonObject = {};
    for (const key in value) copy[key] = copied(value[key], `${path}.${key}`, ctx);
    return copy;
  }
  const pattern = path.replace(/\[\d+\]/g, '[]').toLowerCase();
  if (typeof value === 'number') {
    const names = ctx.enums.get(pattern);
    if (names === undefined) return value;
    if (Array.isArray(names) && names[value] !== undefined) return names[value];
    ctx.unreadable.push({
      path,
      note: Array.isArray(names)
        ? { ja: `列挙値 ${value} は既知の値ではありません`, en: `the enum value ${value} is not a known one` }
        : (names as Localized),
    });
    return value;
  }
  if (typeof value !== 'string') return value;
  if (ctx.lists.has(pattern)) {
    ctx.unreadable.push({ path, note: DEPTH_CUT });
    return value;
  }
  const date = WINDOWS_POWERSHELL_DATE.exec(value);
  return date ? new Date(Number(date[1])).toISOString() : value;
}

/** `JavaScriptSerializer`'s DateTime, as Windows PowerShell 5.1's ConvertTo-Json writes it. */
const WINDOWS_POWERSHELL_DATE = /^\/Date\((-?\d+)(?:[+-]\d{4})?\)\/$/;

/**
 * The facts with their paths named as the file names them: the ARM path's longest mapped
 * prefix becomes its property, the rest is spelled as the object spells it (in PascalCase
 * where the object has no such key).
 */
function renamed(facts: object, names: readonly (readonly [string, string])[], object: JsonObject): object {
  const result: Record<string, unknown> = {};
  for (const [key, fact] of Object.entries(facts)) {
    result[key] = isFact(fact) ? withPath(fact, filePath(fact.path, names, object)) : fact;
  }
  return result;
}

function filePath(
  armPath: string,
  names: readonly (readonly [string, string])[],
  object: JsonObject,
): string {
  const lower = armPath.toLowerCase();
  let best: readonly [string, string] | undefined;
  for (const entry of names) {
    const prefix = entry[0].toLowerCase();
    if ((lower === prefix || lower.startsWith(`${prefix}.`)) && prefix.length > (best?.[0].length ?? -1))
      best = entry;
  }
  if (!best) return armPath;
  let path = best[1];
  let node = getDotted(object, path);
  for (const key of armPath.slice(best[0].length).split('.').filter(Boolean)) {
    // A value cut by ConvertTo-Json (a string in place of the object) is what the file holds.
    if (node !== undefined && node !== null && !isObject(node)) break;
    const actual = isObject(node)
      ? Object.keys(node).find((k) => k.toLowerCase() === key.toLowerCase())
      : undefined;
    // The modules' classes spell every property in PascalCase.
    path += `.${actual ?? key.charAt(0).toUpperCase() + key.slice(1)}`;
    node = actual === undefined ? undefined : (node as JsonObject)[actual];
  }
  return path;
}

function withPath(fact: Fact<unknown>, path: string): Fact<unknown> {
  if (path === fact.path) return fact;
  if (fact.source === 'explicit') return explicit(fact.value, path);
  if (fact.source === 'default') return cloudDefault(fact.value, path, fact.note);
  return unknown(path, fact.note);
}

/** A dotted property path, each key spelled as the object spells it (the model's spelling where absent). */
function spelled(object: JsonObject, path: string): string {
  let node: unknown = object;
  return path
    .split('.')
    .map((key) => {
      const actual = isObject(node)
        ? key in node
          ? key
          : Object.keys(node).find((k) => k.toLowerCase() === key.toLowerCase())
        : undefined;
      node = actual === undefined ? undefined : (node as JsonObject)[actual];
      return actual ?? key;
    })
    .join('.');
}

function getDotted(object: unknown, path: string): unknown {
  let node = object;
  for (const key of path.split('.')) node = get(node, key);
  return node;
}

function parsedText(text: unknown): unknown {
  if (typeof text !== 'string') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function lowerKeyed<T>(record: Readonly<Record<string, T>>): ReadonlyMap<string, T> {
  return new Map(Object.entries(record).map(([key, value]) => [key.toLowerCase(), value]));
}

function setPath(target: JsonObject, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) {
    // A child mapped under a parent that is cut (a string) is left out: the parent says it all.
    const existing = get(node, key);
    if (existing !== undefined && !isObject(existing)) return;
    const actual = isObject(node)
      ? Object.keys(node).find((k) => k.toLowerCase() === key.toLowerCase())
      : undefined;
    if (actual === undefined) node[key] = {};
    node = node[actual ?? key] as JsonObject;
  }
  node[keys[keys.length - 1]!] = value;
}
