import { createReadStream } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { openAtomic } from '../report/atomic-file.ts';
import { lastLine } from '../report/file-lines.ts';
import type { DeliveryReport } from './deliver.ts';

/**
 * Adds what became of a delivery to the findings file's coverage (`coverage.delivery`), so the
 * file an auditor keeps says whether the SOC got it: sent, retried, spooled, refused with the
 * service's message. The file is rewritten atomically: a failure leaves it as it was.
 */
export async function recordDelivery(findingsFile: string, report: DeliveryReport, at: Date): Promise<void> {
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
  const trailer = lastLine(findingsFile);
  if (trailer.startsWith('{"end":')) {
    await rewriteTrailer(findingsFile, trailer, entry);
    return;
  }
  // Version 1: one JSON document.
  const document = JSON.parse(await readFile(findingsFile, 'utf8')) as {
    coverage: { delivery?: unknown[] };
  };
  document.coverage.delivery = [...(document.coverage.delivery ?? []), entry];
  await writeAtomically(findingsFile, async (out) => {
    out.write(`${JSON.stringify(document)}\n`);
  });
}

/** Version 2 (NDJSON): every line but the trailer copied as it is, then the trailer with the entry. */
async function rewriteTrailer(findingsFile: string, trailer: string, entry: unknown): Promise<void> {
  const { end } = JSON.parse(trailer) as { end: { coverage: { delivery?: unknown[] } } };
  end.coverage.delivery = [...(end.coverage.delivery ?? []), entry];
  // The trailer is the file's last non-empty line: the lines before it end where it begins.
  const before = (await lineEndsAfter(findingsFile)) - Buffer.byteLength(trailer);
  await writeAtomically(findingsFile, async (out) => {
    if (before > 0) await pipeline(createReadStream(findingsFile, { end: before - 1 }), out, { end: false });
    out.write(`${JSON.stringify({ end })}\n`);
  });
}

/** The file's size without the line ends it finishes with. */
async function lineEndsAfter(file: string): Promise<number> {
  const handle = await open(file, 'r');
  try {
    let { size } = await handle.stat();
    const byte = Buffer.alloc(1);
    while (size > 0) {
      await handle.read(byte, 0, 1, size - 1);
      if (byte[0] !== 10 && byte[0] !== 13) break;
      size--;
    }
    return size;
  } finally {
    await handle.close();
  }
}

async function writeAtomically(file: string, write: (out: Writable) => Promise<void>): Promise<void> {
  const out = await openAtomic(file);
  try {
    await write(out.stream);
    await out.commit();
  } catch (error) {
    await out.abort();
    throw error;
  }
}
