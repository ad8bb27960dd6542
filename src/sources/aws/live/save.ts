import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * `--save-inventory DIR`: a file under `DIR/aws/` (`configservice/…_config-items.json`,
 * `iam/…_credential-report.csv`), in the shapes the offline readers read back.
 */
export async function saveFile(dir: string, relative: string, content: string): Promise<void> {
  const file = path.join(dir, 'aws', relative);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, content);
}
