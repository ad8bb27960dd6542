import { createHash } from 'node:crypto';
import type { Lang } from '../model/localized.ts';
import { ocsfEvent } from '../report/ocsf.ts';
import type { FindingsFile, FrameworkView } from '../report/read-findings.ts';
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
  /**
   * Each finding's state against the previous scan, from the history store. Without it every
   * finding is `open` (an Update): only `--send-mode all` sends anything then.
   */
  readonly states?: ReadonlyMap<string, DeliveryState>;
}

/**
 * The delivery records of a findings file: its failures, UNKNOWNs and waived findings, and (with
 * the store's states) the findings resolved since the last scan, which now pass. Passes that were
 * never failures are not sent: the SOC follows what needs doing.
 */
export function* recordsFromFindings(file: FindingsFile, options: RecordOptions): Generator<DeliveryRecord> {
  const time = Date.parse(file.scan.finishedAt);
  for (const finding of file.findings) {
    const state = options.states?.get(finding.id) ?? 'open';
    if (finding.status === 'PASS' && state !== 'resolved') continue;
    if (finding.status === 'NOT_APPLICABLE') continue;
    const record = deliveryRecord(
      ocsfEvent(finding, file, options.view, options.lang, time),
      finding.id,
      options.scanId,
      state,
    );
    if (selectedBy(options.mode, record)) yield record;
  }
}
