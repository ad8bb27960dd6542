import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { SubscriptionScan } from './scope.ts';

/**
 * `--save-inventory DIR`: what an Azure scan pulled, as the offline readers read it back:
 * each Resource Graph page as `az graph query -o json` prints it, and a subscription's ARM
 * bodies as one list body `{value: [...]}` per kind (`diagnostic-settings-<id>.json`, …).
 */
export class AzureInventoryWriter {
  readonly #dir: string;
  #pages = 0;

  constructor(dir: string) {
    this.#dir = path.join(dir, 'azure');
  }

  async graphPage(
    table: string,
    response: { totalRecords: number; count: number; skipToken?: string },
    rows: readonly unknown[],
  ): Promise<void> {
    const n = ++this.#pages;
    await this.#write(`graph-${table}-${String(n).padStart(5, '0')}.json`, {
      count: response.count,
      data: rows,
      skip_token: response.skipToken ?? null,
      total_records: response.totalRecords,
    });
  }

  async armBodies(scan: SubscriptionScan): Promise<void> {
    for (const [file, items] of scan.bodies) {
      // A listing a call of which failed is not the subscription's whole listing: named apart.
      const name = scan.incomplete.has(file) ? `${file}-incomplete` : file;
      await this.#write(`${name}-${scan.id}.json`, { value: items });
    }
  }

  async #write(file: string, document: unknown): Promise<void> {
    await mkdir(this.#dir, { recursive: true });
    await writeFile(path.join(this.#dir, file), `${JSON.stringify(document)}\n`);
  }
}
