import { jsonFile } from '../../../helpers/exports.ts';

// AWS CLI answers as a dump's `<account>/<region>/` folders keep them, some of which never carry
// their resources' tags (Resource.unknownTags), for the common.classification.* cases: a
// resource read only from such an answer has no class known, not the default one.
export const ACCOUNT = '246813579024';
const FOLDER = `${ACCOUNT}/ap-northeast-1`;

/** `aws s3api list-buckets` (no tags: get-bucket-tagging holds them). */
export const LIST_BUCKETS = jsonFile(
  {
    Buckets: [
      {
        Name: 'city-juki-records',
        CreationDate: '2024-04-01T00:00:00+00:00',
        BucketRegion: 'ap-northeast-1',
      },
      { Name: 'city-open-data', CreationDate: '2024-04-01T00:00:00+00:00', BucketRegion: 'ap-northeast-1' },
    ],
    Owner: {
      DisplayName: 'city-infra',
      ID: 'e7c5a0b2f4d1c3e6a8b0d2f4e6a8c0b2d4f6e8a0c2e4a6c8e0a2c4e6a8c0e2a4',
    },
  },
  `${FOLDER}/list-buckets.json`,
);

/** `aws s3api get-bucket-tagging --bucket city-juki-records`: 機密性３. */
export const SECRET_BUCKET_TAGGING = jsonFile(
  {
    TagSet: [
      { Key: '機密性', Value: '機密性３' },
      { Key: 'owner', Value: 'shimin-ka' },
    ],
  },
  `${FOLDER}/get-bucket-tagging_city-juki-records.json`,
);

/** The same command's answer for the open-data bucket, as a loop over list-buckets names it. */
export const PUBLIC_BUCKET_TAGGING = jsonFile(
  { TagSet: [{ Key: 'confidentiality', Value: '1' }] },
  `${FOLDER}/city-open-data-tagging.json`,
);

export const SECRET_BUCKET = 'arn:aws:s3:::city-juki-records';
export const PUBLIC_BUCKET = 'arn:aws:s3:::city-open-data';

/** `aws dynamodb describe-table` (no tags: list-tags-of-resource holds them), AWS owned key. */
export const DESCRIBE_TABLE = jsonFile(
  {
    Table: {
      TableName: 'kokuho-claims',
      TableArn: `arn:aws:dynamodb:ap-northeast-1:${ACCOUNT}:table/kokuho-claims`,
      TableStatus: 'ACTIVE',
      CreationDateTime: '2025-01-15T09:30:00.000000+09:00',
      KeySchema: [{ AttributeName: 'claimId', KeyType: 'HASH' }],
      ItemCount: 0,
      TableSizeBytes: 0,
      TableId: '5d1f0c2e-8a3b-4c7d-9e1f-2a3b4c5d6e7f',
    },
  },
  `${FOLDER}/describe-table_kokuho-claims.json`,
);

export const TABLE = `arn:aws:dynamodb:ap-northeast-1:${ACCOUNT}:table/kokuho-claims`;

/** `aws ec2 describe-volumes`: `Tags` is left out of a volume that has none, so the default class holds. */
export const DESCRIBE_VOLUMES = jsonFile(
  {
    Volumes: [
      {
        AvailabilityZone: 'ap-northeast-1a',
        CreateTime: '2025-02-01T00:00:00.000Z',
        Encrypted: true,
        KmsKeyId: `arn:aws:kms:ap-northeast-1:${ACCOUNT}:key/0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b`,
        Size: 100,
        State: 'in-use',
        VolumeId: 'vol-0a1b2c3d4e5f60718',
        VolumeType: 'gp3',
      },
    ],
  },
  `${FOLDER}/describe-volumes.json`,
);

export const VOLUME = 'vol-0a1b2c3d4e5f60718';
