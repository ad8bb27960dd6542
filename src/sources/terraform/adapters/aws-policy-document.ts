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
    const rendered = source
      ? renderedDocument(source.after, (path) => identityProvidersOf(ctx, source, path))
      : undefined;
    if (source && rendered !== undefined) {
      tr.mark(nativePath, `${source.address}.statement`, 'known');
      return rendered;
    }
  }
  return tr.read(instance, attribute, nativePath);
}

/** The identifiers a principal block's list names only after apply, as `planProviders` works them out. */
type PlanProviders = (identifiersPath: string) => unknown[] | undefined;

/**
 * The federated principals a principal block names only after apply, where the configuration
 * names them as identity providers of the plan (`identifiers =
 * [aws_iam_openid_connect_provider.github.arn]`): an identity provider of the role's own account,
 * told by its URL (a URL known only after apply, an EKS cluster's issuer, is no public one).
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html#principal-federated-web-identity
 */
function identityProvidersOf(ctx: BuildContext, source: TfInstance, path: string): unknown[] | undefined {
  const providers = ctx.referenced(source, path, IDENTITY_PROVIDERS);
  if (providers.length === 0) return undefined;
  return providers.map((provider) => {
    if (provider.type === 'aws_iam_saml_provider')
      return `arn:aws:iam::${KNOWN_AFTER_APPLY_ELEMENT}:saml-provider/${provider.after.knownText('name') ?? KNOWN_AFTER_APPLY_ELEMENT}`;
    const url = provider.after.knownText('url');
    const host = url?.replace(/^https:\/\//, '') ?? KNOWN_AFTER_APPLY_ELEMENT;
    return `arn:aws:iam::${KNOWN_AFTER_APPLY_ELEMENT}:oidc-provider/${host}`;
  });
}

const IDENTITY_PROVIDERS = ['aws_iam_openid_connect_provider', 'aws_iam_saml_provider'];

function renderedDocument(values: TfValues, planProviders: PlanProviders): string | undefined {
  for (const argument of MERGING) {
    const merged = values.read(argument);
    if (merged.state === 'unknown' || (merged.state === 'known' && !isEmpty(merged.value))) return undefined;
  }
  const statements = values.read('statement');
  const count = statementCount(values);
  if (count === undefined || statements.state === 'sensitive') return undefined;
  const document: JsonObject = { Version: values.knownText('version') ?? '2012-10-17' };
  const id = values.knownText('policy_id');
  if (id) document.Id = id;
  const rendered: JsonObject[] = [];
  for (let i = 0; i < count; i++) {
    const statement = renderedStatement(values, `statement.${i}`, planProviders);
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

function renderedStatement(
  values: TfValues,
  path: string,
  planProviders: PlanProviders,
): JsonObject | undefined {
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
    const blocks = principalBlocks(values, `${path}.${argument}`, planProviders);
    if (blocks === undefined) return undefined;
    if (blocks.length === 0) continue;
    const principal: JsonObject = {};
    for (const { type, identifiers } of blocks)
      principal[type] = [...((principal[type] as unknown[] | undefined) ?? []), ...identifiers];
    // `type = "*"` with `identifiers = ["*"]` renders as `"Principal": "*"`.
    statement[element] = Object.keys(principal).length === 1 && '*' in principal ? '*' : principal;
  }
  const conditions = values.read(`${path}.condition`);
  if (conditions.state === 'known' || conditions.state === 'unknown') {
    const condition: JsonObject = {};
    for (let i = 0; values.present(`${path}.condition.${i}`); i++) {
      const test = values.read(`${path}.condition.${i}.test`);
      const variable = values.read(`${path}.condition.${i}.variable`);
      if (test.state !== 'known') return undefined;
      // The claim of an issuer the plan makes (`"${replace(aws_iam_openid_connect_provider.eks.url,
      // "https://", "")}:sub"`, the EKS documentation's example): its key is known only after apply.
      const key =
        variable.state === 'known'
          ? String(variable.value)
          : variable.state === 'unknown' && trustsUnnamedIssuers(statement)
            ? KNOWN_AFTER_APPLY_ELEMENT
            : undefined;
      if (key === undefined) return undefined;
      const operands = (condition[String(test.value)] ?? {}) as JsonObject;
      const given = elements(values, `${path}.condition.${i}.values`) ?? [];
      // Claims whose keys are all unknown share the one key, with all their values.
      const earlier =
        key === KNOWN_AFTER_APPLY_ELEMENT ? ((operands[key] as unknown[] | undefined) ?? []) : [];
      operands[key] = [...earlier, ...given];
      condition[String(test.value)] = operands;
    }
    if (Object.keys(condition).length > 0) statement.Condition = condition;
  }
  return statement;
}

/**
 * Whether a statement's principals are all identity providers of the plan whose URL is known only
 * after apply (an EKS cluster's issuer): no public provider, so what its conditions pin does not
 * decide who may assume the role, and a condition key known only after apply can stand.
 */
function trustsUnnamedIssuers(statement: JsonObject): boolean {
  const principal = statement.Principal;
  if (typeof principal !== 'object' || principal === null || Array.isArray(principal)) return false;
  const [only, ...others] = Object.entries(principal);
  if (!only || others.length > 0) return false;
  const [type, identifiers] = only;
  const unnamed = `:oidc-provider/${KNOWN_AFTER_APPLY_ELEMENT}`;
  return (
    type === 'Federated' &&
    Array.isArray(identifiers) &&
    identifiers.length > 0 &&
    identifiers.every((id) => typeof id === 'string' && id.endsWith(unnamed))
  );
}

/**
 * The principal blocks of a statement, each with its type and identifiers; undefined while one
 * is known only after apply, but for federated principals the configuration names as identity
 * providers of the plan.
 */
function principalBlocks(
  values: TfValues,
  path: string,
  planProviders: PlanProviders,
): { type: string; identifiers: unknown[] }[] | undefined {
  const read = values.read(path);
  if (read.state === 'known')
    return Array.isArray(read.value)
      ? (read.value as JsonObject[]).map((block) => ({
          type: String(block.type),
          identifiers: Array.isArray(block.identifiers) ? block.identifiers : [],
        }))
      : [];
  if (read.state !== 'unknown') return [];
  // The list itself known only after apply (a dynamic block over unknown values).
  if (!values.present(path)) return undefined;
  const blocks: { type: string; identifiers: unknown[] }[] = [];
  for (let i = 0; values.present(`${path}.${i}`); i++) {
    const type = values.read(`${path}.${i}.type`);
    if (type.state !== 'known') return undefined;
    const identifiersPath = `${path}.${i}.identifiers`;
    const identifiers = elements(values, identifiersPath) ?? [];
    if (!identifiers.includes(KNOWN_AFTER_APPLY_ELEMENT)) {
      blocks.push({ type: String(type.value), identifiers });
      continue;
    }
    // Only a list all of whose identifiers the plan's identity providers give is worked out.
    const providers =
      type.value === 'Federated' && identifiers.every((id) => id === KNOWN_AFTER_APPLY_ELEMENT)
        ? planProviders(identifiersPath)
        : undefined;
    if (providers === undefined) return undefined;
    blocks.push({ type: 'Federated', identifiers: providers });
  }
  return blocks;
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

function isEmpty(value: unknown): boolean {
  return value === '' || (Array.isArray(value) && value.length === 0);
}
