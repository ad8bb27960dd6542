/**
 * What kansa delivers to a SOC: one OCSF Compliance Finding (class 2003) per finding, with the
 * finding's state since the last scan. The SOC's tools do not de-duplicate, so every record
 * carries the stable finding id and the scan id: a resend of the same scan is recognisable, and
 * a finding that was fixed is closed rather than left open for ever.
 * https://schema.ocsf.io/1.3.0/classes/compliance_finding
 */

/** A finding's state against the previous scan (from the history store), or `open` without one. */
export type DeliveryState = 'new' | 'updated' | 'open' | 'resolved' | 'waived';

export interface DeliveryRecord {
  /** The stable finding id (check + resource): `finding_info.uid`. */
  readonly findingId: string;
  /** The scan that produced it: with the finding id, what a receiver de-duplicates on. */
  readonly scanId: string;
  readonly state: DeliveryState;
  /** The OCSF event, as `kansa report --format ocsf` writes it, with the state applied. */
  readonly event: Record<string, unknown>;
}

/** `--send-mode`: only what changed since the last scan (the default), or a full snapshot. */
export type SendMode = 'changes' | 'all';

const ACTIVITY: Readonly<Record<DeliveryState, { id: number; name: string }>> = {
  new: { id: 1, name: 'Create' },
  updated: { id: 2, name: 'Update' },
  open: { id: 2, name: 'Update' },
  waived: { id: 2, name: 'Update' },
  resolved: { id: 3, name: 'Close' },
};

/** OCSF finding `status_id`: 1 New, 3 Suppressed (waived), 4 Resolved. */
const STATUS: Readonly<Record<DeliveryState, { id: number; name: string }>> = {
  new: { id: 1, name: 'New' },
  updated: { id: 1, name: 'New' },
  open: { id: 1, name: 'New' },
  waived: { id: 3, name: 'Suppressed' },
  resolved: { id: 4, name: 'Resolved' },
};

const CLASS_UID = 2003;

/**
 * The event with the activity and status its state calls for, and the scan id under
 * `unmapped.kansa.scan_id` (the field the documented KQL and SPL de-duplicate on).
 */
export function deliveryRecord(
  event: Record<string, unknown>,
  findingId: string,
  scanId: string,
  state: DeliveryState,
): DeliveryRecord {
  const activity = ACTIVITY[state];
  const status = STATUS[state];
  const unmapped = (event['unmapped'] as Record<string, unknown> | undefined) ?? {};
  const kansa = (unmapped['kansa'] as Record<string, unknown> | undefined) ?? {};
  return {
    findingId,
    scanId,
    state,
    event: {
      ...event,
      activity_id: activity.id,
      activity_name: activity.name,
      type_uid: CLASS_UID * 100 + activity.id,
      type_name: `Compliance Finding: ${activity.name}`,
      status_id: status.id,
      status: status.name,
      unmapped: { ...unmapped, kansa: { ...kansa, scan_id: scanId, state } },
    },
  };
}

/** Whether a record goes out under `mode`: `changes` leaves out findings still open as they were. */
export function selectedBy(mode: SendMode, record: DeliveryRecord): boolean {
  return mode === 'all' || record.state !== 'open';
}
