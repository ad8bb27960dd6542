import { resourceRecord } from '../../../sources/gcp/records.ts';

/** A BigQuery dataset: `database.instance` like a Cloud SQL instance, which the Cloud SQL checks do not read. */
export const bigQueryDataset = resourceRecord(
  '//bigquery.googleapis.com/projects/p/datasets/d',
  'bigquery.googleapis.com/Dataset',
  { id: 'p:d', location: 'asia-northeast1' },
);
