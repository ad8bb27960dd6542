// Decoding the data the page carries: the compact tuples of src/report/html/index.ts, read back
// through the string table. The per-finding columns the table filters and sorts on are unpacked
// once into typed arrays, so 100,000 findings filter in a few milliseconds.
import { PROVIDERS } from './labels.js';
/** @import { AppliedWaiver, CheckRow, EmbeddedReportData, Evidence, FindingRow, Lang, Provider, RegionClass, ReportData, ResourceRow } from './types.js' */

/**
 * The report's data with its lookups. Findings, checks and resources are named by their index
 * (i, c, r), as the embedded data refers to them.
 * @typedef {ReturnType<typeof decodeReport>} Report
 */

/**
 * The embedded data with its parts joined into one table of strings, resources and findings
 * (the report is written in parts, each with what it first refers to; indexes run on).
 * @param {EmbeddedReportData} embedded
 * @returns {ReportData}
 */
export function joinParts(embedded) {
  const { parts, ...rest } = embedded;
  /** @type {string[]} */
  const strings = [];
  /** @type {ResourceRow[]} */
  const resources = [];
  /** @type {FindingRow[]} */
  const findings = [];
  for (const part of parts) {
    for (const s of part.strings) strings.push(s);
    for (const r of part.resources) resources.push(r);
    for (const f of part.findings) findings.push(f);
  }
  return { ...rest, strings, resources, findings };
}

/** @param {ReportData} data */
export function decodeReport(data) {
  const S = data.strings;
  const n = data.findings.length;
  const check = new Uint32Array(n);
  const status = new Uint8Array(n);
  const severity = new Uint8Array(n);
  const resource = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const f = data.findings[i];
    check[i] = f[1];
    status[i] = f[2];
    severity[i] = f[3];
    resource[i] = f[4];
  }
  const requirementById = new Map(data.requirements.map((r) => [r.id, r]));
  /** @param {number} i @returns {FindingRow} */
  const finding = (i) => data.findings[i];
  /** @param {number} c @returns {CheckRow} */
  const checkRow = (c) => data.checks[c];
  /** @param {number} r @returns {ResourceRow} */
  const resourceRow = (r) => data.resources[r];
  /** @param {number} r @returns {Provider} */
  const provider = (r) => PROVIDERS[data.resources[r][0]];
  /** @param {number} r */
  const region = (r) => S[data.resources[r][2]];

  return {
    data,
    strings: S,
    /** How many findings. */
    n,
    /** Per finding: its check's index. */
    check,
    /** Per finding: its status, as an index of STATUSES. */
    status,
    /** Per finding: its severity, as an index of SEVERITIES. */
    severity,
    /** Per finding: its resource's index. */
    resource,
    finding,
    checkRow,
    resourceRow,
    requirementById,
    provider,
    region,
    /** @param {number} r */
    account: (r) => S[data.resources[r][1]],
    /** @param {number} r */
    resourceId: (r) => data.resources[r][5],
    /** The resource's name; the id when it has none of its own. @param {number} r */
    resourceName: (r) => {
      const name = data.resources[r][6];
      return name === 0 ? data.resources[r][5] : name;
    },
    /** @param {number} c @param {Lang} lang */
    checkTitle: (c, lang) => S[data.checks[c][lang === 'ja' ? 1 : 2]],
    /** @param {number} c @param {Lang} lang */
    remediation: (c, lang) => S[data.checks[c][lang === 'ja' ? 3 : 4]],
    /** @param {number} i @param {Lang} lang */
    message: (i, lang) => S[data.findings[i][lang === 'ja' ? 5 : 6]],
    /** @param {number} i */
    isWaived: (i) => data.findings[i][8] >= 0,
    /** @param {number} i @returns {AppliedWaiver | null} */
    waiver: (i) => {
      const ref = data.findings[i][8];
      return ref >= 0 ? JSON.parse(S[ref]) : null;
    },
    /** The history store's state of the finding ('new', 'open', …); '' without a store. @param {number} i */
    historyState: (i) => {
      const ref = data.findings[i][9];
      return ref >= 0 ? S[ref] : '';
    },
    /** @param {number} i @returns {readonly Evidence[]} */
    evidence: (i) => {
      const ref = data.findings[i][7];
      return ref >= 0 ? JSON.parse(S[ref]) : [];
    },
    /** Where the resource was read: the file, and its line (`L12`) or record index (`#3`). @param {number} r */
    origin: (r) => {
      const [, , , , , , , , file, position] = data.resources[r];
      return `${S[file]}${position === '' ? '' : typeof position === 'number' ? ` #${position}` : ` ${position}`}`;
    },
    /**
     * Japan or abroad, by the scan's allowed regions (the guideline's data residency);
     * 'global' for resources that have no region.
     * @param {Provider} cloud @param {string} name @returns {RegionClass}
     */
    regionClass: (cloud, name) => {
      if (name === 'global' || name === '') return 'global';
      const allowed = data.scan.allowedRegions?.[cloud] || [];
      return allowed.includes(name) ? 'domestic' : 'abroad';
    },
  };
}
