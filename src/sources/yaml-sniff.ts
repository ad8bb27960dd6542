import path from 'node:path';

const YAML_NAME = /\.ya?ml(?:\.gz)?$/i;

/** Whether the file's name says YAML (`.yaml`, `.yml`, gzipped or not). */
export function isYamlFileName(file: string): boolean {
  return YAML_NAME.test(path.basename(file));
}

/**
 * Whether a text without a YAML name starts as a CLI's YAML does, once comments and blank lines
 * are passed: a document marker (`---`, gcloud's list), a block sequence item (`- `, `az … list`,
 * `--output yaml-stream`) or a mapping key (`name: …`, a describe). Asked only once no text format
 * took the file's first line, so a CSV header or the AWS CLI's error text is never taken for YAML.
 */
export function looksLikeYaml(head: string): boolean {
  const line = withoutColor(head)
    .split(/\r?\n/)
    .find((text) => text.trim() !== '' && !text.startsWith('#') && !text.startsWith('%'));
  return line !== undefined && YAML_START.test(line);
}

const YAML_START = /^(?:---(?:\s|$)|- |-$|[A-Za-z_][\w.\-/@]*:(?:\s|$))/;

/**
 * `az … -o yamlc` colours its YAML with terminal escapes (pygments) when it writes to a terminal,
 * and so does a terminal's transcript (`script`, a copied console log). YAML has no place for the
 * escape character, so the colour codes are taken out and the YAML read.
 */
export function withoutColor(text: string): string {
  return text.includes('\x1b[') ? text.replace(COLOR_CODE, '') : text;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: the escape character is what is matched
const COLOR_CODE = /\x1b\[[0-9;]*m/g;
