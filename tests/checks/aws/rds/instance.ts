import { ACCOUNT, REGION, snapshotItem } from '../../../sources/aws/builders.ts';

/** An RDS DB instance's Config item, for the aws.rds.* cases. */
export const arn = `arn:aws:rds:${REGION}:${ACCOUNT}:db:resident-db`;
export const instance = (configuration: Record<string, unknown>) =>
  snapshotItem(
    'AWS::RDS::DBInstance',
    'db-ABCDEFGHIJKLMNOPQRSTUVWXY1',
    {
      dBInstanceIdentifier: 'resident-db',
      engine: 'postgres',
      dbiResourceId: 'db-ABCDEFGHIJKLMNOPQRSTUVWXY1',
      ...configuration,
    },
    { arn, name: 'resident-db' },
  );
