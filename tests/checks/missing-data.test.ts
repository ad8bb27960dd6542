import { describe, expect, it } from 'vitest';
import { CHECKS } from '../../src/checks/index.ts';
import type { Localized } from '../../src/model/localized.ts';
import type { Resource } from '../../src/model/resource.ts';

/** Advice that only an offline scan can follow: an export or a CLI output to add. */
const EXPORT_ADVICE =
  /add the output of|provide (?:the|an) [^,)]*export|export the (?:whole )?Resource Graph|include .* in the export|in the export$/i;

describe('UNKNOWN messages that ask for an export', () => {
  it('each has a live variant that names the call and what grants it, a plan variant and a state variant, and none asks for an export', () => {
    const advising: string[] = [];
    for (const { meta } of CHECKS) {
      const messages = meta.messages as Record<string, Localized>;
      for (const [id, text] of Object.entries(messages)) {
        if (id.endsWith('.live')) {
          // A message that only says what the export does not show says it of the live read (live-notes.ts).
          if (!/live scan did not get/.test(text.en)) {
            expect(`${text.en} ${text.ja}`, `${meta.id} ${id}`).not.toMatch(
              /\b(?:the|this) export\b(?![’']s)|エクスポート(?:に|から)/i,
            );
            continue;
          }
          expect(text.en, `${meta.id} ${id}`).toMatch(/live scan did not get .* grants that call$/);
          expect(`${text.en} ${text.ja}`, `${meta.id} ${id}`).not.toMatch(EXPORT_ADVICE);
          expect(text.ja, `${meta.id} ${id}`).not.toMatch(/出力を追加|エクスポート/);
          continue;
        }
        if (id.endsWith('.state')) {
          // A Terraform state's resource: what a state cannot show, and a plan is not named.
          expect(`${text.en} ${text.ja}`, `${meta.id} ${id}`).not.toMatch(EXPORT_ADVICE);
          expect(`${text.en} ${text.ja}`, `${meta.id} ${id}`).not.toMatch(
            /\b(?:the|this) export\b(?![’']s)|エクスポート(?:に|から)|出力を追加|\b(?:a|the|this) (?:Terraform )?plan\b|計画/i,
          );
          continue;
        }
        if (id.endsWith('.plan')) {
          // A Terraform plan's resource: what a plan cannot show, no export to add (live-notes.ts).
          expect(`${text.en} ${text.ja}`, `${meta.id} ${id}`).not.toMatch(EXPORT_ADVICE);
          expect(`${text.en} ${text.ja}`, `${meta.id} ${id}`).not.toMatch(
            /\b(?:the|this) export\b(?![’']s)|エクスポート(?:に|から)|出力を追加/i,
          );
          continue;
        }
        if (!EXPORT_ADVICE.test(text.en)) continue;
        advising.push(`${meta.id} ${id}`);
        expect(messages[`${id}.live`], `${meta.id} ${id} has no live variant`).toBeDefined();
        expect(messages[`${id}.plan`], `${meta.id} ${id} has no plan variant`).toBeDefined();
        expect(messages[`${id}.state`], `${meta.id} ${id} has no state variant`).toBeDefined();
      }
    }
    // The class, not one example: Azure, AWS and Google Cloud checks all give such advice.
    expect(advising.length).toBeGreaterThan(15);
  });

  it('the live variant is shown for a resource read live, the export advice for one from a file', () => {
    const check = CHECKS.find((c) => c.meta.id === 'azure.sql.auditing')!;
    const server = (file: string): Resource => ({
      provider: 'azure',
      account: '0b1f6c2e-4d3a-4b5c-9d8e-7f6a5b4c3d2e',
      region: 'japaneast',
      kansaType: 'database.server',
      nativeType: 'microsoft.sql/servers',
      id: '/subscriptions/0b1f6c2e-4d3a-4b5c-9d8e-7f6a5b4c3d2e/resourcegroups/rg/providers/microsoft.sql/servers/sql-1',
      name: 'sql-1',
      tags: {},
      facts: {},
      origin: { file, index: 0 },
    });
    const ctx = {} as Parameters<typeof check.evaluate>[1];
    expect(check.evaluate(server('exports/resources.json'), ctx)).toMatchObject({
      status: 'UNKNOWN',
      message: 'unknown',
    });
    expect(check.evaluate(server('azure:resourcegraph/resources'), ctx)).toMatchObject({
      status: 'UNKNOWN',
      message: 'unknown.live',
    });
  });
});
