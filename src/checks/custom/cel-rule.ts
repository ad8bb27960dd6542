import { parse } from '@marcbachmann/cel-js';
import type { Fact } from '../../model/fact.ts';
import type { Localized } from '../../model/localized.ts';
import type { KansaType, Provider, Resource } from '../../model/resource.ts';
import type { Check, CheckContext, CheckResult, Evidence, Severity } from '../check.ts';

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

type Message = 'pass' | 'fail' | 'notApplicable' | 'unknown';

/** A rule reads whatever facts the resource has, by name. */
type FactsByName = Readonly<Record<string, Fact<unknown> | undefined>>;

/** Thrown when a CEL expression does not parse; the policy loader turns it into a file:line error. */
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
  return {
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
        const reason = (error as Error).message.split('\n')[0];
        return { status: 'UNKNOWN', message: 'unknown', data: { error: reason }, evidence };
      }
    },
  };
}

function compile(expression: string): (variables: Record<string, unknown>) => unknown {
  try {
    return parse(expression);
  } catch (error) {
    throw new CelSyntaxError(expression, (error as Error).message.split('\n')[0] ?? 'syntax error');
  }
}

function celVariables(resource: Resource<FactsByName>, ctx: CheckContext) {
  const facts: Record<string, unknown> = {};
  for (const [key, fact] of Object.entries(resource.facts)) {
    if (fact && fact.source !== 'unknown') facts[key] = toCel(fact.value);
  }
  return {
    provider: resource.provider,
    account: resource.account,
    region: resource.region,
    resourceType: resource.kansaType, // `type` is a CEL built-in
    nativeType: resource.nativeType,
    id: resource.id,
    name: resource.name,
    tags: resource.tags,
    classification: BigInt(ctx.classification(resource)),
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
