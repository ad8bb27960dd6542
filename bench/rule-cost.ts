// Cost of one evaluation of an organisation's CEL rule (src/checks/custom/cel-rule.ts) against
// the native check that decides the same thing, on the same resources in one process.
import blobPublicAccess from '../src/checks/azure/storage/blob-public-access.ts';
import { celRule } from '../src/checks/custom/cel-rule.ts';
import { DEFAULT_PARAMETERS } from '../src/model/parameters.ts';
import type { Resource } from '../src/model/resource.ts';
import { checkContext, Inventory } from '../src/scan/inventory.ts';
import { azureGraphCli } from '../src/sources/azure/graph-cli.ts';

export interface RuleCost {
  readonly resources: number;
  readonly nativeNs: number;
  readonly celNs: number;
}

export function measureRuleCost(count: number): RuleCost {
  const rows = Array.from({ length: count }, (_, i) => ({
    id: `/subscriptions/00000000-0000-4000-8000-000000000000/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/st${i}`,
    name: `st${i}`,
    type: 'microsoft.storage/storageaccounts',
    location: 'japaneast',
    subscriptionId: '00000000-0000-4000-8000-000000000000',
    tags: {},
    properties: { allowBlobPublicAccess: i % 3 === 0, minimumTlsVersion: 'TLS1_2' },
  }));
  const resources: Resource[] = [
    ...azureGraphCli.read(
      { count, data: rows, skip_token: null, total_records: count },
      { file: 'bench', skip() {} },
    ),
  ];
  const ctx = checkContext(new Inventory(), DEFAULT_PARAMETERS, new Date());
  const rule = celRule({
    id: 'custom.bench.blob-public-access',
    provider: 'azure',
    resourceTypes: ['storage.account'],
    severity: 'high',
    title: { ja: 'x', en: 'x' },
    remediation: { ja: 'x', en: 'x' },
    condition: 'facts.allowBlobPublicAccess == false',
  });
  const time = (evaluate: (r: Resource) => unknown) => {
    for (const r of resources.slice(0, 1000)) evaluate(r); // warm-up
    const start = process.hrtime.bigint();
    for (const r of resources) evaluate(r);
    return Number(process.hrtime.bigint() - start) / resources.length;
  };
  // Passes of each alternate, and each figure is the median of 5: one pass can land on a
  // collection or on another process's burst of the shared machine.
  const native: number[] = [];
  const cel: number[] = [];
  for (let pass = 0; pass < 5; pass++) {
    native.push(time((r) => blobPublicAccess.evaluate(r, ctx)));
    cel.push(time((r) => rule.evaluate(r as Resource<Record<string, never>>, ctx)));
  }
  const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  return { resources: resources.length, nativeNs: median(native), celNs: median(cel) };
}

if (import.meta.main) console.log(measureRuleCost(100_000));
