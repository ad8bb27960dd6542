// The page script's data as the page gets it: a findings file rendered by the real HTML writer,
// and the JSON block read back out of the page, so the client's decoding is tested against
// what src/report/html/index.ts writes, not against a copy of its format.

import type { Lang } from '../../../src/model/localized.ts';
import { joinParts } from '../../../src/report/html/client/data.js';
import type { EmbeddedReportData, ReportData } from '../../../src/report/html/client/types.js';
import { renderHtml } from '../../../src/report/html/index.ts';
import type { FileFinding } from '../../../src/report/read-findings.ts';
import { scanView } from '../../../src/report/read-findings.ts';
import { type FindingsFile, recount } from '../helpers/findings.ts';

const DATA_OPEN = '<script type="application/json" id="kansa-data">';

export function pageData(file: FindingsFile, lang: Lang = 'en'): ReportData {
  const html = [...renderHtml({ file, view: scanView(file), lang })].join('');
  const start = html.indexOf(DATA_OPEN) + DATA_OPEN.length;
  return joinParts(JSON.parse(html.slice(start, html.indexOf('</script>', start))) as EmbeddedReportData);
}

/** The file with these findings only (the sample's scan, requirements and coverage kept), recounted. */
export function withFindings(file: FindingsFile, findings: FileFinding[]): FindingsFile {
  return recount({ ...file, findings });
}
