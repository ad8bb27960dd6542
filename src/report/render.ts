import { once } from 'node:events';
import type { Lang } from '../model/localized.ts';
import { openAtomic } from './atomic-file.ts';
import type { HistoryPoint } from './html/index.ts';
import type { FindingsFile, FrameworkView } from './read-findings.ts';

/** The report formats, rendered from a findings file (`kansa report`) or straight from a scan. */
export const REPORT_FORMATS = ['html', 'csv', 'ocsf', 'sarif'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** The report in pieces, as the findings are read (each renderer is imported when used). */
export async function renderReport(
  format: ReportFormat,
  args: { file: FindingsFile; view: FrameworkView; lang: Lang; history?: readonly HistoryPoint[] },
): Promise<Iterable<string>> {
  const { file, view, lang } = args;
  switch (format) {
    case 'html':
      return (await import('./html/index.ts')).renderHtml({ file, view, lang, history: args.history ?? [] });
    case 'csv':
      return (await import('./csv.ts')).renderCsv(file, view, lang);
    case 'ocsf':
      return (await import('./ocsf.ts')).renderOcsf(file, view, lang);
    case 'sarif':
      return (await import('./sarif.ts')).renderSarif(file, view, lang);
  }
}

/** Writes a report to stdout, or atomically to a file (the previous file stays whole on failure). */
export async function writeReport(output: string | undefined, parts: Iterable<string>): Promise<void> {
  if (!output) {
    for (const part of parts) {
      if (!process.stdout.write(part)) await once(process.stdout, 'drain');
    }
    return;
  }
  const file = await openAtomic(output);
  try {
    for (const part of parts) {
      if (!file.stream.write(part)) await once(file.stream, 'drain');
    }
    await file.commit();
  } catch (error) {
    await file.abort();
    throw error;
  }
}
