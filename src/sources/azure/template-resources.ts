import type { Resource } from '../../model/resource.ts';
import type { ReadContext } from '../format.ts';
import { get, isObject, type JsonObject, PLACEHOLDER_SCOPE, PLACEHOLDER_SUBSCRIPTION } from './arm-record.ts';
import { readRows } from './rows.ts';
import {
  asDeployed,
  type Declared,
  markRulesOnTheirGroups,
  related,
  settingsListed,
  type UnknownMark,
} from './template-deployed.ts';
import { evaluateValue, MAX_COPIES, type TemplateScope, Unknown } from './template-expression.ts';
import { isParameterFile, parameterFileOf, parameterValues, templateFileOf } from './template-parameters.ts';

/**
 * What a template deploys to (template.ts tells it by its `$schema`): a resource group's and a
 * subscription's resources are read; a parameter file is applied to its template and passed
 * over, as a Quickstart sample's `metadata.json` is; a template deployed to a management group
 * or the tenant is not read.
 */
export type TemplateScopeKind =
  | 'resource group'
  | 'subscription'
  | 'parameters'
  | 'sample metadata'
  | 'above a subscription';

/**
 * The resources of an ARM template (template.ts, which recognises it), as the ARM readers give
 * them: `document` is the file's (the REST export answer wraps the template with its `error`).
 */
export function* readTemplate(
  document: unknown,
  template: JsonObject,
  scope: TemplateScopeKind,
  ctx: ReadContext,
): Generator<Resource> {
  const error = isObject(document) && document.template === template ? document.error : undefined;
  if (isObject(error)) noteExportError(error, ctx);
  if (scope === 'parameters') {
    passOverParameterFile(template, ctx);
    return;
  }
  if (scope === 'sample metadata') {
    ctx.passOver?.(
      'an Azure Quickstart Templates metadata.json (the sample’s entry in the samples’ index): nothing to scan',
    );
    return;
  }
  if (scope === 'above a subscription') {
    ctx.skip(
      `a template deployed to a management group or the tenant (${String(template.$schema)}): kansa reads resource-group and subscription templates`,
      { index: 0 },
    );
    return;
  }
  const deployedTo = scope === 'subscription' ? PLACEHOLDER_SUBSCRIPTION : PLACEHOLDER_SCOPE;
  const declared = [...declaredResources(template, topScope(template, deployedTo, ctx), ctx)];
  markRulesOnTheirGroups(declared);
  const listed = settingsListed(declared);
  // The rows' index is their place among the declared resources; origins and problems name the template's.
  const rowsCtx: ReadContext = {
    file: ctx.file,
    skip: (reason, where) => ctx.skip(reason, { index: declared[where?.index ?? 0]?.index ?? 0 }),
    note: (note, where) => ctx.note?.(note, { index: declared[where?.index ?? 0]?.index ?? 0 }),
  };
  for (const resource of readRows(
    declared.map((resource) => resource.row),
    rowsCtx,
  )) {
    const row = declared[resource.origin.index ?? 0];
    yield row ? asDeployed(resource, row, listed) : resource;
  }
}

/**
 * What the template's expressions see: its parameters, with the values of the parameter file
 * that goes with it (template-parameters.ts; what that file cannot give, its own reading lists).
 */
function topScope(template: JsonObject, deployedTo: string, ctx: ReadContext): TemplateScope {
  const parameters = isObject(template.parameters) ? template.parameters : {};
  const variables = isObject(template.variables) ? template.variables : {};
  // An archive's entry names no folder on disk: nothing beside it is read.
  const parameterFile = ctx.archived ? undefined : parameterFileOf(ctx.file);
  if (!parameterFile) return { parameters, variables, deployedTo };
  ctx.note?.(`its parameters take the values of ${parameterFile.name} beside it`, { index: 0 });
  const { passed } = parameterValues(parameters, parameterFile.parameters);
  return { parameters, variables, passed, deployedTo };
}

/**
 * A parameter file holds nothing to scan: it is passed over, saying which template it is applied
 * to, and each parameter it cannot give that template is listed as skipped.
 */
