import {
  anyOf,
  array,
  boolean,
  integer,
  literal,
  object,
  oneOf,
  openObject,
  record,
  type Static,
  string,
  unknown,
} from './schema-builder.ts';

/**
 * The findings file, version 2: the one place its shape is written. The TypeScript types below
 * are inferred from these schemas; `findings-schema.json` beside this file is generated from
 * them (a test keeps it fresh).
 *
 * The file is NDJSON, one record per line, in this order:
 * 1. the header: `{"schemaVersion": "2.x.y", "scan": {…}}`, what is known when the scan starts;
 * 2. the checks catalogue: `{"check": {…}}` per check of the framework, with its constant texts
 *    (title, rationale, remediation, message templates) and the requirements it serves;
 * 3. the resources: `{"resource": {…}, "findings": [{…}]}`, each resource once, with every
 *    finding on it; a finding names its check, and its message by template id and parameters.
 *    Among them, since 2.1.0, evidence records: `{"ref": n, "evidence": {…}}`, an evidence item
 *    that many findings cite (the scan shares one fact among every resource with the same
 *    setting), written once before the first resource line that cites it. A finding's evidence
 *    then holds `{"ref": n}` in its place. Records are numbered 0, 1, 2… in file order, and a
 *    ref names one of the last EVIDENCE_WINDOW records before its line, so a reader keeps at
 *    most that many; a writer that has forgotten an item writes it again (inline, or as a new
 *    record);
 * 4. the trailer: `{"end": {…}}`, the verdicts per requirement, the summary and the coverage.
 *
 * Since 2.2.0 a message template may hold `{{name|one|other}}` (an English count and its noun);
 * a reader of 2.1 renders it as the placeholder it does not know.
 *
 * Any report reads it in one pass with bounded memory (the trailer is read first, from the end
 * of the file). A finding's stable id is not written: it is `findingId(check, provider,
 * resource id)` (src/scan/finding.ts), the same in every scan and every version.
 */
export const FINDINGS_SCHEMA_VERSION = '2.2.0';

/**
 * How many evidence records back a ref may reach (counted at the resource line that cites it):
 * what a reader must remember, and the most a writer may.
 */
export const EVIDENCE_WINDOW = 100_000;

const localized = (description?: string) =>
  object({ ja: string(), en: string() }, {}, description ? { description } : {});
const provider = oneOf(['aws', 'azure', 'gcp'] as const);
const severity = (a = {}) => oneOf(['critical', 'high', 'medium', 'low', 'info'] as const, a);
const checkStatus = oneOf(['PASS', 'FAIL', 'NOT_APPLICABLE', 'UNKNOWN'] as const);
const count = () => integer({ minimum: 0 });
const statusCounts = object({ FAIL: count(), UNKNOWN: count(), PASS: count(), NOT_APPLICABLE: count() });

const framework = object(
  { id: string(), version: string(), title: localized(), file: string() },
  { orgPolicy: string({ description: 'The organisation policy file applied (--org-policy).' }) },
);

export const headerSchema = object({
  schemaVersion: string({
    pattern: '^2\\.\\d+\\.\\d+$',
    description: 'semver: a major bump breaks readers.',
  }),
  scan: object({
    tool: object({ name: literal('kansa'), version: string() }),
    startedAt: string({ format: 'date-time' }),
    inputs: array(string(), { description: 'The paths given on the command line.' }),
    framework,
    parameters: openObject(
      { allowedRegions: record(array(string())), classification: unknown() },
      {},
      { description: 'The framework parameters in force (allowed regions, classification tag, thresholds).' },
    ),
  }),
});

export const checkEntrySchema = object(
  {
    id: string({ description: 'The check id, e.g. aws.s3.bucket-public-access.' }),
    severity: severity(),
    title: localized(),
    rationale: localized(),
    remediation: localized(),
    requirements: array(string(), { description: "The framework's requirement ids this check serves." }),
    clauses: array(string(), { description: "Those requirements' clauses." }),
    messages: record(localized(), {
      description:
        'Message templates by id; `{{name}}` is filled from a finding’s data, and `{{name|one|other}}` is the value and then `one` when it is 1, else `other` (an English count and its noun: `{{days|day|days}}`).',
    }),
  },
  { references: array(string()) },
);

export const evidenceSchema = object(
  {
    source: oneOf(['explicit', 'default', 'unknown'] as const, {
      description:
        'explicit: the export states it; default: the cloud default applies; unknown: cannot tell.',
    }),
    path: string({ description: 'The field that decided, as a path in the native record.' }),
  },
  {
    value: unknown(),
    note: localized(),
    resourceId: string({ description: 'Set when the field belongs to another resource.' }),
  },
);

export const evidenceRefSchema = object({
  ref: integer({
    minimum: 0,
    description: 'The evidence record `{"ref": n, "evidence": {…}}` this item stands for (2.1.0 and later).',
  }),
});

