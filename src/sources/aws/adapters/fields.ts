import { asBoolean } from '../../../base/boolean.ts';
import { memoized } from '../../../base/memo.ts';
import { explicit, type Fact, factPath, unknown } from '../../../model/fact.ts';
import type { Localized } from '../../../model/localized.ts';
import { asRecord, type ConfigItem } from '../config-item.ts';

/**
 * Reads a field of a configuration object. Older Config resource types use camelCase
 * (`storageEncrypted`), types added from CloudFormation schemas use PascalCase (`Encrypted`,
 * `KmsKeyId`): both spellings are accepted.
 */
export function field(object: Readonly<Record<string, unknown>> | undefined, name: string): unknown {
  if (!object) return undefined;
  if (name in object) return object[name];
  return object[flippedCase(name)];
}

/**
 * The name with its first letter's case flipped, made once per name: a name made afresh for
 * every read is a new string to hash and look up, and most fields read are absent in one spelling.
 */
const flippedCase = memoized((name) => {
  const first = name.charAt(0);
  return (first === first.toUpperCase() ? first.toLowerCase() : first.toUpperCase()) + name.slice(1);
});

/**
 * Reads a field whatever its casing. Config serialises some types' API structures with their
 * acronyms folded to lower case (DynamoDB's `SSEDescription` is `ssedescription`, its
 * `KMSMasterKeyArn` `kmsmasterKeyArn`; RDS clusters' `DBClusterIdentifier` is
 * `dbclusterIdentifier`), which no single spelling names.
 * https://github.com/awslabs/aws-config-resource-schema (config/properties/resource-types)
 */
export function fieldAnyCase(object: Readonly<Record<string, unknown>> | undefined, name: string): unknown {
  const exact = field(object, name);
  if (exact !== undefined || !object) return exact;
  const wanted = name.toLowerCase();
  for (const key in object) if (key.toLowerCase() === wanted) return object[key];
  return undefined;
}

/** `true`, `false`, and their string forms (`"true"`, `"TRUE"`, as some query outputs write them). */
export const toBoolean = asBoolean;

export function toStringValue(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** The fact of a field the item does not carry. */
export function absent<T>(item: ConfigItem, path: string): Fact<T> {
  return unknown(path, carries(item, path) ? NOT_IN_ITEM : NOT_SELECTED);
}

/**
 * Whether the item holds the property at `path` (`configuration.Logging.ClusterLogging`) as the
 * resource has it, so that its absence is the resource's: a complete item does; a partial one
 * where its SELECT named the property or one it lies under (ConfigItem.selected).
 */
export function carries(item: ConfigItem, path: string): boolean {
  if (!item.partial) return true;
  const { selected } = item;
  if (!selected) return false;
  for (let at = path.toLowerCase(); ; at = at.slice(0, at.lastIndexOf('.'))) {
    if (selected.has(at)) return true;
    if (!at.includes('.')) return false;
  }
}

const NOT_SELECTED: Localized = {
  ja: 'レコードにこの項目が含まれていません（SELECT で指定されていないか、一つの設定だけを答える CLI の応答か、この項目を保持しないツールの出力です）',
  en: 'not in the record read (a SELECT that did not name this field, a CLI answer giving one setting only, or a tool that does not keep it)',
};
const NOT_IN_ITEM: Localized = {
  ja: 'AWS Config の設定項目にこの項目がありません',
  en: 'the AWS Config configuration item does not carry this field',
};

/** A boolean `configuration` field as a fact (unknown when absent or not a boolean). */
export function configBoolean(item: ConfigItem, name: string): Fact<boolean> {
  const value = toBoolean(field(item.configuration, name));
  const path = factPath('configuration', name);
  return value === undefined ? absent(item, path) : explicit(value, path);
}

/** A string `configuration` field as a fact (unknown when absent). */
export function configString(item: ConfigItem, name: string): Fact<string> {
  const value = toStringValue(field(item.configuration, name));
  const path = factPath('configuration', name);
  return value === undefined ? absent(item, path) : explicit(value, path);
}

/** A number, or its string form (`"22"`, `"22.0"`: query outputs write some numbers so). */
export function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.trim() !== '') {
    const parsed = Number(value);
    return Number.isFinite(parsed) ? parsed : undefined;
  }
  return undefined;
}

/** A numeric `configuration` field as a fact (unknown when absent or not a number). */
export function configNumber(item: ConfigItem, name: string): Fact<number> {
  const value = toNumber(field(item.configuration, name));
  const path = factPath('configuration', name);
  return value === undefined ? absent(item, path) : explicit(value, path);
}

/**
 * The entries of a list that holds objects only; undefined when it holds anything else. A list
 * read in part could leave out the entry that decides (an open rule, a public statement), so a
 * list with an entry of another type is unknown as a whole, never read as shorter.
 */
export function recordsOf(list: readonly unknown[]): Record<string, unknown>[] | undefined {
  return list.every((entry) => asRecord(entry) !== undefined)
    ? (list as Record<string, unknown>[])
    : undefined;
}

/** The non-empty strings of a list that holds strings only; undefined when it holds anything else (see recordsOf). */
export function stringListOf(list: readonly unknown[]): string[] | undefined {
  return list.every((entry) => typeof entry === 'string') ? stringsOf(list) : undefined;
}

/** The strings of a list, skipping anything else. */
export function stringsOf(value: unknown): string[] {
  return Array.isArray(value) ? value.flatMap((entry) => toStringValue(entry) ?? []) : [];
}