function passOverParameterFile(document: JsonObject, ctx: ReadContext): void {
  if (!isParameterFile(document)) {
    ctx.passOver?.('the $schema of a template parameter file without its parameters: nothing to scan');
    return;
  }
  if (ctx.archived) {
    ctx.passOver?.(
      'a template parameter file: nothing to scan in itself, and applied to no template: in a ZIP archive kansa reads nothing beside an entry; extract the archive and scan the folder',
    );
    return;
  }
  const paired = templateFileOf(ctx.file);
  if ('why' in paired) {
    ctx.passOver?.(
      `a template parameter file: nothing to scan in itself, and applied to no template: ${paired.why}`,
    );
    return;
  }
  ctx.passOver?.(
    `a template parameter file: nothing to scan in itself; applied to ${paired.template} beside it`,
  );
  if (!paired.declared) return;
  const names = Object.keys(document.parameters);
  const { problems } = parameterValues(paired.declared, document.parameters);
  for (const { name, problem } of problems) ctx.skip(problem, { index: names.indexOf(name) });
}

/** An export that could not export every resource says so in `error` (the CLI prints it as a warning). */
function noteExportError(error: JsonObject, ctx: ReadContext): void {
  const details = Array.isArray(error.details) ? error.details : [];
  const messages = [error.message, ...details.map((detail) => get(detail, 'message'))];
  for (const message of messages)
    if (typeof message === 'string') ctx.note?.(`the export reported: ${message}`, { index: 0 });
}

interface Parent {
  readonly type: string;
  readonly name: string;
}

/** The resources a template deploys; a nested template's are all at the index of its deployment. */
function* declaredResources(
  template: JsonObject,
  scope: TemplateScope,
  ctx: ReadContext,
  nestedAt?: number,
): Iterable<Declared> {
  // languageVersion 2.0 (Bicep's symbolic names) keeps resources in an object.
  const resources = Array.isArray(template.resources)
    ? template.resources
    : isObject(template.resources)
      ? Object.values(template.resources)
      : [];
  for (const [index, resource] of resources.entries())
    yield* copiesOf(resource, undefined, scope, nestedAt ?? index, ctx);
}

/**
 * A nested deployment with its template inline (what `az bicep build` makes of a module): its
 * template's resources, with the parameters the deployment passes (evaluated where the
 * deployment is, as Bicep's `expressionEvaluationOptions.scope: inner` says; with the default
 * outer scope the template's expressions see the outer template's). It deploys where its
 * template does unless `resourceGroup` names a resource group (a subscription template's modules
 * do); one that links its template by URI, deploys to another subscription or `scope`, or to a
 * resource group the template does not name is skipped, saying so.
 */
function* nestedDeployment(
  resource: JsonObject,
  label: string,
  scope: TemplateScope,
  index: number,
  ctx: ReadContext,
): Iterable<Declared> {
  const properties = isObject(resource.properties) ? resource.properties : {};
  const template = properties.template;
  const where = { index };
  if (!isObject(template)) {
    ctx.skip(
      `${label}: a nested deployment of a linked template: the resources of its template are not read`,
      where,
    );
    return;
  }
  if (resource.subscriptionId !== undefined || resource.scope !== undefined) {
    ctx.skip(
      `${label}: a nested deployment to another subscription or scope: its resources are not read`,
      where,
    );
    return;
  }
  const group =
    resource.resourceGroup === undefined ? undefined : evaluateValue(resource.resourceGroup, scope);
  if (group !== undefined && (typeof group !== 'string' || group === '')) {
    const written = JSON.stringify(resource.resourceGroup);
    ctx.skip(
      `${label}: a nested deployment to the resource group ${written}, not known from the template: its resources are not read`,
      where,
    );
    return;
  }
  const deployedTo =
    typeof group === 'string' ? `${PLACEHOLDER_SUBSCRIPTION}/resourceGroups/${group}` : scope.deployedTo;
  const evaluation = get(properties.expressionEvaluationOptions, 'scope');
  if (typeof evaluation !== 'string' || evaluation.toLowerCase() !== 'inner') {
    // The outer scope's resourceId() would name the outer template's resource group.
    if (deployedTo !== scope.deployedTo) {
      ctx.skip(
        `${label}: a nested deployment to the resource group ${group} with the outer scope's expressions: its resources are not read`,
        where,
      );
      return;
    }
    yield* declaredResources(template, scope, ctx, index);
    return;
  }
  const passed = new Map<string, unknown>();
  const given = isObject(properties.parameters) ? properties.parameters : {};
  for (const [name, parameter] of Object.entries(given)) {
    // A Key Vault reference (`{"reference": {"keyVault"…}}`) is the deployment's to resolve.
    if (isObject(parameter) && 'value' in parameter) passed.set(name, evaluateValue(parameter.value, scope));
  }
  const inner: TemplateScope = {
    parameters: isObject(template.parameters) ? template.parameters : {},
    variables: isObject(template.variables) ? template.variables : {},
    passed,
    deployedTo,
  };
  yield* declaredResources(template, inner, ctx, index);
}

