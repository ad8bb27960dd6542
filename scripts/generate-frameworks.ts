// Writes the built-in frameworks (policies/*.yaml) as data, policies/parsed/NAME.generated.json:
// parsing the YAML (and loading the YAML library) was about a quarter of a small scan's CPU.
// Each file is the framework exactly as the YAML reader gives it after every check, with the
// hash of the YAML text (yamlHash); loadFramework uses it only while the YAML is that text, so an edited
// framework is read as YAML until this runs again. `npm run frameworks` and `npm run build` run
// it; tests/frameworks/parsed.test.ts fails when a framework changed and this was not run.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { readFrameworkYaml } from '../src/frameworks/framework-yaml.ts';
import { PARSED_DIR, type ParsedFramework, POLICIES_DIR, yamlHash } from '../src/frameworks/load.ts';

/** The text of each parsed framework, by path. */
export function generateParsedFrameworks(): Map<string, string> {
  const files = new Map<string, string>();
  for (const name of readdirSync(POLICIES_DIR)
    .filter((f) => f.endsWith('.yaml'))
    .sort()) {
    const file = path.join(POLICIES_DIR, name);
    const text = readFileSync(file, 'utf8');
    const framework = readFrameworkYaml(file, text);
    // JSON holds what this framework's YAML gave (no dates, no infinities): checked, not assumed.
    if (!isDeepStrictEqual(JSON.parse(JSON.stringify(framework)), framework)) {
      throw new Error(`${file}: its data does not survive JSON (a date or a non-finite number?)`);
    }
    const parsed: ParsedFramework = {
      generatedBy: `scripts/generate-frameworks.ts from policies/${name}: do not edit, run \`npm run frameworks\``,
      yamlHash: yamlHash(text),
      framework,
    };
    files.set(
      path.join(PARSED_DIR, name.replace(/\.yaml$/, '.generated.json')),
      `${JSON.stringify(parsed)}\n`,
    );
  }
  return files;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const [file, text] of generateParsedFrameworks()) writeFileSync(file, text);
}
