import type { Fact } from '../../../src/model/fact.ts';
import type { Resource } from '../../../src/model/resource.ts';
import { cloudQueryRecords } from '../../../src/sources/cloudquery.ts';

/** A file's rows read line by line, as the scan reads a JSON-lines file: the resources and the skips. */
export function readRows(file: string, rows: readonly unknown[]) {
  const skipped: string[] = [];
  const ctx = { file, skip: (reason: string) => skipped.push(reason) };
  const resources = rows.flatMap((row, index) => [...cloudQueryRecords.read(row, ctx, index + 1)]);
  return { resources, skipped };
}

/** A resource's fact by name. */
export const fact = (resource: Resource | undefined, name: string) =>
  (resource?.facts as Record<string, Fact<unknown>> | undefined)?.[name];