/** A resource, or each copy of a `copy` loop whose count the template tells. */
function* copiesOf(
  resource: unknown,
  parent: Parent | undefined,
  scope: TemplateScope,
  index: number,
  ctx: ReadContext,
): Iterable<Declared> {
  if (!isObject(resource)) {
    ctx.skip('a resource of the template is not a JSON object', { index });
    return;
  }
  const copy = resource.copy;
  if (!isObject(copy)) {
    yield* declared(resource, parent, scope, index, ctx);
    return;
  }
  const name = typeof copy.name === 'string' ? copy.name : '';
  const count = evaluateValue(copy.count, scope);
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 0 || count > MAX_COPIES) {
    ctx.skip(
      `${String(resource.type)} ${JSON.stringify(resource.name)}: copy loop ${name}: its count ${JSON.stringify(copy.count)} is not known from the template`,
      { index },
    );
    return;
  }
  for (let at = 0; at < count; at++)
    yield* declared(resource, parent, { ...scope, copies: [{ name, index: at }] }, index, ctx);
}

function* declared(
  resource: JsonObject,
  parent: Parent | undefined,
  scope: TemplateScope,
  index: number,
  ctx: ReadContext,
): Iterable<Declared> {
  const where = { index };
  const type = typeOf(resource.type, parent);
  const evaluatedName = evaluateValue(resource.name, scope);
  const shownName = evaluatedName instanceof Unknown ? evaluatedName.shown : evaluatedName;
  if (!type || typeof shownName !== 'string' || shownName === '') {
    ctx.skip(`a resource of the template without a type or name: ${JSON.stringify(resource.type)}`, where);
    return;
  }
  const name =
    parent && segmentsOf(shownName) < segmentsOf(type) - 1 ? `${parent.name}/${shownName}` : shownName;
  const label = `${type} ${name}`;
  if (resource.existing === true) {
    ctx.skip(`${label}: an existing resource the template refers to, not one it deploys`, where);
    return;
  }
  if (segmentsOf(name) !== segmentsOf(type) - 1) {
    ctx.skip(
      `${label}: the name's segments (${segmentsOf(name)}) do not match the type's (${segmentsOf(type) - 1} needed)`,
      where,
    );
    return;
  }
  if ('condition' in resource) {
    const condition = evaluateValue(resource.condition, scope);
    if (condition === false) {
      ctx.skip(`${label}: its condition ${JSON.stringify(resource.condition)} is false: not deployed`, where);
      return;
    }
    if (condition !== true)
      ctx.note?.(
        `${label}: its condition ${JSON.stringify(resource.condition)} is not known from the template: read as deployed`,
        where,
      );
  }
  if (type.toLowerCase() === 'microsoft.resources/deployments') {
    yield* nestedDeployment(resource, label, scope, index, ctx);
    return;
  }
  if (evaluatedName instanceof Unknown)
    ctx.note?.(`${label}: its name ${JSON.stringify(resource.name)} is not known from the template`, where);
  const unknowns: UnknownMark[] = [];
  const row: JsonObject = { id: idOf(type, name, resource.scope, scope), name: name.split('/').pop() };
  const location = evaluateValue(resource.location, scope);
  // A location the template leaves to the deployment is kept as written: it names no region.
  if (resource.location !== undefined)
    row.location = typeof location === 'string' ? location : resource.location;
  // The API version the template deploys with: a property it leaves out takes that version's
  // default (a GET body has no apiVersion, so only a request's record carries one).
  const apiVersion = evaluateValue(resource.apiVersion, scope);
  if (typeof apiVersion === 'string') row.apiVersion = apiVersion;
  for (const key of ENVELOPE) {
    if (resource[key] === undefined) continue;
    const value = known(evaluateValue(resource[key], scope), resource[key], key, unknowns);
    if (value !== undefined) row[key] = value;
  }
  // A resource declared without properties has every setting at its default; properties of
  // another type say nothing of them.
  if (row.properties !== undefined && row.properties !== null && !isObject(row.properties)) {
    ctx.skip(`${label}: its properties are not an object`, where);
    return;
  }
  if (!isObject(row.properties)) row.properties = {};
  // A diagnostic setting deployed without `logs` sends none: its GET lists `logs: []` (a record
  // of another format without the list may have been cut, so the adapter reads that as unknown).
  const properties = row.properties as JsonObject;
  const isSetting = type.toLowerCase().endsWith('/diagnosticsettings');
  if (isSetting && properties.logs === undefined && !unknowns.some((m) => related(m.path, 'properties.logs')))
    properties.logs = [];
  // Tags are no facts: the classification checks read them as they are, so say which are left out.
  const tags = unknowns.find((mark) => mark.path === 'tags' || mark.path.startsWith('tags.'));
  if (tags)
    ctx.note?.(
      `${label}: its tags ${tags.expression} are not known from the template: read without them`,
      where,
    );
  yield { index, type, name, row, unknowns };
  if (resource.resources === undefined) return;
  if (!Array.isArray(resource.resources)) {
    ctx.skip(`${label}: its child resources are not a list`, where);
    return;
  }
  for (const child of resource.resources) yield* copiesOf(child, { type, name }, scope, index, ctx);
}

