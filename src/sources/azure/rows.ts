import { InputError } from '../../base/input-error.ts';
import { picked, type Resource } from '../../model/resource.ts';
import type { ReadContext } from '../format.ts';
import { toResource } from './adapters/index.ts';
import { GUID, get, idOf, isArmShaped, isObject, type JsonObject, type RowDialect } from './arm-record.ts';
import { classicAdministratorRow } from './classic-administrators.ts';
import { inheritedAssignments, inheritedFrom } from './inherited-assignments.ts';
import { readPowerShellObject } from './powershell.ts';
import { hasProjectedColumn } from './projection.ts';

/**
 * Reads rows of any Azure dialect, skipping (with the reason) those that are not usable
 * resources. Rows of a line-oriented file (CSV) give the line each starts on, for origins and
 * skips; the others are placed by their index.
 */
export function* readRows(
  rows: readonly unknown[],
  ctx: ReadContext,
  dialect: RowDialect = 'arm',
  lines?: readonly number[],
): Iterable<Resource> {
  const place = inheritedAssignments(rows, dialect);
  const rulesByGroup = securityRulesByGroup(rows);
  const listedGroups = rulesByGroup.size > 0 ? groupsListed(rows, rulesByGroup) : NO_GROUPS;
  // One callback for every row (a record's notes are given while it is read), not one per row.
  let index = 0;
  const at = () => (lines ? { line: lines[index]! } : { index });
  const note = (text: string) => ctx.note?.(text, at());
  for (; index < rows.length; index++) {
    const listed = psRuleSubscription(rows[index]);
    const groupId = rulesByGroup.size > 0 && isObject(listed) ? securityGroupOf(listed) : undefined;
    if (groupId !== undefined && (listedGroups.has(groupId) || rulesByGroup.get(groupId)?.[0] !== listed))
      continue;
    const placed = place(classicAdministratorRow(listed));
    if (placed.note) note(placed.note);
    const row =
      groupId !== undefined
        ? groupOfRules(groupId, rulesByGroup.get(groupId) ?? [])
        : withListedRules(placed.record, listedGroups);
    const result = toResource(row, { file: ctx.file, ...at() }, note, dialect);
    if ('skip' in result) ctx.skip(result.skip, at());
    else yield result;
    // PSRule's Export-AzRuleData nests a resource's sub-resources (SQL auditing settings and
    // firewall rules, diagnostic settings, site config) under `resources`, which its PowerShell
    // objects spell `Resources` too (a Redis cache's firewall rules).
    const children = get(row, 'resources');
    if (Array.isArray(children)) yield* readChildren(row as JsonObject, children, index, ctx);
  }
}

function* readChildren(
  parent: JsonObject,
  children: readonly unknown[],
  index: number,
  ctx: ReadContext,
): Iterable<Resource> {
  const parentId = idOf(parent);
  if (typeof parentId !== 'string') return;
  const note = (text: string) => ctx.note?.(text, { index });
  // A role assignment the subscription inherits, in its exported resources, is the subscription's.
  const inherited = inheritedFrom(parentId);
  const place = (record: JsonObject) => {
    const placed = inherited(record);
    if (placed.note) note(placed.note);
    return placed.record;
  };
  const origin = { file: ctx.file, index };
  for (const child of children) {
    // The current exporter keeps the subscription's GET answers whole (its Defender pricings,
    // security contacts, auto-provisioning settings: `{"value": [...]}`).
    const listed = isObject(child) && idOf(child) === undefined ? get(child, 'value') : undefined;
    if (Array.isArray(listed)) {
      yield* readChildren(parent, listed, index, ctx);
      continue;
    }
    const row = isObject(child) ? withChildId(parentId, child) : child;
    const result =
      readPowerShellObject(child, place, origin, note) ??
      toResource(isObject(row) ? place(row) : row, origin, note);
    if ('skip' in result) ctx.skip(`${result.skip} (a sub-resource of ${parentId})`, { index });
    else yield result;
    const grandchildren = get(row, 'resources');
    if (Array.isArray(grandchildren)) yield* readChildren(row as JsonObject, grandchildren, index, ctx);
  }
}

/** `…/networkSecurityGroups/<nsg>/securityRules/<rule>`: a custom rule listed on its own. */
const SECURITY_RULE_ID =
  /^\/?(subscriptions\/[^/]+\/resourcegroups\/[^/]+\/providers\/microsoft\.network\/networksecuritygroups\/[^/]+)\/securityrules\/[^/]+$/i;

/** The security group a rule listed on its own belongs to, by the rule's id (lower-cased, without the leading slash). */
function securityGroupOf(row: JsonObject): string | undefined {
  const id = idOf(row);
  return typeof id === 'string' ? SECURITY_RULE_ID.exec(id)?.[1]?.toLowerCase() : undefined;
}

