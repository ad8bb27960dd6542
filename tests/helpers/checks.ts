import { appliesTo, type Check, type CheckResult } from '../../src/checks/check.ts';
import type { Fact } from '../../src/model/fact.ts';
import { DEFAULT_PARAMETERS, type ScanParameters } from '../../src/model/parameters.ts';
import type { Resource } from '../../src/model/resource.ts';
import { checkContext, Inventory } from '../../src/scan/inventory.ts';
import type { InputFormat } from '../../src/sources/format.ts';

/**
 * Reads records through one format reader, for the source tests. Check tests use the
 * RuleTester (tests/helpers/rule-tester.ts), which reads whole export files as the scan does.
 */
export function readRecords(format: InputFormat, records: unknown): Resource[] {
  const skipped: string[] = [];
  const ctx = { file: 'test-input', skip: (reason: string) => skipped.push(reason) };
  const resources: Resource[] = [];
  if (format.kind === 'text') resources.push(...format.read(records as string, ctx));
  else if (format.kind === 'document') resources.push(...format.read(records, ctx));
  else {
    for (const [i, record] of (records as unknown[]).entries())
      resources.push(...format.read(record, ctx, i + 1));
  }
  return resources;
}

/** A resource's fact by name, if the resource and the fact are there. */
export const fact = (resource: Resource | undefined, name: string) =>
  (resource?.facts as Record<string, Fact<unknown>> | undefined)?.[name];

/**
 * Evaluates a check on the resource with the given id, with the other resources as its
 * inventory; framework parameters and the scan time (`now`) can be overridden. For tests of
 * what surrounds the checks (organisation rules, source dialects); a check's own tests use the
 * RuleTester.
 */
export function evaluate(
  check: Check,
  resources: readonly Resource[],
  id: string,
  { now = new Date(), ...params }: Partial<ScanParameters> & { now?: Date } = {},
): CheckResult {
  const inventory = new Inventory();
  for (const resource of resources) inventory.add(resource);
  const target = inventory.all().find((r) => r.id === id || r.id.toLowerCase() === id.toLowerCase());
  if (!target) throw new Error(`no resource ${id} in ${[...inventory.all()].map((r) => r.id).join(', ')}`);
  if (!appliesTo(check.meta, target)) {
    throw new Error(`${check.meta.id} does not apply to ${target.kansaType} ${target.nativeType}`);
  }
  return check.evaluate(target, checkContext(inventory, { ...DEFAULT_PARAMETERS, ...params }, now));
}
