import { Ajv } from 'ajv';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Lang } from '../../src/model/localized.ts';
import type { FrameworkView } from '../../src/report/read-findings.ts';
import { scanView } from '../../src/report/read-findings.ts';
import { renderSarif } from '../../src/report/sarif.ts';
import { type FindingsFile, scanSample, withPlanted } from './helpers/findings.ts';

/**
 * The part of the SARIF 2.1.0 schema (OASIS, sarif-schema-2.1.0.json) that kansa's log uses,
 * written out here: no network in tests.
 */
const message = {
  type: 'object',
  required: ['text'],
  properties: { text: { type: 'string', minLength: 1 } },
};
const SARIF_SUBSET = {
  type: 'object',
  required: ['version', 'runs'],
  properties: {
    $schema: { type: 'string', format: 'uri' },
    version: { const: '2.1.0' },
    runs: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['tool'],
        properties: {
          tool: {
            type: 'object',
            required: ['driver'],
            properties: {
              driver: {
                type: 'object',
                required: ['name'],
                properties: {
                  name: { type: 'string' },
                  version: { type: 'string' },
                  informationUri: { type: 'string' },
                  rules: {
                    type: 'array',
                    items: {
                      type: 'object',
                      required: ['id'],
                      properties: {
                        id: { type: 'string' },
                        name: { type: 'string' },
                        shortDescription: message,
                        fullDescription: message,
                        help: message,
                        defaultConfiguration: {
                          type: 'object',
                          properties: { level: { enum: ['none', 'note', 'warning', 'error'] } },
                        },
                        properties: { type: 'object' },
                      },
                    },
                  },
                },
              },
            },
          },
          invocations: {
            type: 'array',
            items: {
              type: 'object',
              required: ['executionSuccessful'],
              properties: { executionSuccessful: { type: 'boolean' } },
            },
          },
          columnKind: { enum: ['utf16CodeUnits', 'unicodeCodePoints'] },
          results: {
            type: 'array',
            items: {
              type: 'object',
              required: ['message'],
              properties: {
                ruleId: { type: 'string' },
                ruleIndex: { type: 'integer', minimum: -1 },
                kind: { enum: ['notApplicable', 'pass', 'fail', 'review', 'open', 'informational'] },
                level: { enum: ['none', 'note', 'warning', 'error'] },
                message,
                locations: {
                  type: 'array',
                  items: {
                    type: 'object',
                    properties: {
                      physicalLocation: {
                        type: 'object',
                        properties: {
                          artifactLocation: { type: 'object', properties: { uri: { type: 'string' } } },
                          region: {
                            type: 'object',
                            properties: { startLine: { type: 'integer', minimum: 1 } },
                          },
                        },
                      },
                      logicalLocations: {
                        type: 'array',
                        items: {
                          type: 'object',
                          properties: {
                            name: { type: 'string' },
                            fullyQualifiedName: { type: 'string' },
                            kind: { type: 'string' },
                          },
                        },
                      },
                    },
                  },
                },
                partialFingerprints: { type: 'object', additionalProperties: { type: 'string' } },
                properties: { type: 'object' },
              },
            },
          },
        },
      },
    },
  },
};

const validate = new Ajv({ allErrors: true, strict: false, validateFormats: false }).compile(SARIF_SUBSET);

let file: FindingsFile;

// The log as JSON.parse gives it: its members are checked by the assertions and the schema above.
// biome-ignore lint/suspicious/noExplicitAny: see above
type SarifRun = any;

/** The log as an object: the streamed text, parsed. */
function sarif(file: FindingsFile, view: FrameworkView, lang: Lang): { runs: SarifRun[] } {
  return JSON.parse([...renderSarif(file, view, lang)].join('')) as { runs: SarifRun[] };
}

beforeAll(async () => {
  file = withPlanted((await scanSample()).file);
});

describe('SARIF 2.1.0', () => {
  it('has the structure of a SARIF 2.1.0 log', () => {
    const log = sarif(file, scanView(file), 'en');
    if (!validate(log)) throw new Error(JSON.stringify(validate.errors, null, 1));
  });

  it('has one rule per check and a result per FAIL (level by severity) and UNKNOWN (review, level none)', () => {
    const run = sarif(file, scanView(file), 'en').runs[0]!;
    const reported = file.findings.filter((f) => f.status === 'FAIL' || f.status === 'UNKNOWN');
    expect(run.results).toHaveLength(reported.length);
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id).sort()).toEqual(
      [...new Set(reported.map((f) => f.checkId))].sort(),
    );
    reported.forEach((f, i) => {
      const result = run.results[i]!;
      expect(result.ruleId).toBe(f.checkId);
      expect(run.tool.driver.rules[result.ruleIndex]!.id).toBe(f.checkId);
      expect(result.partialFingerprints['kansaFindingId/v1']).toBe(f.id);
      expect(result.locations[0]!.logicalLocations[0]!.fullyQualifiedName).toBe(f.resource.id);
      // SARIF 2.1.0 §3.27.10: a result of any kind but fail has the level none.
      expect([result.kind, result.level]).toEqual(
        f.status === 'UNKNOWN'
          ? ['review', 'none']
          : [
              'fail',
              { critical: 'error', high: 'error', medium: 'warning', low: 'note', info: 'note' }[f.severity],
            ],
      );
    });
  });

  it('gives each rule its titles in both languages and the remediation as help', () => {
    const rules = sarif(file, scanView(file), 'ja').runs[0]!.tool.driver.rules;
    for (const rule of rules) {
      const f = file.findings.find((x) => x.checkId === rule.id)!;
      expect(rule.shortDescription.text).toBe(f.title.ja);
      expect(rule.properties.title).toEqual(f.title);
      expect(rule.help.text).toBe(f.remediation.ja);
      expect(Number(rule.properties['security-severity'])).toBeGreaterThanOrEqual(0);
    }
  });

  it('points at the export file the resource was read from, as a relative URI', () => {
    const run = sarif(file, scanView(file), 'en').runs[0]!;
    for (const result of run.results) {
      const uri = result.locations[0]!.physicalLocation.artifactLocation.uri;
      expect(uri).not.toMatch(/\\| /);
      expect(() => new URL(uri, 'file:///repo/')).not.toThrow();
    }
  });
});
