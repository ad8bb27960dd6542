import type { Resource } from '../../../src/model/resource.ts';
import { awsConfigSelectFormat } from '../../../src/sources/aws/config-select.ts';
import { awsConfigSnapshotFormat } from '../../../src/sources/aws/config-snapshot.ts';
import { awsCredentialReportFormat } from '../../../src/sources/aws/credential-report.ts';
import { readRecords } from '../../helpers/checks.ts';
import { credentialReport, rootRow, selectDocument, snapshotDocument } from '../../sources/aws/builders.ts';

/** Resources read through the real readers: Config snapshot items, SELECT rows and credential-report rows. */
export function tenancy(parts: {
  items?: object[];
  selectRows?: object[];
  reportRows?: string[];
}): Resource[] {
  return [
    ...(parts.items
      ? readRecords(awsConfigSnapshotFormat, snapshotDocument(parts.items as never) as never)
      : []),
    ...(parts.selectRows
      ? readRecords(awsConfigSelectFormat, selectDocument(parts.selectRows as never) as never)
      : []),
    ...(parts.reportRows
      ? readRecords(awsCredentialReportFormat, credentialReport(...parts.reportRows))
      : []),
  ];
}

/** The account resource as the scan creates it when no record describes it, plus the given resources. */
export function withRootRow(resources: Resource[], mfa = 'true'): Resource[] {
  return [...resources, ...readRecords(awsCredentialReportFormat, credentialReport(rootRow(mfa)))];
}
