import { InputError } from '../base/input-error.ts';
import type { Framework } from './framework.ts';
import { validateFramework } from './framework.validate.generated.js';
import { frameworkFromRaw, frameworkProblem, type RawFramework } from './framework-data.ts';
import { readValidatedYaml } from './yaml-file.ts';

/**
 * A framework's YAML read and checked: the schema, then what a schema cannot say (unique
 * requirement ids, cited documents that exist, check ids kansa knows). Every error names the
 * file and line. This module loads the YAML library: loadFramework imports it only for a file
 * that has no parsed form (policies/parsed/, written at build time).
 */
export function readFrameworkYaml(file: string, text: string): RawFramework {
  const { data, lineOf } = readValidatedYaml<RawFramework>(file, text, validateFramework);
  const problem = frameworkProblem(data);
  if (problem) throw new InputError(file, problem.message, { line: lineOf(problem.at) });
  return data;
}

/** Parses and validates framework YAML; every error names the file and line. */
export function parseFramework(file: string, text: string): Framework {
  return frameworkFromRaw(file, readFrameworkYaml(file, text));
}
