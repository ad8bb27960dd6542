import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { compareText } from '../../base/compare-text.ts';
import { fileHead, readJsonFile, toUtf8 } from '../input-bytes.ts';
import { get, isObject, type JsonObject } from './arm-record.ts';
import { Unknown } from './template-expression.ts';

/**
 * Template parameter files (`deploymentParameters.json`: `{"parameters": {"name": {"value": …}}}`)
 * applied to the template they go with, as `az deployment group create --template-file X.json
 * --parameters @X.parameters.json` applies them. Which template a file goes with is read from the
 * folder both are in, by the conventions Azure's own tools and samples follow:
 * - `X.parameters.json` beside `X.json`: Azure Quickstart Templates (`azuredeploy.json` with
 *   `azuredeploy.parameters.json`, `prereqs/prereq.azuredeploy.parameters.json`), azd's
 *   `main.parameters.json`, Visual Studio's resource group projects;
 * - a parameter file's `metadata.template` naming the template beside it (PSRule for Azure's link:
 *   `Resources.Storage.Parameters.json` → `./Resources.Storage.Template.json`), before any name;
 * - else the one parameter file of a folder with one template: the portal's "Export template"
 *   download (`template.json`, `parameters.json`), a Quickstart Bicep sample built to `main.json`
 *   beside its `azuredeploy.parameters.json`.
 * Any other arrangement is not guessed at (two templates, or several parameter files none named
 * after the template: `X.parameters.dev.json` and `X.parameters.prod.json`, the Quickstart
 * `azuredeploy.parameters.us.json` for US Government): the template keeps its defaults and the
 * parameter file says why it was not applied. The folder is read on disk: a template in a ZIP
 * archive, whose name is a label and nothing beside it is read, keeps its defaults.
 */

/** A parameter file as the template reader uses it: its name beside the template, and its parameters. */
export interface ParameterFile {
  readonly name: string;
  readonly parameters: JsonObject;
}

/** What a folder's templates and parameter files are to each other. */
interface Folder {
  readonly templates: readonly string[];
  readonly parameterFiles: readonly string[];
  /** Template → its parameter file. */
  readonly pairs: ReadonlyMap<string, string>;
  /** Parameter file → the template its `metadata.template` names (PSRule's link), relative to the folder. */
  readonly links: ReadonlyMap<string, string>;
}

/** The `$schema` of a template at any scope, and of a parameter file, as a file begins with it. */
const TEMPLATE_SCHEMA_IN_HEAD = /"\$schema"\s*:\s*"[^"]*deploymentTemplate\.json#?"/i;
const PARAMETERS_SCHEMA_IN_HEAD = /"\$schema"\s*:\s*"[^"]*\/deploymentParameters\.json#?"/i;
/** `$schema` is a template's first member in what the portal, az and Bicep write. */
const HEAD_BYTES = 4096;
/** ARM refuses a parameter file or a template over 4 MB; an exported template may be larger, and is read up to 64 MiB. */
const MAX_PARAMETER_FILE_BYTES = 4 << 20;
const MAX_TEMPLATE_BYTES = 64 << 20;

/** A parameter file's document: a `parameters` object beside the parameters schema. */
export function isParameterFile(document: unknown): document is { parameters: JsonObject } {
  return isObject(document) && isObject(document.parameters);
}

/** The parameter file that goes with the template `file`, read; undefined: none does. */
export function parameterFileOf(file: string): ParameterFile | undefined {
  const folder = folderOf(path.dirname(file));
  const name = folder.pairs.get(path.basename(file));
  if (name === undefined) return undefined;
  const document = readJsonFile(path.join(path.dirname(file), name), MAX_PARAMETER_FILE_BYTES);
  return isParameterFile(document) ? { name, parameters: document.parameters } : undefined;
}

/**
 * The template a parameter file goes with, with the parameters it declares (undefined when it
 * cannot be read: its own reading says why), or why it goes with none (a clause).
 */