/** An evidence item written once and cited by number (2.1.0 and later). */
export const evidenceRecordSchema = object({
  ref: integer({
    minimum: 0,
    description: 'The record’s number: 0, 1, 2… in file order.',
  }),
  evidence: evidenceSchema,
});

export const resourceSchema = object(
  {
    provider,
    account: string(),
    region: string(),
    type: string({ description: 'kansa type (bucket, vm, …).' }),
    nativeType: string(),
    id: string(),
    name: string(),
    classification: integer(),
    origin: object(
      { file: string() },
      {
        line: integer(),
        index: integer(),
        iac: openObject(
          {
            address: string({
              description: 'Instance address, e.g. module.net.azurerm_network_security_group.web["a"].',
            }),
            action: oneOf(['create', 'update', 'replace', 'no-op', 'read', 'state'] as const),
          },
          {
            moduleSources: array(string(), {
              description: 'The source of each module call from the root down.',
            }),
            declaration: openObject({ file: string(), line: integer() }),
            parts: array(string(), { description: 'Addresses of split resources merged into this one.' }),
          },
          { description: 'Resources read from a Terraform plan or state.' },
        ),
      },
    ),
  },
  {},
);

export const waiverSchema = object(
  { id: string(), reason: string(), approver: string(), approved: string(), expires: string() },
  { ticket: string() },
  { description: 'The waiver (例外承認) accepting this failure: the finding is reported WAIVED' },
);

export const findingHistorySchema = object(
  {
    state: oneOf([
      'new',
      'reopened',
      'changed-severity',
      'changed-evidence',
      'open',
      'unknown',
      'resolved',
      'passing',
    ] as const),
    firstSeen: string(),
  },
  { openedAt: string({ description: 'When the current open period began (failing findings).' }) },
  {
    description:
      'Where the finding stands in the history store: new, reopened, changed-severity, changed-evidence, open, unknown (open, not evaluable now), resolved, passing',
  },
);

export const lineFindingSchema = object(
  {
    check: string({ description: 'The check id: its entry in the catalogue.' }),
    status: checkStatus,
    message: string({ description: "The message template's id in the check's messages." }),
    evidence: array(anyOf([evidenceSchema, evidenceRefSchema]), {
      description: 'Each item inline, or `{"ref": n}`: the evidence record n (written on an earlier line).',
    }),
  },
  {
    severity: severity({
      description: 'Only when the result changed it: the check’s severity (catalogue) applies otherwise.',
    }),
    data: record(string(), { description: 'The template’s parameters, formatted.' }),
    waiver: waiverSchema,
    history: findingHistorySchema,
    change: oneOf(['introduced', 'kept'] as const, {
      description:
        'Terraform plans only: the plan brings this failure in (a new resource, or an update after which the check fails), or keeps one that exists.',
    }),
  },
);

export const resourceLineSchema = object({ resource: resourceSchema, findings: array(lineFindingSchema) });

const requirementResult = openObject(
  {
    id: string({ description: 'Requirement id as in the checklist (OSK-3.1, LOC-1, …).' }),
    clause: string({
      description: 'The cited clauses: each guideline by its title, then its own numbering.',
    }),
    title: localized(),
    status: oneOf(['FAIL', 'UNKNOWN', 'PASS', 'NOT_APPLICABLE', 'MANUAL'] as const),
    counts: statusCounts,
    checks: array(string()),
    manual: array(object({ provider: oneOf(['all', 'aws', 'azure', 'gcp'] as const), text: localized() })),
  },
  {
    force: oneOf(['must', 'recommended', 'desirable', 'confirm'] as const, {
      description: 'How strongly the clause asks (必須 / 推奨 / 望ましい / 確認).',
    }),
    orgParameters: array(object({ name: string(), value: unknown() }), {
      description: "Numbers the requirement uses that no guideline states: the organisation's parameters.",
    }),
  },
);

export const coverageSchema = object(
  {
    files: array(
      object(
        {
          path: string(),
          sha256: string({ pattern: '^([0-9a-f]{64})?$' }),
          bytes: count(),
          resources: count(),
          skipped: array(object({ reason: string() }, { index: integer(), line: integer() })),
        },
        {
          format: string(),
          error: string({
            description:
              'Why the file could not be (fully) read: file, line, what was expected. The scan is then partial.',
          }),
          ignored: string({
            description:
              'Why the file was deliberately not read (not an error; the scan is not partial): kansa’s own findings file, documentation or hidden files, a FIFO or device, a file already read through a symbolic link.',
          }),
          deleted: count(),
          notes: array(object({ note: string() }, { index: integer(), line: integer() }), {
            description: 'Records read with something odd about them (a placeholder id).',
          }),
        },
      ),
    ),
    scopes: array(
      object(
        { provider, scope: string(), resources: count(), requests: count() },
        { error: string({ description: 'Why the scope, or part of it, could not be read.' }) },
      ),
    ),
    resourcesByType: array(object({ provider, type: string(), nativeType: string(), count: count() })),
    notEvaluated: array(object({ checkId: string(), resources: count() })),
  },
  {
    delivery: array(
      object(
        {
          destination: string(),
          at: string({ format: 'date-time' }),
          sent: count(),
          replayed: count(),
          retried: count(),
          spooled: count(),
          dropped: count(),
          rejected: array(object({ findingId: string(), message: string() })),
        },
        { error: string() },
      ),
      {
        description:
          'What became of the delivery of these findings to the SOC (kansa scan --send, kansa send), one entry per delivery',
      },
    ),
  },
);

