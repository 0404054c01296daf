import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { marketEventSchemaText } from '../schema.ts';
import { GENERATED_TYPES_PATH, SCHEMA_DISPLAY_PATH } from './paths.ts';
import { renderTypes } from './render-types.ts';

describe('renderTypes', () => {
  it('matches the committed generated file (run scripts/generate-types.ts after editing the schema)', () => {
    expect(readFileSync(GENERATED_TYPES_PATH, 'utf8')).toBe(renderTypes(marketEventSchemaText, SCHEMA_DISPLAY_PATH));
  });

  it('maps nullable unions and logical types to their TypeScript shapes', () => {
    const schema = JSON.stringify({
      type: 'record',
      name: 'Probe',
      fields: [
        { name: 'at', type: { type: 'long', logicalType: 'timestamp-millis' } },
        { name: 'maybe', type: ['null', 'string'] },
      ],
    });
    const rendered = renderTypes(schema, 'probe.avsc');
    expect(rendered).toContain('  at: number;');
    expect(rendered).toContain('  maybe: null | string;');
    expect(rendered).toContain("export const PROBE_FIELDS = [\n  'at',\n  'maybe',\n] as const;");
  });

  it('rejects Avro types it cannot render', () => {
    const schema = JSON.stringify({ type: 'record', name: 'Probe', fields: [{ name: 'b', type: 'bytes' }] });
    expect(() => renderTypes(schema, 'probe.avsc')).toThrow('Probe.b: unsupported Avro type bytes');
  });
});