export function templateFileOf(
  file: string,
): { template: string; declared: JsonObject | undefined } | { why: string } {
  const dir = path.dirname(file);
  const folder = folderOf(dir);
  const name = path.basename(file);
  const template = [...folder.pairs].find(([, parameters]) => parameters === name)?.[0];
  if (template !== undefined) {
    const document = readJsonFile(path.join(dir, template), MAX_TEMPLATE_BYTES);
    const declared = get(get(document, 'template') ?? document, 'parameters');
    return { template, declared: isObject(declared) ? declared : undefined };
  }
  const link = folder.links.get(name);
  if (link !== undefined)
    return {
      why: folder.templates.some((t) => t.toLowerCase() === link.toLowerCase())
        ? `another parameter file beside it names the same template, ${link}, in its metadata.template`
        : `its metadata.template names ${link}, which is no template beside it`,
    };
  const forBicep = bicepFileOf(name, dir);
  if (forBicep)
    return {
      why: `it goes with ${forBicep}, which kansa does not read: scan the template az bicep build writes from it, with this file beside it named <template>.parameters.json`,
    };
  if (folder.templates.length === 0) return { why: 'no template beside it' };
  if (folder.templates.every((t) => folder.pairs.has(t)))
    return {
      why: `the templates beside it have their own (${[...folder.pairs].map(([t, p]) => `${t}: ${p}`).join(', ')})`,
    };
  return {
    why: `which template beside it it goes with is not clear (templates ${folder.templates.join(', ')}; parameter files ${folder.parameterFiles.join(', ')}): name it <template>.parameters.json`,
  };
}

/**
 * The values a parameter file gives the template's parameters, for the expression evaluator
 * (`TemplateScope.passed`), and the parameters it cannot give, each with why. What the
 * deployment alone knows is an Unknown: a Key Vault reference, a secure parameter's value (a
 * secret kansa has no use for, kept out of every name and message), a Quickstart CI placeholder
 * (`GEN-UNIQUE`, `GEN-PASSWORD`, `GET-PREREQ-…`), and a value ARM would refuse (of another
 * type, or outside `allowedValues`). A parameter the template does not declare is refused by
 * ARM too ("not present in the original template"): it is reported, and the rest applied.
 */
export function parameterValues(
  declared: JsonObject,
  given: JsonObject,
): { passed: Map<string, unknown>; problems: { name: string; problem: string }[] } {
  const passed = new Map<string, unknown>();
  const problems: { name: string; problem: string }[] = [];
  const declaredNames = new Map(Object.keys(declared).map((name) => [name.toLowerCase(), name]));
  for (const [givenName, entry] of Object.entries(given)) {
    const name = declaredNames.get(givenName.toLowerCase());
    if (name === undefined) {
      problems.push({
        name: givenName,
        problem: `parameter ${givenName}: the template declares no such parameter (a deployment with this file is refused): not applied`,
      });
      continue;
    }
    const declaration = isObject(declared[name]) ? declared[name] : {};
    const type = typeof declaration.type === 'string' ? declaration.type.toLowerCase() : '';
    const unknown = new Unknown(`{${name}}`);
    if (isObject(entry) && isObject(entry.reference)) {
      passed.set(name, unknown);
      continue;
    }
    if (!isObject(entry) || !('value' in entry)) {
      passed.set(name, unknown);
      problems.push({
        name: givenName,
        problem: `parameter ${name}: neither a value nor a Key Vault reference: read as unknown`,
      });
      continue;
    }
    const value = entry.value;
    if (type.startsWith('secure') || (typeof value === 'string' && CI_PLACEHOLDER.test(value))) {
      passed.set(name, unknown);
      continue;
    }
    const expected = JSON_TYPE[type];
    // Bicep's optional parameters (`param tier string?`) are declared `nullable`: null is theirs.
    const allowedNull = value === null && declaration.nullable === true;
    if (expected && !allowedNull && jsonTypeOf(value) !== expected) {
      passed.set(name, unknown);
      problems.push({
        name: givenName,
        problem: `parameter ${name}: a ${jsonTypeOf(value)} where the template declares ${String(declaration.type)} (a deployment with this file is refused): read as unknown`,
      });
      continue;
    }
    const allowed = declaration.allowedValues;
    if (Array.isArray(allowed) && !allowed.some((option) => sameValue(option, value))) {
      passed.set(name, unknown);
      problems.push({
        name: givenName,
        problem: `parameter ${name}: its value is not one of the template's allowedValues (a deployment with this file is refused): read as unknown`,
      });
      continue;
    }
    passed.set(name, value);
  }
  return { passed, problems };
}

/**
 * Azure Quickstart Templates' CI placeholders (1-CONTRIBUTION-GUIDE: `GEN-UNIQUE`, `GEN-UNIQUE-8`,
 * `GEN-PASSWORD`, `GEN-SSH-PUB-KEY`, `GEN-GUID`, `GEN-VNET-NAME`, `GET-PREREQ-<output>`): the
 * test deployment puts its own values there.
 */
