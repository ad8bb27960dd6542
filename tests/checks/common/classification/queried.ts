import { configSelect, type ExportFile, jsonFile } from '../../../helpers/exports.ts';
import { selectDocument } from '../../../sources/aws/builders.ts';

// AWS Config query rows (`select-resource-config`, the console's CSV) of RDS instances, for the
// cases of the checks that read tags: a query holds the tags only where it SELECTed them.
export const QUERY_ACCOUNT = '828384858699';
export const dbArn = (name: string, region = 'ap-northeast-1') =>
  `arn:aws:rds:${region}:${QUERY_ACCOUNT}:db:${name}`;

function row(name: string, region: string, extra: Record<string, unknown> = {}) {
  return {
    accountId: QUERY_ACCOUNT,
    awsRegion: region,
    arn: dbArn(name, region),
    resourceId: `db-${name.toUpperCase()}`,
    resourceType: 'AWS::RDS::DBInstance',
    configuration: { publiclyAccessible: true, storageEncrypted: true, kmsKeyId: 'alias/aws/rds' },
    ...extra,
  };
}

/** The note of a tag an AWS record does not carry: where its tags are read instead. */
export const NOT_CARRIED = {
  en: "the record does not carry the resource's tags (an AWS Config query that SELECTs the tags column, or aws resourcegroupstaggingapi get-resources, holds them)",
};

/** A query that did not SELECT tags: QueryInfo names none, the rows carry none. */
export const WITHOUT_TAGS = configSelect([
  row('untold', 'ap-northeast-1'),
  row('untold-abroad', 'us-east-1'),
]);

/** A query that SELECTed tags: a row with a class tag, and one without, which has no tags. */
export const WITH_TAGS = jsonFile(
  selectDocument(
    [
      row('told-secret', 'ap-northeast-1', {
        tags: [{ tag: 'confidentiality=3', key: 'confidentiality', value: '3' }],
      }),
      row('told-untagged', 'ap-northeast-1'),
    ],
    [
      'accountId',
      'awsRegion',
      'arn',
      'resourceId',
      'resourceType',
      'configuration.publiclyAccessible',
      'tags',
    ],
  ),
  'config-select-tags.json',
);

/** `aws configservice batch-get-resource-config`: BaseConfigurationItems, which carry no tags. */
export const BATCH_GET = jsonFile(
  {
    baseConfigurationItems: [
      {
        version: '1.3',
        accountId: QUERY_ACCOUNT,
        configurationItemCaptureTime: '2026-11-20T03:12:45.118000+00:00',
        configurationItemStatus: 'OK',
        configurationStateId: '1763608365118',
        arn: dbArn('batch-got'),
        resourceType: 'AWS::RDS::DBInstance',
        resourceId: 'db-BATCHGOT',
        resourceName: 'batch-got',
        awsRegion: 'ap-northeast-1',
        availabilityZone: 'ap-northeast-1a',
        configuration: JSON.stringify({ dBInstanceIdentifier: 'batch-got', publiclyAccessible: false }),
        supplementaryConfiguration: {},
      },
    ],
    unprocessedResourceKeys: [],
  },
  'batch-get-resource-config.json',
);

/** The console's CSV export of a query without a tags column. */
export const CSV_WITHOUT_TAGS: ExportFile = {
  kind: 'export-file',
  name: 'advanced-query.csv',
  text: [
    'accountId,awsRegion,arn,resourceId,resourceType,configuration.publiclyAccessible',
    `${QUERY_ACCOUNT},ap-northeast-1,${dbArn('csv-untold')},db-CSVUNTOLD,AWS::RDS::DBInstance,true`,
  ].join('\r\n'),
};