export const trailerSchema = object({
  end: object(
    {
      finishedAt: string({ format: 'date-time' }),
      partial: boolean({
        description:
          'True when some input file or live scope could not be read: findings cover only what was.',
      }),
      requirements: array(requirementResult),
      summary: object(
        {
          findings: count(),
          byStatus: statusCounts,
          failedBySeverity: object({
            critical: count(),
            high: count(),
            medium: count(),
            low: count(),
            info: count(),
          }),
        },
        {
          waived: integer({
            minimum: 0,
            description:
              'Failures accepted by a waiver (still counted as FAIL in byStatus and failedBySeverity)',
          }),
        },
      ),
      coverage: coverageSchema,
    },
    {
      history: openObject(
        { store: string(), scanId: string(), seq: integer(), changes: record(count()) },
        {
          monitoring: unknown(),
          previous: openObject({ id: string(), finishedAt: string() }),
        },
        {
          description:
            "The history store's record of this scan (kansa scan with a store): its id and number, what changed, and the change-monitoring requirement's verdict (OSK-8.1)",
        },
      ),
      waivers: array(
        object({
          id: string(),
          at: string(),
          state: oneOf(['active', 'expiring', 'expired', 'stale'] as const),
          expires: string(),
          matched: count(),
          daysLeft: integer(),
        }),
        {
          description:
            'What became of each waiver (--waivers): active, expiring (within the warning window), expired (no longer applied), stale (matched no failure)',
        },
      ),
    },
  ),
});

export type FindingsHeader = Static<typeof headerSchema>;
export type ScanStart = FindingsHeader['scan'];
/** What a findings file says of the scan: its start (header) and its end (trailer). */
export type ScanMetadata = ScanStart & { readonly finishedAt: string; readonly partial: boolean };
export type CheckEntry = Static<typeof checkEntrySchema>;
export type FileEvidence = Static<typeof evidenceSchema>;
export type EvidenceRef = Static<typeof evidenceRefSchema>;
export type EvidenceRecord = Static<typeof evidenceRecordSchema>;
export type FileResource = Static<typeof resourceSchema>;
export type LineFinding = Static<typeof lineFindingSchema>;
export type ResourceLine = Static<typeof resourceLineSchema>;
export type ScanEnd = Static<typeof trailerSchema>['end'];
export type FileRequirement = ScanEnd['requirements'][number];
export type Coverage = ScanEnd['coverage'];

/**
 * EVIDENCE_WINDOW with its thousands grouped, as in `100,000`. Not toLocaleString: this module
 * loads with every scan, and ICU's number formats cost a small scan ~7 ms of CPU to load.
 */
const WINDOW_TEXT = String(EVIDENCE_WINDOW).replace(/\B(?=(\d{3})+$)/g, ',');

/** The published schema of one line of the file (any of the four records). */
export const FINDINGS_LINE_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://kansa.dev/schemas/findings-2.json',
  title: 'kansa findings file, version 2: one line (NDJSON)',
  description:
    `Written by \`kansa scan --output FILE\` (or --format json). Lines in order: the header, one check per line (the catalogue), one resource per line with its findings, the trailer ({"end": …}). Since 2.1.0, evidence records ({"ref": n, "evidence": {…}}) come among the resource lines: an evidence item many findings cite is written once, before the first resource line citing it, and a finding’s evidence holds {"ref": n} in its place. Records are numbered 0, 1, 2… in file order; a ref names one of the last ${WINDOW_TEXT} records before its line (a reader remembers no more; a writer writes an item again once it has forgotten it). ` +
    'A finding’s stable id is the first 32 hex digits of SHA-256 over `checkId NUL provider NUL resourceId` (the resource id as the file holds it). Strings that come from the scanned inventory (resource account, region, nativeType, id, name and origin, message parameters, evidence values) are capped at 1,024 characters: a longer value keeps its first 1,024 characters followed by `…[sha256:<hex SHA-256 of the full value>, <length> chars]`.',
  oneOf: [
    headerSchema,
    object({ check: checkEntrySchema }),
    evidenceRecordSchema,
    resourceLineSchema,
    trailerSchema,
  ],
};
