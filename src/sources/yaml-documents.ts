import {
  Composer,
  type Document,
  type ErrorCode,
  isScalar,
  LineCounter,
  Parser,
  type ScalarTag,
  type Tags,
  type YAMLError,
} from 'yaml';
import { InputError } from '../base/input-error.ts';
import { withoutColor } from './yaml-sniff.ts';

/**
 * YAML input: what the clouds' CLIs print with `gcloud … describe` / `list` (YAML is gcloud's
 * default), `az … -o yaml` and `aws … --output yaml | yaml-stream`. Each document is the value
 * the same command's JSON output holds, and goes to the same document formats.
 *
 * The emitters: gcloud's YAML printer (ruamel.yaml, YAML 1.2, in older releases PyYAML, 1.1),
 * the Azure CLI (PyYAML `safe_dump`, YAML 1.1) and the AWS CLI v2 (ruamel.yaml). Each quotes a
 * string that its own schema would read as something else (`'123456'`, `'2024-07-01T09:35:27Z'`,
 * `'on'` from PyYAML), and writes every number the way JSON does (`1000`, `1.5`, `1.0e+20`,
 * gcloud's floats as `3` or `1e+10`). So the file is read with YAML 1.2's core schema, which
 * gives what the JSON output gives, except where a YAML 1.1 emitter leaves a string plain that
 * the core schema would read as an integer: `0o17` (an octal in 1.2 only) and `089` (digits
 * after a leading zero, no octal in 1.1, where PyYAML does not quote them): no emitter writes
 * an integer so, and they are read as the strings they are. `!!binary` (the AWS CLI's blobs,
 * which its JSON output gives in base64) is read as that base64 text; `!!float '3'` as 3.
 * Imported only when a file is YAML (read-inputs.ts): a scan of JSON exports never loads the
 * YAML library. Which files are YAML is told by yaml-sniff.ts.
 */

/** A document of the stream, and the line it starts on. */
export interface YamlDocument {
  readonly value: unknown;
  readonly line: number;
}

/**
 * The documents of a YAML stream, in order, empty ones (a closing `---`) left out. A syntax
 * error is an InputError at its line and column, described by its kind: the yaml library's own
 * message quotes the lines around it, which may hold a secret. Each document's syntax tree is
 * dropped once its value is read: a gcloud list of 10,000 resources is 10,000 documents, and
 * their trees together take twice the memory of the values.
 */
export function parseYamlDocuments(file: string, text: string, sniffed: boolean): YamlDocument[] {
  const lines = new LineCounter();
  const composer = new Composer({ customTags: jsonLikeTags });
  const documentsRead: YamlDocument[] = [];
  for (const document of composer.compose(new Parser(lines.addNewLine).parse(withoutColor(text)))) {
    const error = document.errors[0];
    if (error) throw syntaxError(file, error, lines, sniffed);
    // A `---` with nothing after it (a stream closed by one, a file of comments only) is no document.
    const { contents } = document;
    if (contents === null || (isScalar(contents) && contents.value === null && !contents.source)) continue;
    const line = lines.linePos(contents.range?.[0] ?? 0).line;
    documentsRead.push({ value: documentValue(file, document, line), line });
  }
  return documentsRead;
}

function documentValue(file: string, document: Document, line: number): unknown {
  try {
    return document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    // yaml refuses aliases that expand exponentially ("billion laughs") with a ReferenceError.
    if (!(error instanceof ReferenceError) || !/alias/i.test(error.message)) throw error;
    throw new InputError(file, 'invalid YAML: aliases expand too far (an alias bomb); write the values out', {
      line,
    });
  }
}

/** PyYAML writes an anchor and aliases where one object is reached twice: a few, never thousands. */
const MAX_ALIAS_COUNT = 1000;

function syntaxError(file: string, error: YAMLError, lines: LineCounter, sniffed: boolean): InputError {
  const { line, col } = lines.linePos(error.pos[0]);
  const what = SYNTAX_ERRORS[error.code];
  // A file named .yaml is YAML; another was taken for YAML by its first line, and may be neither.
  return sniffed
    ? new InputError(file, `the file is neither JSON, a known text export nor valid YAML (${what})`, {
        line,
        column: col,
      })
    : new InputError(file, `invalid YAML: ${what}`, { line, column: col });
}

