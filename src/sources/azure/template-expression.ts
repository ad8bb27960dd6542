import { get, isObject, type JsonObject, PLACEHOLDER_SCOPE, PLACEHOLDER_SUBSCRIPTION } from './arm-record.ts';
import {
  coalesce,
  concat,
  contains,
  createObject,
  format,
  resourceId,
  shallowMerge,
  tryGet,
  Unknown,
  union,
} from './template-functions.ts';

export { Unknown };

/**
 * ARM template expressions (`[concat(parameters('p'), '/default')]`), evaluated as far as the
 * template alone tells: parameters by their `defaultValue`, variables, string functions and
 * `resourceId`. What only a deployment decides (the resource group's location, the
 * subscription, `uniqueString`, a parameter without default, a function kansa does not
 * evaluate) is an `Unknown`, never a guess.
 */

/** What an expression can see. */
export interface TemplateScope {
  readonly parameters: JsonObject;
  readonly variables: JsonObject;
  /** The values a nested deployment passes to its template's parameters, evaluated where it is. */
  readonly passed?: ReadonlyMap<string, unknown>;
  /**
   * The copy loops being expanded, the resource's first: each loop's name and the index of
   * this copy (`copyIndex()` counts the resource's, `copyIndex('name')` the one named).
   */
  readonly copies?: readonly { readonly name: string; readonly index: number }[];
  /**
   * Where the template deploys: the placeholder resource group's id unless it says otherwise (a
   * subscription template's `/subscriptions/{subscriptionId}`, a module's named resource group).
   */
  readonly deployedTo?: string;
}

/**
 * A template value with its expressions evaluated: strings in brackets are expressions, `[[`
 * escapes a literal bracket; objects and arrays are evaluated member by member (an Unknown
 * stays in place, for the reader to mark). An object's `copy` array (property iteration:
 * `{"name": "securityRules", "count": 2, "input": {…}}`) becomes the arrays it makes.
 */
export function evaluateValue(value: unknown, scope: TemplateScope, depth = 0): unknown {
  if (typeof value === 'string') return evaluateString(value, scope, depth);
  if (value instanceof Unknown) return value;
  if (Array.isArray(value)) return value.map((item) => evaluateValue(item, scope, depth));
  if (isObject(value)) {
    const result: JsonObject = {};
    for (const [key, member] of Object.entries(value)) {
      if (key !== 'copy') result[key] = evaluateValue(member, scope, depth);
      // A copy loop that is not a list of named loops makes properties no one can name: the
      // object is unknown, never read as if they were absent.
      else if (
        !Array.isArray(member) ||
        !member.every((loop) => isObject(loop) && typeof loop.name === 'string')
      )
        return new Unknown('{copy}');
      else for (const loop of member as JsonObject[]) result[String(loop.name)] = copied(loop, scope, depth);
    }
    return result;
  }
  return value;
}

/** The array a property or variable copy loop makes: its input for each index, or unknown. */
function copied(loop: JsonObject, scope: TemplateScope, depth: number): unknown {
  const name = String(loop.name);
  const count = evaluateValue(loop.count, scope, depth);
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 0 || count > MAX_COPIES)
    return new Unknown(`{${name}}`);
  const copies = scope.copies ?? [];
  return Array.from({ length: count }, (_, index) =>
    evaluateValue(loop.input, { ...scope, copies: [...copies, { name, index }] }, depth),
  );
}

/** ARM's own limit on a copy loop. */
export const MAX_COPIES = 800;

function evaluateString(text: string, scope: TemplateScope, depth: number): unknown {
  if (text.startsWith('[[')) return text.slice(1);
  if (!text.startsWith('[') || !text.endsWith(']')) return text;
  // Parameters and variables refer to one another: a cycle (an invalid template) is unknown.
  if (depth > MAX_DEPTH) return new Unknown('{…}');
  try {
    const parser = new Parser(text.slice(1, -1));
    const expression = parser.expression();
    parser.end();
    return evaluate(expression, scope, depth);
  } catch (error) {
    if (error instanceof SyntaxError) return new Unknown('{…}');
    throw error;
  }
}

const MAX_DEPTH = 32;

