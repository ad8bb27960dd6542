import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll } from 'vitest';
import type { Fact } from '../../src/model/fact.ts';
import type { Resource } from '../../src/model/resource.ts';
import { readInput } from '../../src/sources/read-inputs.ts';

/**
 * Input files written into a temporary folder (made before the test file's tests, named after
 * `prefix`) and read as the scan reads them (`readInput`: the format recognised, ZIP archives
 * opened), with the resources each emits.
 */
export function tempInputs(prefix: string) {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), prefix));
  });
  /** A path in the folder. */
  const pathOf = (name: string) => path.join(dir, name);
  return {
    pathOf,
    /** Writes `data` as `name` in the folder and reads it. */
    async read(name: string, data: string | Buffer, options: Parameters<typeof readInput>[2] = {}) {
      const file = pathOf(name);
      await writeFile(file, data);
      const resources: Resource<Record<string, Fact<unknown> | undefined>>[] = [];
      const files = await readInput(
        file,
        (resource) => resources.push(resource as (typeof resources)[number]),
        options,
      );
      return { file, files, resources };
    },
  };
}
