import { createHash } from 'node:crypto';
import type { Lang } from '../model/localized.ts';
import { ocsfEvent } from '../report/ocsf.ts';
import type { FileFinding, FindingsFile, FrameworkView } from '../report/read-findings.ts';
import {
  type DeliveryRecord,
  type DeliveryState,
  deliveryRecord,
  type SendMode,
  selectedBy,
} from './record.ts';

/**
 * The scan's id for delivery: the history store's, or one worked out from the findings file's
 * own metadata, so that sending the same file twice gives the same id (a receiver drops the
 * second copy).
 */
export function scanIdOf(file: FindingsFile): string {
  if (file.history?.scanId) return file.history.scanId;
  const { startedAt, finishedAt } = file.scan;
  return createHash('sha256')
    .update(JSON.stringify([startedAt, finishedAt, file.scan.framework.id]))
    .digest('hex')
    .slice(0, 32);
}

export interface RecordOptions {
  readonly view: FrameworkView;
  readonly lang: Lang;
  readonly mode: SendMode;
  readonly scanId: string;
}

/** A finding's delivery state from what the history store recorded of it (absent: `open`). */
export function deliveryState(finding: FileFinding): DeliveryState | undefined {
  if (finding.waiver) return 'waived';
  switch (finding.history?.state) {
    case 'new':
    case 'reopened':
      return 'new';
    case 'changed-severity':
    case 'changed-evidence':
      return 'updated';
    case 'resolved':
      return 'resolved';
    case 'passing':
      return undefined;
    default:
      return 'open';
  }
}

/**
 * The delivery records of a findings file: its failures, UNKNOWNs and waived findings, and (when
 * the scan kept history) the findings resolved since the last scan, which now pass. Passes that were
 * never failures are not sent: the SOC follows what needs doing.
 */
export function* recordsFromFindings(file: FindingsFile, options: RecordOptions): Generator<DeliveryRecord> {
  const time = Date.parse(file.scan.finishedAt);
  for (const finding of file.findings) {
    const state = deliveryState(finding);
    if (state === undefined || finding.status === 'NOT_APPLICABLE') continue;
    if (finding.status === 'PASS' && state !== 'resolved') continue;
    const record = deliveryRecord(
      ocsfEvent(finding, file, options.view, options.lang, time),
      finding.id,
      options.scanId,
      state,
    );
    if (selectedBy(options.mode, record)) yield record;
  }
}
