import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Where a `resource "type" "name"` block is declared. The plan JSON carries no source
 * positions, so the `.tf` files are read when they sit beside the plan (the usual CI layout:
 * `terraform show -json plan.out > plan.json` in the root module's directory); local module
 * sources (`./modules/x`) are followed from there. Registry modules are not on disk: their
 * resources get no declaration.
 */
export class Declarations {
  readonly #byDir = new Map<string, Map<string, { file: string; line: number }>>();

  readonly #rootDir: string;

  constructor(rootDir: string) {
    this.#rootDir = rootDir;
  }

  find(
    moduleSources: readonly string[],
    type: string,
    name: string,
  ): { file: string; line: number } | undefined {
    let dir = this.#rootDir;
    for (const source of moduleSources) {
      if (!source.startsWith('./') && !source.startsWith('../')) return undefined;
      dir = path.join(dir, source);
    }
    const found = this.#index(dir).get(`${type}.${name}`);
    return found ? { file: path.normalize(found.file), line: found.line } : undefined;
  }

  #index(dir: string): Map<string, { file: string; line: number }> {
    let index = this.#byDir.get(dir);
    if (index) return index;
    index = new Map();
    this.#byDir.set(dir, index);
    let names: string[];
    try {
      names = readdirSync(dir)
        .filter((name) => name.endsWith('.tf'))
        .sort();
    } catch {
      return index;
    }
    for (const name of names) {
      const file = path.join(dir, name);
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch {
        continue;
      }
      text.split(/\r?\n/).forEach((line, i) => {
        const match = RESOURCE_BLOCK.exec(line);
        if (match && !index!.has(`${match[1]}.${match[2]}`)) {
          index!.set(`${match[1]}.${match[2]}`, { file, line: i + 1 });
        }
      });
    }
    return index;
  }
}

const RESOURCE_BLOCK = /^\s*resource\s+"([\w-]+)"\s+"([\w-]+)"/;