/** The rules listed on their own, by security group, in the order listed. */
function securityRulesByGroup(rows: readonly unknown[]): Map<string, JsonObject[]> {
  const byGroup = new Map<string, JsonObject[]>();
  for (const row of rows) {
    const groupId = isObject(row) ? securityGroupOf(row) : undefined;
    if (groupId === undefined) continue;
    const rules = byGroup.get(groupId);
    if (rules) rules.push(row as JsonObject);
    else byGroup.set(groupId, [row as JsonObject]);
  }
  return byGroup;
}

/**
 * `az network nsg rule list` (and the REST `securityRules` list body) gives a group's custom
 * rules without the group: they are read as the group they make up, judged like any NSG
 * (its default rules, which the list leaves out, admit nothing from the internet). The
 * group's location is not in the list.
 */
function groupOfRules(groupId: string, rules: readonly JsonObject[]): JsonObject {
  return {
    id: groupId,
    type: 'Microsoft.Network/networkSecurityGroups',
    properties: { securityRules: rules },
  };
}

/** A group's id as `securityGroupOf` gives it. */
function groupKey(id: unknown): string | undefined {
  return typeof id === 'string' ? id.toLowerCase().replace(/^\//, '') : undefined;
}

const NO_GROUPS: ReadonlyMap<string, readonly JsonObject[]> = new Map();

/** The security groups listed among the rows beside rules of theirs listed on their own, with those rules. */
function groupsListed(
  rows: readonly unknown[],
  rulesByGroup: ReadonlyMap<string, readonly JsonObject[]>,
): ReadonlyMap<string, readonly JsonObject[]> {
  const listed = new Map<string, readonly JsonObject[]>();
  for (const row of rows) {
    const key = isObject(row) ? groupKey(idOf(row)) : undefined;
    const rules = key === undefined ? undefined : rulesByGroup.get(key);
    if (key !== undefined && rules) listed.set(key, rules);
  }
  return listed;
}

/**
 * A security group listed with some of its rules also listed on their own (an ARM template
 * declares the rules inline and as resources of their own, or only as the latter): the group
 * with every rule, the one listed on its own taking the place of an inline rule of its name.
 */
function withListedRules(row: unknown, listedGroups: ReadonlyMap<string, readonly JsonObject[]>): unknown {
  if (listedGroups.size === 0 || !isObject(row)) return row;
  const key = groupKey(idOf(row));
  const rules = key === undefined ? undefined : listedGroups.get(key);
  if (!rules) return row;
  const properties = get(row, 'properties');
  // `az network nsg show` flattens the group's settings into the object.
  const settings = isObject(properties) ? properties : row;
  const names = new Set(rules.map((rule) => String(get(rule, 'name')).toLowerCase()));
  const inline = get(settings, 'securityRules');
  const securityRules = [
    ...(Array.isArray(inline) ? inline : []).filter(
      (rule) => !names.has(String(get(rule, 'name')).toLowerCase()),
    ),
    ...rules,
  ];
  return isObject(properties)
    ? { ...row, properties: { ...properties, securityRules } }
    : { ...row, securityRules };
}

/**
 * Sub-resources exported without an id (firewall rules, `azureADOnlyAuthentications`) are named
 * under their parent: `<parent>/<last type segment>/<name>`, or `<parent>/providers/<type>/<name>`
 * for an extension resource of another provider (diagnostic settings).
 */
function withChildId(parentId: string, child: JsonObject): JsonObject {
  if (typeof idOf(child) === 'string') return child;
  const type = get(child, 'type') ?? get(child, 'ResourceType');
  const name = get(child, 'name') ?? get(child, 'ResourceName');
  if (typeof type !== 'string' || typeof name !== 'string' || !type.includes('/')) return child;
  const [namespace, ...segments] = type.split('/');
  const parentNamespace = /\/providers\/([^/]+)\//i.exec(parentId)?.[1];
  const id =
    parentNamespace?.toLowerCase() === namespace?.toLowerCase()
      ? `${parentId}/${segments.at(-1)}/${name}`
      : `${parentId}/providers/${type}/${name}`;
  return { ...child, id, type };
}

/** The first object of a list: formats are told apart by the shape of their rows. */
export function firstRow(rows: readonly unknown[]): unknown {
  return rows.find(isObject);
}

/**
 * A bare array of ARM records (`az … list -o json`, the pre-2.0 `az graph query`), or of rows read
 * as such: PSRule's subscription object, `az role assignment list`'s classic administrators (alone
 * where a `--query` kept only them).
 */
export function isArmArray(document: unknown): document is unknown[] {
  return (
    Array.isArray(document) && isArmShaped(classicAdministratorRow(psRuleSubscription(firstRow(document))))
  );
}

/**
 * The subscription object PSRule's PowerShell export writes, `Get-AzSubscription`'s with its
 * security settings and Defender pricings under `resources` (a bare GUID `Id`, `ResourceType`
 * `Microsoft.Subscription`), as the subscription's ARM record; other rows as they are.
 */
function psRuleSubscription(row: unknown): unknown {
  // The id first: a GUID is rare among rows, so most are passed on without a second key looked up.
  const id = get(row, 'Id');
  if (typeof id !== 'string' || !GUID.test(id)) return row;
  const type = get(row, 'ResourceType');
  if (typeof type !== 'string' || type.toLowerCase() !== 'microsoft.subscription') return row;
  return {
    ...subscriptionRecord(id, get(row, 'Name'), get(row, 'State'), get(row, 'TenantId')),
    resources: get(row, 'resources'),
  };
}

/** A subscription as its ARM record (`Microsoft.Resources/subscriptions`), from its id (a GUID). */
export function subscriptionRecord(id: string, name: unknown, state: unknown, tenantId: unknown): JsonObject {
  return {
    id: `/subscriptions/${id}`,
    type: 'Microsoft.Resources/subscriptions',
    name,
    properties: { subscriptionId: id, displayName: name, state, tenantId },
  };
}

/**
 * Resource Graph rows: lower-cased `type`, where ARM list bodies and `az … list` keep the
 * provider's casing (`Microsoft.Storage/storageAccounts`), with a `subscriptionId` column, or
 * without `properties` (a projection: `az graph query … --query data` of `project name, id,
 * type, httpsOnly = properties.…`, whose columns are the query's, not settings the CLI
 * flattened); or a column Resource Graph names after a projected path (`properties_<path>`),
 * whatever else the query kept.
 */
export function looksLikeGraphRow(row: unknown): boolean {
  if (hasProjectedColumn(row)) return true;
  const type = get(row, 'type');
  if (typeof type !== 'string' || type !== type.toLowerCase()) return false;
  return (
    typeof get(row, 'subscriptionId') === 'string' ||
    (type.includes('/') && get(row, 'properties') === undefined)
  );
}

/**
 * The rows of a Resource Graph answer's `data`: a row array (result format objectArray, the
 * default since API version 2021-03-01), or a `{"columns": [{name, type}], "rows": [[…]]}` table
 * (result format table, the default before, which the REST answer and the Python SDK's
 * `as_dict()` of it keep), read as the rows it stands for.
 */
export function graphRowsOf(ctx: ReadContext, data: unknown, field: string): unknown[] {
  if (Array.isArray(data)) return data;
  if (!isObject(data) || !Array.isArray(data.columns) || !Array.isArray(data.rows)) {
    throw new InputError(ctx.file, `\`${field}\` is neither a row array nor a {columns, rows} table`);
  }
  const names = data.columns.map((column, i) => {
    const name = get(column, 'name');
    if (typeof name !== 'string') throw new InputError(ctx.file, `\`${field}.columns[${i}]\` has no name`);
    return name;
  });
  return data.rows.map((row) =>
    Array.isArray(row) ? Object.fromEntries(names.map((name, i) => [name, row[i]])) : row,
  );
}

/**
 * Notes an answer that is one page of its query's rows: `az graph query` returns 100 rows unless
 * `--first` asks for more (at most 1,000), REST and the SDKs 1,000, each with a skip token for
 * the next page. Resources on the other pages are in this answer neither as PASS nor FAIL, and
 * the page lists no scope whole: its rows are picked (Resource.picked), as ARM's page with a
 * `nextLink` is.
 */
export function partialAnswer(
  ctx: ReadContext,
  rows: Iterable<Resource>,
  { count, total, skipToken }: { count: unknown; total: unknown; skipToken: unknown },
): Iterable<Resource> {
  if (typeof count === 'number' && typeof total === 'number' && count < total) {
    ctx.note?.(
      `this answer holds ${count} of the query's ${total} rows: the others are on its next pages (\`az graph query --first\` / \`--skip-token\`, \`Search-AzGraph -First\` / \`-SkipToken\`), read only where those are among the inputs`,
    );
    return picked(rows);
  }
  if (typeof skipToken === 'string' && skipToken !== '') {
    ctx.note?.(
      'this answer has a skip token: the query has more rows, on its next pages (`az graph query --skip-token`, `Search-AzGraph -SkipToken`), read only where those are among the inputs',
    );
    return picked(rows);
  }
  return rows;
}

/** The rows list of a document, or an InputError naming the field that should hold it. */
export function requireArray(ctx: ReadContext, value: unknown, field: string): unknown[] {
  if (!Array.isArray(value)) throw new InputError(ctx.file, `\`${field}\` is not an array`);
  return value;
}
