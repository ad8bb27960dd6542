import { createRequire } from 'node:module';
import type { ParseError } from 'jsonc-parser';

const require = createRequire(import.meta.url);

export interface JsonSyntaxProblem {
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

/**
 * Explains why JSON.parse rejected a text, with line and column. V8 names the position for
 * some errors only ("Unexpected token '}'" has none), so the text is parsed again with a
 * tolerant parser that reports the offset of the first error. Runs on the error path only.
 */
export function locateJsonError(text: string, v8Message: string): JsonSyntaxProblem {
  // Required here, not imported: only a file with a JSON error needs the tolerant parser.
  const { parse, printParseErrorCode } = require('jsonc-parser') as typeof import('jsonc-parser');
  const errors: ParseError[] = [];
  try {
    parse(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  } catch (error) {
    // The tolerant parser recurses per nesting level: thousands of unclosed brackets overflow
    // its stack. V8's message then gives the position, when it has one.
    if (!(error instanceof RangeError)) throw error;
    return fromV8Message(text, v8Message);
  }
  const first = errors[0];
  const offset = first?.offset ?? text.length;
  const { line, column } = lineAndColumn(text, offset);
  const reason = first ? describe(printParseErrorCode(first.error)) : v8Message;
  return { line, column, message: `invalid JSON: ${reason}` };
}

function fromV8Message(text: string, v8Message: string): JsonSyntaxProblem {
  const at = /\(line (\d+) column (\d+)\)/.exec(v8Message);
  const { line, column } = at
    ? { line: Number(at[1]), column: Number(at[2]) }
    : lineAndColumn(text, text.length);
  const reason = /end of JSON input/.test(v8Message)
    ? 'unexpected end of the file (arrays or objects not closed)'
    : v8Message.replace(/ in JSON at position.*/, '');
  return { line, column, message: `invalid JSON: ${reason}` };
}

export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

const DESCRIPTIONS: Record<string, string> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'malformed number',
  PropertyNameExpected: 'expected a property name in double quotes',
  ValueExpected: 'expected a value',
  ColonExpected: "expected ':'",
  CommaExpected: "expected ','",
  CloseBraceExpected: "expected '}' (object not closed)",
  CloseBracketExpected: "expected ']' (array not closed)",
  EndOfFileExpected: 'unexpected content after the end of the JSON document',
  InvalidCommentToken: 'comments are not allowed in JSON',
  UnexpectedEndOfComment: 'unterminated comment',
  UnexpectedEndOfString: 'unterminated string',
  UnexpectedEndOfNumber: 'unterminated number',
  InvalidUnicode: 'invalid unicode escape',
  InvalidEscapeCharacter: 'invalid escape character',
  InvalidCharacter: 'invalid character in string',
};

function describe(code: string): string {
  return DESCRIPTIONS[code] ?? code;
}
