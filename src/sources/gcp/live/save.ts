import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * `--save-inventory DIR`: what one scope's listing pulled, written as `gcloud asset export`
 * NDJSON (`DIR/gcp/<scope>-resource[-<group>].json`, `DIR/gcp/<scope>-iam-policy.json`), which the
 * offline `gcp-asset-export` reader reads back. Lines are written as pages arrive. A file of a
 * single line would not be recognised as NDJSON by the offline reader, so a lone record is
 * written as a one-item JSON array (read back as `gcp-asset-list`, with the same result).
 */
export class ExportFileWriter {
  private readonly path: string;
  private first: string | undefined;
  private stream: WriteStream | undefined;
  private count = 0;

  constructor(dir: string, scope: string, content: string) {
    this.path = join(dir, 'gcp', `${scope.replaceAll('/', '-')}-${content}.json`);
  }

  async write(record: object): Promise<void> {
    const line = JSON.stringify(record);
    this.count++;
    if (this.count === 1) {
      this.first = line;
      return;
    }
    if (!this.stream) {
      await mkdir(join(this.path, '..'), { recursive: true });
      this.stream = createWriteStream(this.path);
      this.stream.write(`${this.first}\n`);
      this.first = undefined;
    }
    if (!this.stream.write(`${line}\n`)) await once(this.stream, 'drain');
  }

  /** Finishes the file (none when nothing was pulled). */
  async close(): Promise<void> {
    if (this.stream) {
      const stream = this.stream;
      await new Promise<void>((resolve, reject) =>
        stream.end((error?: Error | null) => (error ? reject(error) : resolve())),
      );
    } else if (this.first !== undefined) {
      await mkdir(join(this.path, '..'), { recursive: true });
      await writeFile(this.path, `[${this.first}]\n`);
    }
  }
}
