import { cloudDefault, explicit, type Fact, unknown } from '../../model/fact.ts';
import type { Localized } from '../../model/localized.ts';
import { type Origin, picked, type Resource } from '../../model/resource.ts';
import type { DocumentFormat } from '../format.ts';
import { toResource } from './adapters/index.ts';
import { get, isObject, type JsonObject, PLACEHOLDER_SUBSCRIPTION } from './arm-record.ts';
import { classicAdministratorObject } from './classic-administrators.ts';
import {
  DEPTH_CUT,
  DEPTH_CUT_COVERAGE_NOTE,
  depthCutPaths,
  isFact,
  type Unreadable,
  withUnreadable,
} from './depth-cut.ts';
import { inheritedAssignments } from './inherited-assignments.ts';
import type { PowerShellModel } from './powershell-model.ts';
import { MODELS } from './powershell-models.ts';
import { withVaultKeysListed } from './vault-keys-listing.ts';

/** The model an object is of, by its distinctive properties. */
function modelOf(value: unknown): PowerShellModel | undefined {
  if (!isObject(value)) return undefined;
  return MODELS.find((model) => model.keys.every((key) => key in value));
}

/**
 * `… | ConvertTo-Json` writes one object, or an array of them; Windows PowerShell 5.1 writes some
 * arrays as `{"value": [...], "Count": n}` (the array's extended type data). `single` is one
 * object written without brackets: the pipeline unrolls a list, so a listing of one
 * (`Get-AzNetworkWatcherFlowLog -Location`) prints as one got by name (`-Name`) does, and only
 * `ConvertTo-Json -InputObject @(…)` or `-AsArray` keeps a list of one in brackets.
 */
function objectsOf(document: unknown): { readonly objects: readonly unknown[]; readonly single: boolean } {
  if (Array.isArray(document)) return { objects: document, single: false };
  if (isObject(document) && Array.isArray(document.value) && typeof document.Count === 'number') {
    return { objects: document.value, single: false };
  }
  return { objects: [document], single: true };
}

export const azurePowerShell: DocumentFormat = {
  kind: 'document',
  id: 'azure-powershell',
  provider: 'azure',
  description:
    'Az PowerShell objects piped to ConvertTo-Json: Get-AzStorageAccount, Get-AzNetworkSecurityGroup, Get-AzKeyVault, Get-AzVM, Get-AzDisk, Get-AzSnapshot, Get-AzSqlServer, Get-AzRoleAssignment, Get-AzRoleDefinition, Get-AzAksCluster, Get-AzWebApp, Get-AzRedisCache, Get-AzSecurityPricing, Get-AzSecurityAssessment, Get-AzOperationalInsightsWorkspace, Get-AzDiagnosticSetting, Get-AzNetworkWatcherFlowLog, Get-AzVirtualNetwork, Get-AzConsumptionBudget, Get-AzKeyVaultKey, Get-AzKeyVaultKeyRotationPolicy, Get-AzSqlServerAudit',
  matches(document) {
    return modelOf(objectsOf(document).objects.find(isObject)) !== undefined;
  },
  *read(document, ctx) {
    const listed = objectsOf(document);
    // A classic administrator's PSRoleAssignment, put in ARM's terms (classic-administrators.ts).
    const objects = listed.objects.map(classicAdministratorObject);
    const { single } = listed;
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
        // One object may be one got by name: no listing of its kind (Resource.picked), unless its
        // class is a listing's own (a vault's key identity items, which readModel marked).
        const listingItem = 'vaultKeysListed' in result.facts;
        yield* single && !listingItem ? picked([result]) : [result];
      }
    }
  },
};

/**
 * An object of a model nested in another export's record (PSRule's PowerShell export keeps the
 * subscription's `Get-AzRoleAssignment -IncludeClassicAdministrators` objects under its
 * `resources`), read as a file's own objects are, `place` putting its ARM record where it
 * belongs (inherited-assignments.ts); undefined for an object of no model.
 */
export function readPowerShellObject(
  object: unknown,
  place: (record: JsonObject) => JsonObject,
  origin: Origin,
  note: (text: string) => void,
): Resource | { skip: string } | undefined {
  const classic = classicAdministratorObject(object);
  if (classic !== object) return toResource(place(classic as JsonObject), origin, note);
  const model = modelOf(object);
  if (!model) return undefined;
  const translation = { model, ...armRecordOf(model, object as JsonObject) };
  return readModel(translation, place(translation.record), object as JsonObject, origin, note);
}

/** An object of a model, as its ARM record (`record`: placed in its subscription, inherited-assignments.ts). */
function readModel(
  { model, names, unreadable, uncomputed }: Translated & { readonly model: PowerShellModel },
  record: JsonObject,
  object: JsonObject,
  origin: Origin,
  note: (text: string) => void,
): Resource | { skip: string } {
  const { listing } = model;
  if (uncomputed.length > 0) return { skip: `${model.cmdlet}: ${uncomputed.join('; ')}` };
  if (listing && !(listing.key in object)) {
    return {
      skip: `${listing.by}: a listing that names the resource without its settings; export each with ${listing.export} | ConvertTo-Json -Depth 20`,
    };
  }
  const resource = toResource(record, origin, note);
  if ('skip' in resource) return resource;
  if (resource.id.toLowerCase().startsWith(PLACEHOLDER_SUBSCRIPTION.toLowerCase()))
    note(`${model.cmdlet}: the object does not name its subscription: read under placeholder ids`);
  const named = renamed(resource.facts, names, object);
  const facts = withUnreadable(named, unreadable);
  if (facts !== named && unreadable.some((mark) => mark.note === DEPTH_CUT)) note(DEPTH_CUT_COVERAGE_NOTE);
  const read = { ...resource, facts };
  return model.listsVaultKeys?.(object) ? withVaultKeysListed(read, origin.file) : read;
}