const CI_PLACEHOLDER = /^(?:GEN-[A-Z0-9-]+|GET-PREREQ-.+)$/;

/** A parameter's declared type → the JSON type of a value ARM takes for it. */
const JSON_TYPE: Readonly<Record<string, string>> = {
  string: 'string',
  int: 'integer',
  bool: 'boolean',
  object: 'object',
  array: 'array',
};

function jsonTypeOf(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (value === null) return 'null';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function sameValue(a: unknown, b: unknown): boolean {
  // ARM compares allowed strings case-insensitively.
  if (typeof a === 'string' && typeof b === 'string') return a.toLowerCase() === b.toLowerCase();
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * A folder as `readFolder` reads it, once per scan: each template and parameter file of it asks,
 * and a folder of a thousand exported templates would otherwise be read a thousand times. Kept
 * while the folder's modification time is the same (a file added, removed or renamed changes it),
 * for the last few folders.
 */
function folderOf(dir: string): Folder {
  const modified = modifiedAt(dir);
  const known = FOLDERS.get(dir);
  if (known && known.modified === modified) return known.folder;
  const folder = readFolder(dir);
  FOLDERS.delete(dir);
  FOLDERS.set(dir, { modified, folder });
  if (FOLDERS.size > MAX_FOLDERS) FOLDERS.delete(FOLDERS.keys().next().value!);
  return folder;
}

const FOLDERS = new Map<string, { readonly modified: number; readonly folder: Folder }>();
const MAX_FOLDERS = 16;

function modifiedAt(dir: string): number {
  try {
    return statSync(dir).mtimeMs;
  } catch {
    return Number.NaN;
  }
}

/** The templates and parameter files of a folder, told by the `$schema` each begins with, and their pairs. */
function readFolder(dir: string): Folder {
  let names: string[];
  try {
    names = readdirSync(dir, { withFileTypes: true })
      .filter((entry) => entry.isFile() && /\.json$/i.test(entry.name))
      .map((entry) => entry.name)
      .sort(compareText);
  } catch {
    return { templates: [], parameterFiles: [], pairs: new Map(), links: new Map() };
  }
  const templates: string[] = [];
  const parameterFiles: string[] = [];
  const linked = new Map<string, string>();
  for (const name of names) {
    const head = toUtf8(fileHead(path.join(dir, name), HEAD_BYTES)).toString('utf8');
    if (TEMPLATE_SCHEMA_IN_HEAD.test(head)) templates.push(name);
    else if (PARAMETERS_SCHEMA_IN_HEAD.test(head)) {
      const document = readJsonFile(path.join(dir, name), MAX_PARAMETER_FILE_BYTES);
      if (!isParameterFile(document)) continue;
      parameterFiles.push(name);
      const link = get(get(document, 'metadata'), 'template');
      if (typeof link === 'string') linked.set(name, path.relative(dir, path.resolve(dir, link)));
    }
  }
  const pairs = new Map<string, string>();
  for (const template of templates) {
    const links = [...linked].filter(([, target]) => target.toLowerCase() === template.toLowerCase());
    const named = `${template.slice(0, -'.json'.length)}.parameters.json`.toLowerCase();
    // A link names the template outright; one template linked by two files is not guessed at.
    const parameters =
      links.length > 0
        ? links.length === 1
          ? links[0]![0]
          : undefined
        : parameterFiles.find((file) => file.toLowerCase() === named && !linked.has(file));
    if (parameters) pairs.set(template, parameters);
  }
  const [only] = templates;
  const unclaimed = parameterFiles.filter((file) => !bicepFileOf(file, dir) && !linked.has(file));
  if (templates.length === 1 && only && !pairs.has(only) && parameterFiles.length === 1 && unclaimed[0])
    pairs.set(only, unclaimed[0]);
  return { templates, parameterFiles, pairs, links: linked };
}

/** The Bicep file beside a parameter file named after it (`main.parameters.json` of `main.bicep`), if any. */
function bicepFileOf(name: string, dir: string): string | undefined {
  const base = /^(.+?)\.parameters(?:\.[^.]+)?\.json$/i.exec(name)?.[1];
  if (base === undefined) return undefined;
  try {
    return readdirSync(dir).find((sibling) => sibling.toLowerCase() === `${base.toLowerCase()}.bicep`);
  } catch {
    return undefined;
  }
}
