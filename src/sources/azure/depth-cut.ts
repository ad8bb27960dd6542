import { type Fact, unknown } from '../../model/fact.ts';
import type { Localized } from '../../model/localized.ts';
import { isObject } from './arm-record.ts';

/**
 * PowerShell's `ConvertTo-Json` (Windows PowerShell 5.1 and PowerShell 7) writes an object nested
 * deeper than its `-Depth` (2 unless given) as a string: the object's .NET string form. For the
 * Az modules' objects, the SDKs' and the collections that is the type name
 * (`Microsoft.Azure.Commands.Management.Storage.Models.PSNetworkRuleSet`,
 * `System.Collections.Generic.List`1[Microsoft.Azure.Commands.Network.Models.PSSecurityRule]`,
 * `System.Object[]`, a list's elements joined by spaces); for a PSCustomObject (`Get-AzResource`'s
 * `Properties`) and a hashtable it is `@{defaultAction=Deny; bypass=AzureServices}`. Only
 * PowerShell 7.1 on warns. Whatever any Azure reader finds cut this way is unknown: a setting read
 * from the string would decide on a type name.
 */
const TYPE_NAME =
  String.raw`(?:System\.(?:Object|String)\[\]|System\.Collections\.[\w.]+(?:` +
  '`' +
  String.raw`\d+\[\S*\])?|(?:Microsoft|Azure)\.[\w.]*?\.Models?\.\w+(?:\[\])?|Newtonsoft\.Json\.Linq\.J\w+)`;
const CUT = new RegExp(String.raw`^(?:@\{.*\}|${TYPE_NAME}(?: ${TYPE_NAME})*)$`, 's');

/** A value `ConvertTo-Json` wrote in place of an object it did not descend into. */
export function isDepthCut(value: unknown): boolean {
  if (typeof value !== 'string' || value.length < 7) return false;
  const first = value.charCodeAt(0);
  // `@`, `A`, `M`, `N`, `S`: most strings are ruled out before the expression runs.
  return (first === 64 || first === 65 || first === 77 || first === 78 || first === 83) && CUT.test(value);
}

/**
 * The paths (`properties.networkAcls`, `SecurityRules[0]`) of every cut value in a record. Every
 * record of every Azure reader passes here: paths are only spelled out for one that has a cut.
 */
export function depthCutPaths(record: unknown): string[] {
  return hasDepthCut(record) ? pathsOfCuts(record, '', []) : [];
}

function hasDepthCut(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(hasDepthCut);
  if (isObject(value)) {
    for (const key in value) if (hasDepthCut(value[key])) return true;
    return false;
  }
  return isDepthCut(value);
}

function pathsOfCuts(value: unknown, path: string, found: string[]): string[] {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) pathsOfCuts(value[i], `${path}[${i}]`, found);
  } else if (isObject(value)) {
    for (const key in value) pathsOfCuts(value[key], path === '' ? key : `${path}.${key}`, found);
  } else if (isDepthCut(value)) found.push(path);
  return found;
}

export const DEPTH_CUT: Localized = {
  ja: 'ConvertTo-Json の深さの上限（-Depth、既定 2）で切り詰められ、型名などの文字列になっています。ConvertTo-Json -Depth 20 で出力し直してください',
  en: 'cut by ConvertTo-Json at its depth limit (-Depth, 2 by default): the value is a type name or similar string. Run the command again piped to ConvertTo-Json -Depth 20',
};

/** Said once in a file's coverage (read-inputs keeps one of each note). */
export const DEPTH_CUT_COVERAGE_NOTE =
  'ConvertTo-Json cut values deeper than its -Depth (2 by default) into strings such as `System.Object[]` or `@{…}`: the settings read from them are unknown. Run the command again piped to `ConvertTo-Json -Depth 20`';

/** A value that cannot be read, and why. */
export interface Unreadable {
  readonly path: string;
  readonly note: Localized;
}

/**
 * The facts (the same object when none is touched), with each one whose path is at, under or above an unreadable value made unknown
 * (a storage account's firewall rules cut: its `networkAcls.defaultAction`; one rule of a security
 * group cut: the group's rules). Paths are compared without case and list indexes.
 */
export function withUnreadable<F extends object>(facts: F, unreadable: readonly Unreadable[]): F {
  if (unreadable.length === 0) return facts;
  const marks = unreadable.map((mark) => ({ path: comparablePath(mark.path), note: mark.note }));
  const result: Record<string, unknown> = {};
  let touched = false;
  for (const [key, value] of Object.entries(facts)) {
    const path = isFact(value) ? comparablePath(value.path) : undefined;
    const mark =
      path === undefined
        ? undefined
        : marks.find((m) => isUnderPath(path, m.path) || isUnderPath(m.path, path));
    result[key] = mark ? unknown((value as Fact<unknown>).path, mark.note) : value;
    touched ||= mark !== undefined;
  }
  return touched ? (result as F) : facts;
}

/** A fact's path as paths are compared: without case and list indexes. */
export function comparablePath(path: string): string {
  return path.replace(/\[\d*\]/g, '').toLowerCase();
}

/** Whether a comparable path is the prefix or a path inside it. */
export function isUnderPath(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(`${prefix}.`);
}

export function isFact(value: unknown): value is Fact<unknown> {
  return isObject(value) && 'source' in value && typeof value.path === 'string';
}
