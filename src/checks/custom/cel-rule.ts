import { type ASTNode, Environment } from '@marcbachmann/cel-js';
import { RE2JS } from 're2js';
import type { Fact } from '../../model/fact.ts';
import type { Localized } from '../../model/localized.ts';
import type { KansaType, Provider, Resource } from '../../model/resource.ts';
import {
  type Check,
  type CheckContext,
  type CheckResult,
  defineCheck,
  type Evidence,
  type Severity,
} from '../check.ts';

/**
 * An organisation's own rule, written as data in its policy file: a CEL condition over a
 * normalized resource (https://cel.dev). The condition sees
 * `provider, account, region, resourceType, nativeType, id, name, tags, classification` and `facts`,
 * the values of the resource's known facts (explicit or cloud default). A fact the export does
 * not show is absent, so a condition that reads it fails to evaluate: the result is UNKNOWN,
 * never a pass.
 */
export interface CelRuleSpec {
  /** `custom.<name>`. */
  readonly id: string;
  readonly provider: Provider | 'any';
  readonly resourceTypes: readonly KansaType[];
  readonly severity: Severity;
  readonly title: Localized;
  /** CEL: true → PASS, false → FAIL. */
  readonly condition: string;
  /** CEL: false → NOT_APPLICABLE (optional). */
  readonly appliesIf?: string;
  readonly remediation: Localized;
  readonly rationale?: Localized;
}

type Message = 'pass' | 'fail' | 'notApplicable' | 'unknown' | 'overLimit';

/** A rule reads whatever facts the resource has, by name. */
type FactsByName = Readonly<Record<string, Fact<unknown> | undefined>>;

/**
 * Thrown when a CEL expression does not parse, names an undeclared variable, does not type-check
 * or holds a regular expression RE2 rejects; the policy loader turns it into a file:line error.
 */
export class CelSyntaxError extends Error {
  readonly expression: string;

  constructor(expression: string, message: string) {
    super(message);
    this.expression = expression;
  }
}

export function celRule(spec: CelRuleSpec): Check<FactsByName, Message> {
  const condition = compile(spec.condition);
  const appliesIf = spec.appliesIf === undefined ? undefined : compile(spec.appliesIf);
  const referenced = referencedFactNames(`${spec.appliesIf ?? ''} ${spec.condition}`);
  return defineCheck({
    meta: {
      id: spec.id,
      provider: spec.provider,
      resourceTypes: spec.resourceTypes,
      severity: spec.severity,
      title: spec.title,
      rationale: spec.rationale ?? spec.title,
      remediation: spec.remediation,
      messages: {
        pass: { ja: '条件を満たしています: {{condition}}', en: 'The condition holds: {{condition}}' },
        fail: {
          ja: '条件を満たしていません: {{condition}}',
          en: 'The condition does not hold: {{condition}}',
        },
        notApplicable: { ja: '対象外です: {{condition}}', en: 'Not applicable: {{condition}}' },
        unknown: {
          ja: 'エクスポートの情報では条件を評価できません（{{error}}）',
          en: 'The export does not let the condition be evaluated ({{error}})',
        },
        overLimit: {
          ja: 'ルールの評価が上限（{{limit}} ステップ）を超えたため打ち切りました。条件を見直してください',
          en: 'The rule was stopped at its evaluation limit ({{limit|step|steps}}): simplify the condition',
        },
      },
    },
    evaluate(resource, ctx): CheckResult<Message> {
      const variables = celVariables(resource, ctx);
      const evidence = referenced.map((name) => resource.facts[name] ?? notInExport(name));
      try {
        if (appliesIf && appliesIf(variables) !== true) {
          return {
            status: 'NOT_APPLICABLE',
            message: 'notApplicable',
            data: { condition: spec.appliesIf },
            evidence,
          };
        }
        const outcome = condition(variables);
        if (typeof outcome !== 'boolean')
          throw new Error(`the condition gave ${typeof outcome}, not a boolean`);
        return {
          status: outcome ? 'PASS' : 'FAIL',
          message: outcome ? 'pass' : 'fail',
          data: { condition: spec.condition },
          evidence,
        };
      } catch (error) {
        if (error instanceof CelCostError) {
          return { status: 'UNKNOWN', message: 'overLimit', data: { limit: CEL_STEP_LIMIT }, evidence };
        }
        const reason = (error as Error).message.split('\n')[0];
        return { status: 'UNKNOWN', message: 'unknown', data: { error: reason }, evidence };
      }
    },
  });
}

/**
 * Most evaluation steps (AST nodes evaluated, each comprehension iteration included) one rule
 * may take on one resource. A plain condition takes tens; `.all()` over a list of a thousand
 * tags a few thousand. Nested comprehensions over large lists grow as a product and would stall
 * the scan: over the limit the finding is UNKNOWN with the reason, and the scan goes on.
 */
export const CEL_STEP_LIMIT = 100_000;

/** The variables a rule sees (celVariables below); any other name is rejected when the policy loads. */
const CEL_VARIABLES = {
  provider: 'string',
  account: 'string',
  region: 'string',
  resourceType: 'string',
  nativeType: 'string',
  id: 'string',
  name: 'string',
  tags: 'map<string, string>',
  classification: 'int',
  facts: 'map<string, dyn>',
} as const;

/**
 * CEL specifies RE2 for `matches()`: linear time in the input. JavaScript's RegExp backtracks
 * (`^(a+)+$` doubles its time per character), so `matches` is routed to re2js.
 */
