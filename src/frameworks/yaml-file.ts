import type { ErrorObject } from 'ajv';
import { type Alias, type Document, isAlias, isNode, LineCounter, parseDocument, visit } from 'yaml';
import { InputError } from '../base/input-error.ts';

/** A YAML file validated against its JSON Schema, and a way to name the line of any value in it. */
export interface ValidatedYaml<T> {
  readonly data: T;
  /** The line of the value at a path (the deepest existing parent when the path does not exist). */
  lineOf(path: readonly (string | number)[]): number;
}

/** A JSON Schema validator as ajv compiles it (here: ajv standalone code, generated from the schema). */
export interface SchemaValidator {
  (data: unknown): boolean;
  readonly errors?: ErrorObject[] | null;
}

/**
 * Parses YAML and validates it with a compiled JSON Schema; a syntax or schema error is an
 * InputError naming the file, the line and what was expected.
 */
export function readValidatedYaml<T>(
  file: string,
  text: string,
  validate: SchemaValidator,
): ValidatedYaml<T> {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const syntaxError = doc.errors[0];
  if (syntaxError) {
    const at = lines.linePos(syntaxError.pos[0]);
    throw new InputError(file, `invalid YAML: ${syntaxError.message.split('\n')[0]}`, {
      line: at.line,
      column: at.col,
    });
  }
  let data: unknown;
  try {
    data = doc.toJS();
  } catch (error) {
    // yaml refuses aliases that expand exponentially ("billion laughs") with a ReferenceError.
    if (!(error instanceof ReferenceError) || !/alias/i.test(error.message)) throw error;
    throw new InputError(file, 'invalid YAML: aliases expand too far (an alias bomb); write the values out', {
      line: aliasBombLine(doc, lines),
    });
  }
  const lineOf = (path: readonly (string | number)[]) => lineAt(doc, lines, path);
  if (!validate(data)) {
    const error = (validate.errors ?? [])[0] as ErrorObject;
    const where = error.instancePath.split('/').slice(1).map(decodePointer);
    if (error.keyword === 'additionalProperties') {
      where.push((error.params as { additionalProperty: string }).additionalProperty);
    }
    throw new InputError(file, describeSchemaError(error), { line: lineOf(where) });
  }
  return { data: data as T, lineOf };
}

/** The line of the first alias that refers to a collection holding aliases itself: where the expansion multiplies. */
function aliasBombLine(doc: Document, lines: LineCounter): number {
  const aliases: Alias[] = [];
  visit(doc, {
    Alias(_, node) {
      aliases.push(node);
    },
  });
  const nested = aliases.find((alias) => {
    let holdsAlias = false;
    const target = alias.resolve(doc);
    if (target && !isAlias(target)) {
      visit(target, {
        Alias() {
          holdsAlias = true;
          return visit.BREAK;
        },
      });
    }
    return holdsAlias;
  });
  const at = (nested ?? aliases[0])?.range?.[0];
  return at === undefined ? 1 : lines.linePos(at).line;
}

function lineAt(doc: Document, lines: LineCounter, path: readonly (string | number)[]): number {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth), true);
    if (isNode(node) && node.range) return lines.linePos(node.range[0]).line;
  }
  return 1;
}

function decodePointer(segment: string): string | number {
  const text = segment.replace(/~1/g, '/').replace(/~0/g, '~');
  return /^\d+$/.test(text) ? Number(text) : text;
}

function describeSchemaError(error: ErrorObject): string {
  const at = error.instancePath ? `${error.instancePath.slice(1).replace(/\//g, '.')}: ` : '';
  switch (error.keyword) {
    case 'additionalProperties':
      return `${at}unknown key "${(error.params as { additionalProperty: string }).additionalProperty}"`;
    case 'required':
      return `${at}missing required key "${(error.params as { missingProperty: string }).missingProperty}"`;
    case 'pattern':
      return `${at}"${String(error.data)}" does not match ${(error.params as { pattern: string }).pattern}`;
    case 'enum':
      return `${at}expected one of ${(error.params as { allowedValues: unknown[] }).allowedValues.join(', ')}`;
    default:
      return `${at}${error.message ?? 'invalid value'}`;
  }
}
