import { beforeAll, describe, expect, it } from 'vitest';
import { cloudQueryCsv } from '../../../src/sources/cloudquery-csv.ts';
import { fact } from './rows.ts';

// CloudQuery's file destination with `format: csv` and its header (cloudquery/filetypes
// csv/testdata/TestWriteRead-with_headers.csv): every cell text, JSON as JSON text, booleans
// true/false, null an empty cell.
beforeAll(async () => {
  await cloudQueryCsv.load?.();
});

function read(file: string, lines: readonly string[]) {
  const skipped: string[] = [];
  const resources = [
    ...cloudQueryCsv.read(lines.join('\n'), { file, skip: (reason) => skipped.push(reason) }),
  ];
  return { resources, skipped };
}

const CQ = '_cq_source_name,_cq_sync_time,_cq_id,_cq_parent_id';
const META = 'gcp,2024-05-20T03:11:42Z,7c1a0003-2b3c-4d5e-8f6a-7b8c9d0e1f03,';

describe('CloudQuery CSV output (cloudquery-csv)', () => {
  it('is told by a header with the _cq_ columns', () => {
    expect(cloudQueryCsv.matches(`${CQ},project_id,name`)).toBe(true);
    expect(cloudQueryCsv.matches('akas,title,name')).toBe(false);
    expect(cloudQueryCsv.matches('_cq_id,name')).toBe(false);
  });

  it('types the table’s number, boolean and JSON cells back, and reads the rows as the JSON output’s', () => {
    const key = 'projects/p/locations/asia-northeast1/keyRings/r/cryptoKeys';
    const { resources, skipped } = read('gcp_kms_crypto_keys/a.csv', [
      `${CQ},project_id,rotation_period,name,purpose,version_template,import_only`,
      `${META},p,2592000000000000,${key}/monthly,ENCRYPT_DECRYPT,"{""protection_level"":2}",false`,
      `${META},p,0,${key}/manual,ENCRYPT_DECRYPT,,false`,
    ]);
    expect(skipped).toEqual([]);
    expect(fact(resources[0], 'rotationPeriodSeconds')).toMatchObject({ source: 'explicit', value: 2592000 });
    expect(fact(resources[0], 'hsmBackedKey')).toMatchObject({ value: true });
    expect(fact(resources[1], 'rotationPeriodSeconds')).toMatchObject({ value: null });
    const keys = read('gcp_iam_service_account_keys/b.csv', [
      `${CQ},project_id,name,key_type,valid_after_time,disabled`,
      `${META},p,projects/p/serviceAccounts/sa@p.iam.gserviceaccount.com/keys/k,USER_MANAGED,2022-08-08T08:08:08Z,true`,
    ]).resources;
    expect(fact(keys[0], 'disabled')).toMatchObject({ source: 'explicit', value: true });
    expect(fact(keys[0], 'validAfterTime')).toMatchObject({ value: '2022-08-08T08:08:08Z' });
  });

  it('reads an Azure row’s properties from its JSON text', () => {
    const id = '/subscriptions/s/resourcegroups/rg/providers/microsoft.cache/redis/r';
    const { resources } = read('azure_redis_caches/c.csv', [
      `${CQ},subscription_id,location,properties,id,name,type`,
      `azure,2024-05-20T03:11:42Z,9e1c0001-3a5b-4c7d-8e9f-0a1b2c3d4e01,,s,japaneast,"{""enableNonSslPort"":true}",${id},r,Microsoft.Cache/Redis`,
    ]);
    expect(resources[0]).toMatchObject({ id, region: 'japaneast' });
    expect(fact(resources[0], 'enableNonSslPort')).toMatchObject({ value: true });
  });

  it('types an AWS table’s boolean and number columns as its docs list them', () => {
    const header = `${CQ},account_id,region,arn,key_id,key_manager,key_state,rotation_enabled`;
    const row = `${META},111122223333,ap-northeast-1,arn:aws:kms:ap-northeast-1:111122223333:key/k,k,CUSTOMER,Enabled,false`;
    const { resources, skipped } = read('aws_kms_keys/d.csv', [header, row]);
    expect(skipped).toEqual([]);
    expect(fact(resources[0], 'rotationEnabled')).toMatchObject({ source: 'explicit', value: false });
    const policy = read('aws_iam_password_policies/p.csv', [
      `${CQ},account_id,minimum_password_length,require_symbols,policy_exists`,
      `${META},111122223333,14,true,true`,
    ]);
    expect(policy.skipped).toEqual([]);
    expect(fact(policy.resources[0], 'passwordMinimumLength')).toMatchObject({ value: 14 });
  });

  it('skips the rows of a table kansa does not read', () => {
    expect(read('gcp_compute_networks/e.csv', [`${CQ},project_id,name`, `${META},p,n`]).skipped).toEqual([
      expect.stringMatching(/gcp_compute_networks row: kansa does not read/),
    ]);
  });
});