/** The record's fields besides id, name and location, as a GET gives them. */
const ENVELOPE = ['tags', 'kind', 'sku', 'identity', 'zones', 'plan', 'properties'] as const;

/** A nested resource's type is relative to its parent's unless it names its namespace. */
function typeOf(type: unknown, parent: Parent | undefined): string | undefined {
  if (typeof type !== 'string' || type === '') return undefined;
  if (!parent || type.split('/')[0]!.includes('.')) return type;
  return `${parent.type}/${type}`;
}

const segmentsOf = (path: string) => path.split('/').length;

/**
 * The resource's id: its type's segments and its name's, interleaved under the provider
 * namespace (`Microsoft.Sql/servers/firewallRules` + `sql1/AllowAll` →
 * `…/providers/Microsoft.Sql/servers/sql1/firewallRules/AllowAll`; the older extension form
 * `Microsoft.KeyVault/vaults/providers/diagnosticSettings` + `kv/Microsoft.Insights/d` gives the
 * vault's `…/providers/Microsoft.Insights/diagnosticSettings/d`). An extension resource with
 * `scope` (diagnostic settings) is under the resource its scope names.
 */
function idOf(type: string, name: string, scopeValue: unknown, scope: TemplateScope): string {
  if (scopeValue !== undefined) {
    const evaluated = evaluateValue(scopeValue, scope);
    const target = evaluated instanceof Unknown ? evaluated.shown : String(evaluated);
    const parent = target.startsWith('/')
      ? target
      : `${scope.deployedTo ?? PLACEHOLDER_SCOPE}/providers/${target}`;
    return `${parent.replace(/\/+$/, '')}/providers/${type}/${name}`;
  }
  const [namespace, ...types] = type.split('/');
  const names = name.split('/');
  return `${scope.deployedTo ?? PLACEHOLDER_SCOPE}/providers/${namespace}${types.map((t, i) => `/${t}/${names[i]}`).join('')}`;
}

/**
 * The value with what the template leaves to the deployment taken out (as if absent), each
 * such place marked with the expression that sets it.
 */
function known(value: unknown, raw: unknown, path: string, unknowns: UnknownMark[]): unknown {
  if (value instanceof Unknown) {
    unknowns.push({ path, expression: typeof raw === 'string' ? raw : JSON.stringify(raw) });
    return undefined;
  }
  // Under a value set by one expression (a variable's object), that expression is what sets it;
  // each item of an array a copy loop made is set by the loop's input.
  if (Array.isArray(value)) {
    const items: unknown[] = [];
    for (const [i, item] of value.entries()) {
      const itemRaw = Array.isArray(raw) ? raw[i] : raw;
      const kept = known(item, itemRaw, `${path}[${i}]`, unknowns);
      if (kept !== undefined) items.push(kept);
    }
    return items;
  }
  if (isObject(value)) {
    const result: JsonObject = {};
    for (const [key, member] of Object.entries(value)) {
      const kept = known(member, rawMember(raw, key, member), `${path}.${key}`, unknowns);
      if (kept !== undefined) result[key] = kept;
    }
    return result;
  }
  return value;
}

/** What the template writes for a member: its value, or the copy loop that makes it (its count when that is unknown). */
function rawMember(raw: unknown, key: string, member: unknown): unknown {
  if (typeof raw === 'string' || !isObject(raw)) return raw;
  if (raw[key] !== undefined || !Array.isArray(raw.copy)) return raw[key];
  const loop = raw.copy.find((entry) => get(entry, 'name') === key);
  return member instanceof Unknown ? get(loop, 'count') : get(loop, 'input');
}