/** Each kind of syntax error in the words of the person who fixes the file, without the file's text. */
const SYNTAX_ERRORS: Readonly<Record<ErrorCode, string>> = {
  ALIAS_PROPS: 'an alias with a tag or anchor',
  BAD_ALIAS: 'an alias to an anchor not set before it',
  BAD_COLLECTION_TYPE: 'a tag that does not fit its collection',
  BAD_DIRECTIVE: 'a malformed directive',
  BAD_DQ_ESCAPE: 'an invalid escape in a double-quoted string',
  BAD_INDENT: 'a line indented wrongly',
  BAD_PROP_ORDER: 'a tag or anchor in the wrong place',
  BAD_SCALAR_START: 'a plain value starting with a reserved character',
  BLOCK_AS_IMPLICIT_KEY: 'a nested mapping where a key was expected',
  BLOCK_IN_FLOW: 'a block collection inside brackets',
  DUPLICATE_KEY: 'a key repeated in one mapping',
  IMPOSSIBLE: 'an unreadable construct',
  KEY_OVER_1024_CHARS: 'a key longer than 1024 characters',
  MISSING_CHAR: 'a missing character (a colon, comma or closing quote or bracket)',
  MULTILINE_IMPLICIT_KEY: 'a key over several lines (an unquoted text with a colon in it?)',
  MULTIPLE_ANCHORS: 'two anchors on one value',
  MULTIPLE_DOCS: 'a second document without a --- line',
  MULTIPLE_TAGS: 'two tags on one value',
  NON_STRING_KEY: 'a key that is not a string',
  RESOURCE_EXHAUSTION: 'values nested too deeply to read',
  TAB_AS_INDENT: 'a tab used for indentation',
  TAG_RESOLVE_FAILED: 'a tagged value that does not fit its tag',
  UNEXPECTED_TOKEN: 'an unexpected character',
};

/**
 * The schema's tags as the CLIs' output needs them (see the module comment): no `0o` octal,
 * integers without a leading zero, and explicit `!!float`, `!!int`, `!!binary` tags resolved
 * whatever their value's style. A document under `%YAML 1.1` (gcloud's
 * `--format='yaml(version=1.1)'`) gets YAML 1.1's schema, whose booleans (`yes`, `on`) are right
 * for it, but not its timestamps: a time stays the text the JSON output holds, not a Date.
 */
function jsonLikeTags(tags: Tags): Tags {
  const kept: Tags = [];
  for (const tag of tags) {
    if (typeof tag === 'string' || (tag.tag !== INT && tag.tag !== TIMESTAMP)) kept.push(tag);
    else if (tag.tag === INT && tag.format === undefined)
      kept.push({ ...(tag as ScalarTag), test: DECIMAL_INTEGER });
  }
  return [...EXPLICIT_TAGS, ...kept];
}

const INT = 'tag:yaml.org,2002:int';
const TIMESTAMP = 'tag:yaml.org,2002:timestamp';
const DECIMAL_INTEGER = /^-?(?:0|[1-9][0-9]*)$/;

/** Tags without a test: used only when a value names them (`!!float '3'`), never guessed. */
const EXPLICIT_TAGS: ScalarTag[] = [
  {
    tag: 'tag:yaml.org,2002:float',
    resolve: (text) => SPECIAL_FLOATS[text.toLowerCase()] ?? Number(text.replaceAll('_', '')),
  },
  { tag: INT, resolve: (text) => Number(text.replaceAll('_', '')) },
  // The AWS CLI's JSON output gives a blob in base64 on one line; its YAML output wraps it.
  { tag: 'tag:yaml.org,2002:binary', resolve: (text) => text.replace(/\s+/g, '') },
];

const SPECIAL_FLOATS: Readonly<Record<string, number>> = {
  '.inf': Number.POSITIVE_INFINITY,
  '+.inf': Number.POSITIVE_INFINITY,
  '-.inf': Number.NEGATIVE_INFINITY,
  '.nan': Number.NaN,
};