interface Translated {
  readonly record: JsonObject;
  /** ARM path → the property it came from, as the file spells it. */
  readonly names: readonly (readonly [string, string])[];
  /** What cannot be read, by the file's paths. */
  readonly unreadable: readonly Unreadable[];
  /** The computed properties that could not be: the record would say what the object does not. */
  readonly uncomputed: readonly string[];
}

function armRecordOf(model: PowerShellModel, object: JsonObject): Translated {
  const record: JsonObject = { type: model.type };
  const names: [string, string][] = [];
  const unreadable: Unreadable[] = [];
  const enums = lowerKeyed(model.enums ?? {});
  const lists = listPatternsOf(model);
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
    if (value === undefined && isMissing(object, name))
      marks.push({ path: name, note: missingProperty(model.cmdlet, name) });
    unreadable.push(...marks);
    const convert = model.values?.[property];
    const armValue = convert && marks.length === 0 ? convert(value) : value;
    if (armValue !== undefined && armValue !== null) setPath(record, armPath, armValue);
  }
  for (const armPath of model.notInClass ?? [])
    unreadable.push({ path: armPath, note: notInClass(model.cmdlet, armPath) });
  const uncomputed: string[] = [];
  for (const { armPath, from, value } of model.computed ?? []) {
    const computed = value(object);
    names.push([armPath, from.map((property) => spelled(object, property)).join(', ')]);
    if (computed === undefined) uncomputed.push(`${from.join(', ')} do not tell its ${armPath}`);
    else setPath(record, armPath, computed);
  }
  return { record, names, unreadable, uncomputed };
}

/**
 * ConvertTo-Json writes every property of an object, null ones too: a property the object does
 * not have at all was left out by `Select-Object`, or the module that wrote it is older than
 * the property. Either way the file does not say its value (ARM's default for an absent property
 * would be a guess). A property under a null or cut parent is not missing: the parent says it.
 */
function isMissing(object: JsonObject, path: string): boolean {
  let node: unknown = object;
  for (const key of path.split('.')) {
    if (!isObject(node)) return false;
    if (get(node, key) === undefined) return true;
    node = get(node, key);
  }
  return false;
}

function missingProperty(cmdlet: string, name: string): Localized {
  return {
    ja: `${cmdlet} のオブジェクトに ${name} がありません（Select-Object で省いたか、それを持たない古いモジュールの出力です）`,
    en: `the ${cmdlet} object has no ${name} (left out by Select-Object, or written by a module older than it)`,
  };
}

function notInClass(cmdlet: string, armPath: string): Localized {
  return {
    ja: `${cmdlet} のオブジェクトは ${armPath} を持ちません。az コマンドや REST API の出力で確認してください`,
    en: `the ${cmdlet} object does not carry ${armPath}: read it from az CLI or REST API output`,
  };
}

/** A model's `lists` as patterns, made once per model (each object of the model is read with them). */
function listPatternsOf(model: PowerShellModel): readonly RegExp[] {
  let patterns = LIST_PATTERNS.get(model);
  if (!patterns) {
    patterns = (model.lists ?? []).map(listPattern);
    LIST_PATTERNS.set(model, patterns);
  }
  return patterns;
}

const LIST_PATTERNS = new WeakMap<PowerShellModel, readonly RegExp[]>();

/** A `lists` path as a pattern of the copied paths (`[]` for each list item, `*` for a key). */
function listPattern(path: string): RegExp {
  const escaped = path
    .toLowerCase()
    .split('*')
    .map((part) => part.replace(/[.[\]\\^$+?(){}|]/g, '\\$&'))
    .join('[^.]+');
  return new RegExp(`^${escaped}$`);
}

interface CopyContext {
  readonly enums: ReadonlyMap<string, readonly string[] | Localized>;
  readonly lists: readonly RegExp[];
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
  if (ctx.lists.some((list) => list.test(pattern))) {
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
    const under = lower === prefix || lower.startsWith(`${prefix}.`) || lower.startsWith(`${prefix}[`);
    if (under && prefix.length > (best?.[0].length ?? -1)) best = entry;
  }
  if (!best) {
    // A list the class flattens into properties of its own (`permissions`: `Actions`, `NotActions`).
    const spread = names.filter(([prefix]) => prefix.toLowerCase().startsWith(`${lower}[`));
    if (spread.length > 0) return spread.map(([, name]) => name).join(', ');
    // A settings child's fact on its parent, under the child's name (`auditingSettings.properties.state`).
    const child = /^([^.]+)\.(properties\..+)$/.exec(armPath);
    return child && !/^properties$/i.test(child[1]!)
      ? `${child[1]}.${filePath(child[2]!, names, object)}`
      : armPath;
  }
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

const LIST_ITEM = /^(.+)\[(\d+)\]$/;

function setPath(target: JsonObject, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) {
    const item = LIST_ITEM.exec(key);
    if (item) {
      // An item of a list the class flattens (`permissions[0]`), made where absent.
      node[item[1]!] ??= [];
      const list = node[item[1]!] as JsonObject[];
      const at = Number(item[2]);
      list[at] ??= {};
      node = list[at];
      continue;
    }
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
