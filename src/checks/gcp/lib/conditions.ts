import { explicit } from '../../../model/fact.ts';
import type { GcpBinding } from '../../../model/gcp.ts';
import type { Evidence } from '../../check.ts';

/**
 * Whether an IAM Condition (CEL) can hold at `now` or later. A binding whose condition can hold
 * no more grants nothing: `request.time < timestamp("2020-01-01T00:00:00Z")` has expired, and
 * `request.time > timestamp(B) && request.time < timestamp(A)` with A before B never holds.
 * Only a conjunction of `request.time` comparisons with a `timestamp()` literal is read: any
 * other expression (resource names, tags, `||`, time of day) is taken to hold, so an unread
 * condition never drops a grant. A start in the future (not yet active) holds later: the
 * binding counts. https://cloud.google.com/iam/docs/conditions-attribute-reference#date-time
 */
export function conditionExpired(expression: string, now: Date): boolean {
  const conjuncts = topLevelConjuncts(expression);
  if (!conjuncts) return false;
  let until = Number.POSITIVE_INFINITY;
  let from = Number.NEGATIVE_INFINITY;
  for (const conjunct of conjuncts) {
    const bound = timeBound(conjunct);
    if (!bound) continue;
    if (bound.kind === 'until') until = Math.min(until, bound.time);
    else from = Math.max(from, bound.time);
  }
  return until <= now.getTime() || until <= from;
}

/** The bindings that still grant at `now`, and evidence naming those whose condition has expired. */
export function grantingBindings(
  bindings: readonly GcpBinding[],
  now: Date,
  resourceId?: string,
): { readonly granting: readonly GcpBinding[]; readonly expired: readonly Evidence[] } {
  const granting: GcpBinding[] = [];
  const expired: Evidence[] = [];
  for (const binding of bindings) {
    if (binding.condition === undefined || !conditionExpired(binding.condition, now)) {
      granting.push(binding);
      continue;
    }
    expired.push({
      ...explicit(
        `${binding.role} → ${binding.members.join(', ')}: ${binding.condition}`,
        'iamPolicy.bindings[].condition.expression',
      ),
      ...(resourceId !== undefined && { resourceId }),
    });
  }
  return { granting, expired };
}

/**
 * The bound `request.time` has in one conjunct: `until` a time (`<`, `<=`, or the time on the
 * left of `>` / `>=`), or `from` a time; undefined for anything else. A bound of `<=` that
 * equals now has not quite expired; a millisecond apart does not change a verdict.
 */
function timeBound(conjunct: string): { kind: 'until' | 'from'; time: number } | undefined {
  const left = LEFT.exec(conjunct);
  const right = left ? undefined : RIGHT.exec(conjunct);
  const match = left ?? right;
  if (!match?.groups) return undefined;
  const time = Date.parse(match.groups.time ?? '');
  if (Number.isNaN(time)) return undefined;
  const less = match.groups.op?.startsWith('<') ?? false;
  // request.time < T is "until T"; T > request.time says the same.
  return { kind: less === Boolean(left) ? 'until' : 'from', time };
}

const TIMESTAMP = String.raw`timestamp\(\s*(?<quote>["'])(?<time>[^"']+)\k<quote>\s*\)`;
const LEFT = new RegExp(String.raw`^request\.time\s*(?<op><=?|>=?)\s*${TIMESTAMP}$`);
const RIGHT = new RegExp(String.raw`^${TIMESTAMP}\s*(?<op><=?|>=?)\s*request\.time$`);

/**
 * The expression's `&&` operands at the top level, each without enclosing parentheses: any one
 * that is false makes it false. Undefined when it has a top-level `||` (then no operand alone
 * bounds it) or unbalanced parentheses.
 */
function topLevelConjuncts(expression: string): string[] | undefined {
  const text = unwrap(expression.trim());
  const parts: string[] = [];
  let depth = 0;
  let quote: string | undefined;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quote) {
      if (char === '\\') i++;
      else if (char === quote) quote = undefined;
      continue;
    }
    if (char === '"' || char === "'") quote = char;
    else if (char === '(') depth++;
    else if (char === ')') depth--;
    else if (depth === 0 && text.startsWith('||', i)) return undefined;
    else if (depth === 0 && text.startsWith('&&', i)) {
      parts.push(text.slice(start, i));
      start = i + 2;
      i++;
    }
    if (depth < 0) return undefined;
  }
  if (depth !== 0 || quote) return undefined;
  parts.push(text.slice(start));
  return parts.map((part) => unwrap(part.trim()));
}

/** The text without parentheses that enclose all of it. */
function unwrap(text: string): string {
  let inner = text;
  while (inner.startsWith('(') && inner.endsWith(')') && enclosesAll(inner))
    inner = inner.slice(1, -1).trim();
  return inner;
}

/** Whether the opening parenthesis closes at the very end (not `(a) && (b)`). */
function enclosesAll(text: string): boolean {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')') depth--;
    if (depth === 0 && i < text.length - 1) return false;
  }
  return true;
}