type Expression =
  | { readonly kind: 'literal'; readonly value: string | number }
  | { readonly kind: 'call'; readonly name: string; readonly args: readonly Expression[] }
  | { readonly kind: 'member'; readonly target: Expression; readonly name: string }
  | { readonly kind: 'index'; readonly target: Expression; readonly index: Expression };

/** The expression grammar: literals, calls, `.member` and `[index]`. */
class Parser {
  readonly #text: string;
  #at = 0;

  constructor(text: string) {
    this.#text = text;
  }

  expression(): Expression {
    let expression = this.#primary();
    for (;;) {
      this.#space();
      const next = this.#text[this.#at];
      if (next === '.') {
        this.#at++;
        expression = { kind: 'member', target: expression, name: this.#identifier() };
      } else if (next === '[') {
        this.#at++;
        const index = this.expression();
        this.#expect(']');
        expression = { kind: 'index', target: expression, index };
      } else return expression;
    }
  }

  end(): void {
    this.#space();
    if (this.#at < this.#text.length) throw new SyntaxError(`unexpected ${this.#text.slice(this.#at)}`);
  }

  #primary(): Expression {
    this.#space();
    const next = this.#text[this.#at];
    if (next === "'") return { kind: 'literal', value: this.#string() };
    const number = /^-?\d+/.exec(this.#text.slice(this.#at));
    if (number) {
      this.#at += number[0].length;
      return { kind: 'literal', value: Number(number[0]) };
    }
    const name = this.#identifier();
    this.#expect('(');
    const args: Expression[] = [];
    this.#space();
    if (this.#text[this.#at] === ')') this.#at++;
    else {
      for (;;) {
        args.push(this.expression());
        this.#space();
        if (this.#text[this.#at] === ',') this.#at++;
        else break;
      }
      this.#expect(')');
    }
    return { kind: 'call', name, args };
  }

  /** `'it''s'`: a quote inside a string literal is doubled. */
  #string(): string {
    let value = '';
    this.#at++;
    for (;;) {
      const quote = this.#text.indexOf("'", this.#at);
      if (quote === -1) throw new SyntaxError('unterminated string');
      value += this.#text.slice(this.#at, quote);
      this.#at = quote + 1;
      if (this.#text[this.#at] !== "'") return value;
      value += "'";
      this.#at++;
    }
  }

  #identifier(): string {
    this.#space();
    const match = /^[A-Za-z_][A-Za-z0-9_]*/.exec(this.#text.slice(this.#at));
    if (!match) throw new SyntaxError(`expected a name at ${this.#text.slice(this.#at)}`);
    this.#at += match[0].length;
    return match[0];
  }

  #expect(char: string): void {
    this.#space();
    if (this.#text[this.#at] !== char) throw new SyntaxError(`expected ${char}`);
    this.#at++;
  }

  #space(): void {
    // Expressions may span lines (`"[\n  variables('sku')\n]"`).
    while (/\s/.test(this.#text[this.#at] ?? '')) this.#at++;
  }
}

function evaluate(expression: Expression, scope: TemplateScope, depth: number): unknown {
  switch (expression.kind) {
    case 'literal':
      return expression.value;
    case 'member': {
      const target = evaluate(expression.target, scope, depth);
      if (target instanceof Unknown) return new Unknown(`{${shownOf(expression)}}`);
      // Property names are case-insensitive: `resourceGroup().Location`.
      const value = get(target, expression.name);
      return value === undefined ? new Unknown(`{${shownOf(expression)}}`) : value;
    }
    case 'index': {
      const target = evaluate(expression.target, scope, depth);
      const index = evaluate(expression.index, scope, depth);
      if (Array.isArray(target) && typeof index === 'number' && index in target) return target[index];
      if (isObject(target) && typeof index === 'string' && index in target) return target[index];
      return new Unknown(`{${shownOf(expression)}}`);
    }
    case 'call':
      return call(expression, scope, depth);
  }
}

/** How an expression that cannot be evaluated is shown in a name. */
function shownOf(expression: Expression): string {
  switch (expression.kind) {
    case 'literal':
      return String(expression.value);
    case 'member':
      return `${shownOf(expression.target)}.${expression.name}`;
    case 'index':
      return `${shownOf(expression.target)}[…]`;
    case 'call': {
      const [first] = expression.args;
      const name = expression.name.toLowerCase();
      const named = (name === 'parameters' || name === 'variables') && first;
      return named && first.kind === 'literal' ? String(first.value) : `${expression.name}()`;
    }
  }
}

function call(
  expression: Extract<Expression, { kind: 'call' }>,
  scope: TemplateScope,
  depth: number,
): unknown {
  const unknown = () => new Unknown(`{${shownOf(expression)}}`);
  const orUnknown = (value: unknown) => (value === undefined ? unknown() : value);
  const args = () => expression.args.map((arg) => evaluate(arg, scope, depth));
  const name = expression.name.toLowerCase();
  switch (name) {
    // A parameter or variable may be null (Bicep's optional parameters): only a missing one is unknown.
    case 'parameters':
      return orUnknown(parameter(args()[0], scope, depth));
    case 'variables':
      return orUnknown(variable(args()[0], scope, depth));
    case 'concat':
      return concat(args());
    case 'format':
      return format(args());
    case 'tolower':
    case 'toupper': {
      const [value] = args();
      if (value instanceof Unknown) return value;
      if (typeof value !== 'string') return unknown();
      return name === 'tolower' ? value.toLowerCase() : value.toUpperCase();
    }
    case 'string': {
      const [value] = args();
      // A boolean is written as .NET writes it (`True`): left to the deployment, as objects are.
      return typeof value === 'string' || typeof value === 'number' ? String(value) : unknown();
    }
    case 'resourceid':
      return resourceId(args(), scope.deployedTo ?? PLACEHOLDER_SCOPE);
    case 'subscriptionresourceid':
      return resourceId(args(), PLACEHOLDER_SUBSCRIPTION, 1);
    case 'resourcegroup':
      return {
        location: new Unknown('{resourceGroup().location}'),
        name: new Unknown('{resourceGroup().name}'),
      };
    case 'subscription':
      return { subscriptionId: new Unknown('{subscription().subscriptionId}') };
    case 'copyindex':
      return copyIndex(args(), scope) ?? unknown();
    case 'true':
      return true;
    case 'false':
      return false;
    case 'null':
      // Bicep's `cond ? value : null` leaves the property out of the deployment, as a GET without it.
      return null;
    case 'equals': {
      const [a, b] = args();
      // Strings that differ only in case, and arrays or objects, are not compared here.
      const comparable = (value: unknown) => ['string', 'number', 'boolean'].includes(typeof value);
      if (!comparable(a) || !comparable(b)) return unknown();
      if (a !== b && typeof a === 'string' && typeof b === 'string' && a.toLowerCase() === b.toLowerCase())
        return unknown();
      return a === b;
    }
    case 'not': {
      const [value] = args();
      return typeof value === 'boolean' ? !value : unknown();
    }
    case 'and':
    case 'or': {
      const values = args();
      if (!values.every((value) => typeof value === 'boolean')) return unknown();
      return name === 'and' ? values.every(Boolean) : values.some(Boolean);
    }
    case 'empty':
    case 'length': {
      const [value] = args();
      // `empty(null)` is true (Bicep tests an optional parameter so); its length is an error.
      if (value === null && name === 'empty') return true;
      const size =
        typeof value === 'string' || Array.isArray(value)
          ? value.length
          : isObject(value)
            ? Object.keys(value).length
            : undefined;
      if (size === undefined) return unknown();
      return name === 'empty' ? size === 0 : size;
    }
    case 'add':
    case 'sub':
    case 'mul': {
      const [a, b] = args();
      if (typeof a !== 'number' || typeof b !== 'number') return unknown();
      return name === 'add' ? a + b : name === 'sub' ? a - b : a * b;
    }
    case 'bool': {
      const [value] = args();
      if (typeof value === 'boolean') return value;
      return value === 'true' || value === 'false' ? value === 'true' : unknown();
    }
    case 'int': {
      const [value] = args();
      const number = typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;
      return typeof number === 'number' && Number.isInteger(number) ? number : unknown();
    }
    case 'createobject':
      return createObject(args());
    case 'createarray':
      return args();
    case 'coalesce':
      return coalesce(args());
    case 'contains':
      return contains(args());
    case 'shallowmerge':
      return shallowMerge(args());
    case 'tryget':
      return tryGet(args());
    case 'union':
      return union(args());
    case 'json': {
      // `json('null')`: older templates' way to leave a property out, before `null()`.
      const [text] = args();
      if (typeof text !== 'string') return unknown();
      try {
        return JSON.parse(text) as unknown;
      } catch {
        return unknown();
      }
    }
    case 'first':
    case 'last': {
      const [value] = args();
      if (!Array.isArray(value) && typeof value !== 'string') return unknown();
      const item = name === 'first' ? value[0] : value[value.length - 1];
      return item ?? (typeof value === 'string' ? '' : null);
    }
    case 'if': {
      const [condition] = expression.args;
      const decided = condition && evaluate(condition, scope, depth);
      if (typeof decided !== 'boolean') return unknown();
      const branch = expression.args[decided ? 1 : 2];
      return branch ? evaluate(branch, scope, depth) : unknown();
    }
    default:
      // uniqueString, reference, listKeys, utcNow, …: the deployment's, or not evaluated here.
      return unknown();
  }
}

/** The value a nested deployment passes, or the parameter's `defaultValue` (itself an expression at times); undefined: none. */
function parameter(name: unknown, scope: TemplateScope, depth: number): unknown {
  if (typeof name !== 'string') return undefined;
  if (scope.passed?.has(name)) return scope.passed.get(name);
  const declared = scope.parameters[name];
  // Bicep's optional parameter (`param tier string?`, declared `nullable`) is null unless given.
  if (isObject(declared) && !('defaultValue' in declared) && declared.nullable === true) return null;
  if (!isObject(declared) || !('defaultValue' in declared)) return undefined;
  return remembered(scope, `p:${name}`, () => evaluateValue(declared.defaultValue, scope, depth + 1));
}

/** A variable, or the array a variable copy loop (`variables.copy`) makes. */
function variable(name: unknown, scope: TemplateScope, depth: number): unknown {
  if (typeof name !== 'string') return undefined;
  if (name in scope.variables && name !== 'copy')
    return remembered(scope, `v:${name}`, () => evaluateValue(scope.variables[name], scope, depth + 1));
  const loops = scope.variables.copy;
  const loop = Array.isArray(loops) ? loops.find((entry) => get(entry, 'name') === name) : undefined;
  return isObject(loop) ? copied(loop, scope, depth + 1) : undefined;
}

/**
 * Parameters' defaults and variables, evaluated once per scope. A template whose variables each
 * name the one before twice (`concat(variables('v1'), variables('v1'))`) would otherwise cost
 * 2^n evaluations: a file crafted so could stall a scan. An Unknown is kept too (kept out, it
 * would be evaluated anew at each reference past the size bounds below): so a variable first
 * reached near the depth bound stays unknown where a shallower reference might have known it,
 * which no real template's chain of some thirty variables comes near.
 */
function remembered(scope: TemplateScope, key: string, evaluateOnce: () => unknown): unknown {
  let values = REMEMBERED.get(scope);
  if (!values) {
    values = new Map();
    REMEMBERED.set(scope, values);
  }
  if (values.has(key)) return values.get(key);
  const value = evaluateOnce();
  values.set(key, value);
  return value;
}

const REMEMBERED = new WeakMap<TemplateScope, Map<string, unknown>>();

/** `copyIndex()`, `copyIndex(offset)`, `copyIndex('loop')`, `copyIndex('loop', offset)`. */
function copyIndex(values: readonly unknown[], scope: TemplateScope): number | undefined {
  const [first, second] = values;
  const loop =
    typeof first === 'string'
      ? scope.copies?.find((copy) => copy.name.toLowerCase() === first.toLowerCase())
      : scope.copies?.[0];
  if (!loop) return undefined;
  const offset = typeof first === 'number' ? first : typeof second === 'number' ? second : 0;
  return loop.index + offset;
}
