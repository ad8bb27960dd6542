import { describe, expect, it } from 'vitest';
import { loadFramework } from '../../src/frameworks/load.ts';
import { addMissingAccounts, evaluate } from '../../src/scan/evaluate.ts';
import { Inventory } from '../../src/scan/inventory.ts';
import { gcpAssetExport } from '../../src/sources/gcp/asset-export.ts';
import { readRecords } from '../helpers/checks.ts';
import { FOLDER, resourceRecord, sqlInstanceRecord } from '../sources/gcp/records.ts';

const NOW = new Date('2026-12-01T00:00:00Z');

/** The findings of the Osaka framework on Cloud Asset export lines. */
async function findingsOf(records: object[]) {
  const inventory = new Inventory();
  for (const resource of readRecords(gcpAssetExport, records)) inventory.add(resource);
  addMissingAccounts(inventory);
  return Object.assign([...evaluate(inventory, await loadFramework('osaka'), NOW)], { inventory });
}

describe('evaluate: dispatch by native type', () => {
  it('runs the Cloud SQL checks on Cloud SQL instances only, not on BigQuery datasets of the same kansa type', async () => {
    const dataset = resourceRecord(
      '//bigquery.googleapis.com/projects/p/datasets/d',
      'bigquery.googleapis.com/Dataset',
      { id: 'p:d', location: 'asia-northeast1' },
      'asia-northeast1',
    );
    const instance = sqlInstanceRecord('db', { ipConfiguration: { ipv4Enabled: false } });
    const findings = await findingsOf([dataset, instance]);
    const sqlOn = (suffix: string) =>
      findings.filter((f) => f.checkId.startsWith('gcp.sql.') && f.resource.id.endsWith(suffix));
    expect(sqlOn('/datasets/d')).toEqual([]);
    expect(sqlOn('/instances/db').length).toBeGreaterThan(0);
  });

  it('gives a folder-level asset a folder account, on which the project checks do not run', async () => {
    const sink = resourceRecord(
      `//logging.googleapis.com/${FOLDER}/sinks/audit`,
      'logging.googleapis.com/LogSink',
      { name: 'audit', destination: 'storage.googleapis.com/audit-logs' },
      undefined,
      { ancestors: [FOLDER] },
    );
    sink.resource.parent = `//cloudresourcemanager.googleapis.com/${FOLDER}`;
    const findings = await findingsOf([sink]);
    const onFolder = findings.filter((f) => f.resource.account === FOLDER && f.resource.type === 'account');
    const folder = findings.inventory.byId('gcp', `//cloudresourcemanager.googleapis.com/${FOLDER}`);
    expect([folder?.kansaType, folder?.nativeType]).toEqual([
      'account',
      'cloudresourcemanager.googleapis.com/Folder',
    ]);
    expect(onFolder).toEqual([]);
  });
});
