import { readFile } from 'node:fs/promises';
import { openAtomic } from '../report/atomic-file.ts';
import type { DeliveryReport } from './deliver.ts';

/**
 * Adds what became of a delivery to the findings file's coverage (`coverage.delivery`), so the
 * file an auditor keeps says whether the SOC got it: sent, retried, spooled, refused with the
 * service's message. The file is rewritten atomically: a failure leaves it as it was.
 */
export async function recordDelivery(findingsFile: string, report: DeliveryReport, at: Date): Promise<void> {
  const document = JSON.parse(await readFile(findingsFile, 'utf8')) as {
    coverage: { delivery?: unknown[] };
  };
  const entry = {
    destination: report.destination,
    at: at.toISOString(),
    sent: report.sent,
    replayed: report.replayed,
    retried: report.retried,
    spooled: report.spooled,
    dropped: report.dropped,
    rejected: report.rejected,
    ...(report.error ? { error: report.error } : {}),
  };
  document.coverage.delivery = [...(document.coverage.delivery ?? []), entry];
  const file = await openAtomic(findingsFile);
  try {
    file.stream.write(`${JSON.stringify(document)}\n`);
    await file.commit();
  } catch (error) {
    await file.abort();
    throw error;
  }
}
