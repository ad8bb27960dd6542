// Writes src/report/findings-schema.json, the published JSON Schema of the findings file, from
// its one source, src/report/findings-schema.ts (tests/report/findings-schema.test.ts keeps it fresh).
import { writeFileSync } from 'node:fs';
import { FINDINGS_LINE_SCHEMA } from '../src/report/findings-schema.ts';

writeFileSync(
  new URL('../src/report/findings-schema.json', import.meta.url),
  `${JSON.stringify(FINDINGS_LINE_SCHEMA, null, 2)}\n`,
);