const RE2_MATCHES = 'kansa_re2_matches';
const MAX_CACHED_PATTERNS = 256;
const patterns = new Map<string, RE2JS>();

function re2(pattern: string): RE2JS {
  let compiled = patterns.get(pattern);
  if (!compiled) {
    compiled = RE2JS.compile(pattern);
    if (patterns.size >= MAX_CACHED_PATTERNS) patterns.clear();
    patterns.set(pattern, compiled);
  }
  return compiled;
}

const environment = new Environment({ unlistedVariablesAreDyn: false });
for (const [variable, type] of Object.entries(CEL_VARIABLES)) environment.registerVariable(variable, type);
environment.registerFunction(`string.${RE2_MATCHES}(string): bool`, (text: string, pattern: string) =>
  re2(pattern).matcher(text).find(),
);

/** Over the step limit (see CEL_STEP_LIMIT). */
class CelCostError extends Error {}

/** Steps of the evaluation under way: evaluations are synchronous, so one counter serves all. */
let steps = 0;
let meteredEvaluator = false;

/**
 * Counts the evaluator's steps. cel-js evaluates every child node through `evaluator.run`, and
 * the evaluator reaches us as the root node's first argument; its `run` is wrapped once.
 */
function metered(ast: ASTNode): void {
  const node = ast as unknown as { evaluate: (ev: Evaluator, ast: unknown, ctx: unknown) => unknown };
  const evaluateRoot = node.evaluate;
  node.evaluate = (ev, root, ctx) => {
    if (!meteredEvaluator) {
      const run = ev.run;
      ev.run = function (this: Evaluator, child: unknown, childCtx: unknown) {
        if (++steps > CEL_STEP_LIMIT) throw new CelCostError();
        return run.call(this, child, childCtx);
      };
      meteredEvaluator = true;
    }
    steps = 0;
    return evaluateRoot.call(node, ev, root, ctx);
  };
}

interface Evaluator {
  run(ast: unknown, ctx: unknown): unknown;
}

function compile(expression: string): (variables: Record<string, unknown>) => unknown {
  let evaluate: ReturnType<Environment['parse']>;
  try {
    evaluate = environment.parse(expression);
  } catch (error) {
    throw new CelSyntaxError(expression, firstLine(error));
  }
  routeMatchesToRe2(expression, evaluate.ast);
  const checked = evaluate.check();
  if (!checked.valid) {
    const message = firstLine(checked.error).replaceAll(RE2_MATCHES, 'matches');
    const unknown = /^Unknown variable: (\w+)/.exec(message);
    throw new CelSyntaxError(
      expression,
      unknown
        ? `undeclared variable "${unknown[1]}" (a rule sees: ${Object.keys(CEL_VARIABLES).join(', ')})`
        : message,
    );
  }
  if (checked.type !== 'bool' && checked.type !== 'dyn') {
    throw new CelSyntaxError(expression, `the expression gives ${checked.type}, not a bool`);
  }
  metered(evaluate.ast);
  return evaluate;
}

/** Renames `.matches(` calls to the RE2 function, and rejects a literal pattern RE2 cannot compile. */
function routeMatchesToRe2(expression: string, root: ASTNode): void {
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) visit(item);
      return;
    }
    if (node === null || typeof node !== 'object' || !('op' in node)) return;
    const { op, args } = node as { op: string; args: unknown };
    if (op === 'rcall' && Array.isArray(args) && args[0] === 'matches') {
      args[0] = RE2_MATCHES;
      const pattern = (args[2] as { op: string; args: unknown }[])[0];
      if (pattern?.op === 'value' && typeof pattern.args === 'string') {
        try {
          re2(pattern.args);
        } catch (error) {
          throw new CelSyntaxError(
            expression,
            `matches(): not an RE2 regular expression: ${firstLine(error)}`,
          );
        }
      }
    }
    visit(args);
  };
  visit(root);
}

function firstLine(error: unknown): string {
  return ((error as Error | undefined)?.message ?? 'syntax error').split('\n')[0] ?? 'syntax error';
}

function celVariables(resource: Resource<FactsByName>, ctx: CheckContext) {
  const facts: Record<string, unknown> = {};
  for (const [key, fact] of Object.entries(resource.facts)) {
    if (fact && fact.source !== 'unknown') facts[key] = toCel(fact.value);
  }
  const classification = ctx.classification(resource);
  return {
    provider: resource.provider,
    account: resource.account,
    region: resource.region,
    resourceType: resource.kansaType, // `type` is a CEL built-in
    nativeType: resource.nativeType,
    id: resource.id,
    name: resource.name,
    tags: resource.tags,
    // A class the tag does not tell is absent, as an unknown fact is: a condition reading it is UNKNOWN.
    ...(classification.source !== 'unknown' && { classification: BigInt(classification.value) }),
    facts,
  };
}

/** CEL integers are BigInts: whole numbers become ints, so that `facts.days == 30` compares ints. */
function toCel(value: unknown): unknown {
  if (typeof value === 'number') return Number.isInteger(value) ? BigInt(value) : value;
  if (Array.isArray(value)) return value.map(toCel);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, toCel(item)]));
  }
  return value;
}

/** The facts a rule's expressions name (`facts.x`): its evidence. */
function referencedFactNames(text: string): string[] {
  return [...new Set([...text.matchAll(/\bfacts\.(\w+)/g)].map((m) => m[1]!))];
}

function notInExport(name: string): Evidence {
  return {
    source: 'unknown',
    path: name,
    note: { ja: 'この設定はエクスポートに含まれていません', en: 'this setting is not in the export' },
  };
}
