import { KNOWN_AFTER_APPLY_ELEMENT } from '../../../model/known-after-apply.ts';
import type { TfInstance } from '../document.ts';
import type { JsonObject } from '../kind.ts';
import type { TfValues } from '../tf-values.ts';
import type { Translation } from '../translation.ts';
import type { BuildContext } from './adapter.ts';

/**
 * The policy an `aws_iam_policy_document` data source renders (its `json`), worked out from the
 * statement blocks when the plan reads the data source only on apply: a statement naming a
 * resource the plan creates (`resources = [aws_s3_bucket.b.arn]`) defers the read, and every
 * policy built from it is known only after apply, though the plan shows what it says.
 * https://registry.terraform.io/providers/hashicorp/aws/latest/docs/data-sources/iam_policy_document
 */

const DATA_SOURCE = 'aws_iam_policy_document';

// Only resources and condition values may be known only after apply (KNOWN_AFTER_APPLY_ELEMENT):
// a principal known only after apply could be any account, and the document is then not worked out.

/** Arguments that merge other documents in: the result is not the statements alone. */
const MERGING = ['source_json', 'override_json', 'source_policy_documents', 'override_policy_documents'];

/**
 * A policy attribute (`policy`, `assume_role_policy`): its value; or, when the plan knows it only
 * after apply and it is a policy document data source's `json`, the document the data source's
 * statements make.
 */
export function readPolicy(
  tr: Translation,
  ctx: BuildContext,
  instance: TfInstance,
  attribute: string,
  nativePath: string,
): unknown {
  if (tr.valuesOf(instance).read(attribute).state === 'unknown') {
    const source = ctx.dataSourceOf(instance, attribute, DATA_SOURCE);
    const rendered = source ? renderedDocument(source.after) : undefined;
    if (source && rendered !== undefined) {
      tr.mark(nativePath, `${source.address}.statement`, 'known');
      return rendered;
    }
  }
  return tr.read(instance, attribute, nativePath);
}

function renderedDocument(values: TfValues): string | undefined {
  for (const argument of MERGING) {
    const merged = values.read(argument);
    if (merged.state === 'unknown' || (merged.state === 'known' && !isEmpty(merged.value))) return undefined;
  }
  const statements = values.read('statement');
  const count = statementCount(values);
  if (count === undefined || statements.state === 'sensitive') return undefined;
  const document: JsonObject = { Version: known(values, 'version') ?? '2012-10-17' };
  const id = known(values, 'policy_id');
  if (id) document.Id = id;
  const rendered: JsonObject[] = [];
  for (let i = 0; i < count; i++) {
    const statement = renderedStatement(values, `statement.${i}`);
    if (!statement) return undefined;
    rendered.push(statement);
  }
  document.Statement = rendered;
  return JSON.stringify(document);
}

/** How many statement blocks there are, when the plan shows the list itself. */
function statementCount(values: TfValues): number | undefined {
  // A list that is itself known only after apply (a dynamic block over unknown values).
  if (!values.present('statement')) return undefined;
  let count = 0;
  while (values.present(`statement.${count}`)) count++;
  return count;
}

function renderedStatement(values: TfValues, path: string): JsonObject | undefined {
  const statement: JsonObject = {};
  const sid = values.read(`${path}.sid`);
  if (sid.state === 'unknown') return undefined;
  if (sid.state === 'known' && sid.value !== '') statement.Sid = sid.value;
  const effect = values.read(`${path}.effect`);
  if (effect.state === 'unknown') return undefined;
  statement.Effect = effect.state === 'known' && effect.value ? effect.value : 'Allow';
  for (const [argument, element] of [
    ['actions', 'Action'],
    ['not_actions', 'NotAction'],
  ] as const) {
    const read = values.read(`${path}.${argument}`);
    if (read.state === 'unknown') return undefined;
    if (read.state === 'known' && !isEmpty(read.value)) statement[element] = read.value;
  }
  for (const [argument, element] of [
    ['resources', 'Resource'],
    ['not_resources', 'NotResource'],
  ] as const) {
    const list = elements(values, `${path}.${argument}`);
    if (list && list.length > 0) statement[element] = list;
  }
  for (const [argument, element] of [
    ['principals', 'Principal'],
    ['not_principals', 'NotPrincipal'],
  ] as const) {
    const read = values.read(`${path}.${argument}`);
    if (read.state === 'unknown') return undefined;
    if (read.state !== 'known' || !Array.isArray(read.value) || read.value.length === 0) continue;
    const principal: JsonObject = {};
    for (const block of read.value as JsonObject[]) {
      const type = String(block.type);
      const identifiers = Array.isArray(block.identifiers) ? block.identifiers : [];
      principal[type] = [...((principal[type] as unknown[] | undefined) ?? []), ...identifiers];
    }
    // `type = "*"` with `identifiers = ["*"]` renders as `"Principal": "*"`.
    statement[element] = Object.keys(principal).length === 1 && '*' in principal ? '*' : principal;
  }
  const conditions = values.read(`${path}.condition`);
  if (conditions.state === 'known' || conditions.state === 'unknown') {
    const condition: JsonObject = {};
    for (let i = 0; values.present(`${path}.condition.${i}`); i++) {
      const test = values.read(`${path}.condition.${i}.test`);
      const variable = values.read(`${path}.condition.${i}.variable`);
      if (test.state !== 'known' || variable.state !== 'known') return undefined;
      const operands = (condition[String(test.value)] ?? {}) as JsonObject;
      operands[String(variable.value)] = elements(values, `${path}.condition.${i}.values`) ?? [];
      condition[String(test.value)] = operands;
    }
    if (Object.keys(condition).length > 0) statement.Condition = condition;
  }
  return statement;
}

/** A list of strings, each known or standing for one known after apply. */
function elements(values: TfValues, path: string): unknown[] | undefined {
  const read = values.read(path);
  if (read.state === 'known') return Array.isArray(read.value) ? read.value : [read.value];
  if (read.state !== 'unknown') return undefined;
  // The whole list known after apply: it names resources of the plan.
  if (!values.present(path)) return [KNOWN_AFTER_APPLY_ELEMENT];
  // Its elements known after apply are nulls in the plan, marked in `after_unknown`.
  const list: unknown[] = [];
  for (let i = 0; ; i++) {
    const element = values.read(`${path}.${i}`);
    if (element.state === 'absent' || element.state === 'sensitive') break;
    list.push(element.state === 'known' ? element.value : KNOWN_AFTER_APPLY_ELEMENT);
  }
  return list.length > 0 ? list : [KNOWN_AFTER_APPLY_ELEMENT];
}

function known(values: TfValues, path: string): unknown {
  const read = values.read(path);
  return read.state === 'known' && read.value !== '' ? read.value : undefined;
}

function isEmpty(value: unknown): boolean {
  return value === '' || (Array.isArray(value) && value.length === 0);
}
