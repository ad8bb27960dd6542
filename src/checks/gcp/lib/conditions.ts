import { type ASTNode, parse } from '@marcbachmann/cel-js';
import { explicit } from '../../../model/fact.ts';
import type { GcpBinding } from '../../../model/gcp.ts';
import type { Evidence } from '../../check.ts';

/**
 * Whether an IAM Condition (CEL) can hold at `now` or later. A binding whose condition can hold
 * no more grants nothing: `request.time < timestamp("2020-01-01T00:00:00Z")` has expired, and
 * `request.time > timestamp(B) && request.time < timestamp(A)` with A before B never holds.
 * Only a conjunction (`&&`) of `request.time` comparisons with a `timestamp()` literal is read,
 * from the expression's CEL syntax tree: any other expression (resource names, tags, `||`,
 * negation, time of day) is taken to hold, and one that does not parse too, so an unread
 * condition never drops a grant. A start in
 * the future (not yet active) holds later: the binding counts.
 * https://cloud.google.com/iam/docs/conditions-attribute-reference#date-time
 */
export function conditionExpired(expression: string, now: Date): boolean {
  let ast: ASTNode;
  try {
    ast = parse(expression).ast;
  } catch {
    return false;
  }
  return boundsExpired(ast, now.getTime());
}

/** The bindings that still grant at `now`, and evidence naming those whose condition has expired. */
export function grantingBindings(
  bindings: readonly GcpBinding[],
  now: Date,
  resourceId?: string,
): GrantingBindings {
  // The hierarchy's checks ask again for the same ancestors' bindings, once per project below them.
  let byCall = CACHE.get(bindings);
  if (!byCall) {
    byCall = new Map();
    CACHE.set(bindings, byCall);
  }
  const key = `${now.getTime()} ${resourceId ?? ''}`;
  let read = byCall.get(key);
  if (!read) {
    read = readBindings(bindings, now, resourceId);
    byCall.set(key, read);
  }
  return read;
}

interface GrantingBindings {
  readonly granting: readonly GcpBinding[];
  readonly expired: readonly Evidence[];
}

const CACHE = new WeakMap<readonly GcpBinding[], Map<string, GrantingBindings>>();

function readBindings(bindings: readonly GcpBinding[], now: Date, resourceId?: string): GrantingBindings {
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
 * Whether the `request.time` bounds of the expression's `&&` operands, together, can hold no more
 * at `now`: the earliest end has passed, or comes before the latest start. Any other operand,
 * a `||` too (either side may hold), is taken to hold.
 */
function boundsExpired(node: ASTNode, now: number): boolean {
  let until = Number.POSITIVE_INFINITY;
  let from = Number.NEGATIVE_INFINITY;
  for (const conjunct of conjunctsOf(node)) {
    const bound = timeBound(conjunct);
    if (!bound) continue;
    if (bound.kind === 'until') until = Math.min(until, bound.time);
    else from = Math.max(from, bound.time);
  }
  return until <= now || until <= from;
}

/** The operands of nested `&&` nodes (the node itself when it is not one). */
function conjunctsOf(node: ASTNode): ASTNode[] {
  return node.op === '&&' ? node.args.flatMap(conjunctsOf) : [node];
}

/**
 * The bound a comparison puts on `request.time`: `until` a time (`request.time <` / `<=` it, or
 * it `>` / `>=` `request.time`), or `from` a time; undefined for anything else. A bound of `<=`
 * that equals now has not quite expired; a millisecond apart does not change a verdict.
 */
function timeBound(node: ASTNode): { kind: 'until' | 'from'; time: number } | undefined {
  if (node.op !== '<' && node.op !== '<=' && node.op !== '>' && node.op !== '>=') return undefined;
  const [left, right] = node.args;
  const timeOnRight = isRequestTime(left) ? timestampOf(right) : undefined;
  const time = timeOnRight ?? (isRequestTime(right) ? timestampOf(left) : undefined);
  if (time === undefined) return undefined;
  const less = node.op.startsWith('<');
  // request.time < T is "until T"; T > request.time says the same.
  return { kind: less === (timeOnRight !== undefined) ? 'until' : 'from', time };
}

function isRequestTime(node: ASTNode): boolean {
  return (
    node.op === '.' && node.args[1] === 'time' && node.args[0].op === 'id' && node.args[0].args === 'request'
  );
}

/** The time of a `timestamp("…")` call on a string literal, in milliseconds. */
function timestampOf(node: ASTNode): number | undefined {
  if (node.op !== 'call' || node.args[0] !== 'timestamp' || node.args[1].length !== 1) return undefined;
  const [literal] = node.args[1];
  if (literal?.op !== 'value' || typeof literal.args !== 'string') return undefined;
  const time = Date.parse(literal.args);
  return Number.isNaN(time) ? undefined : time;
}
