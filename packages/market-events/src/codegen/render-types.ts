// Renders the TypeScript type of an Avro record schema. Only the Avro shapes the market event uses are
// supported (primitives and ["null", primitive] unions); anything else throws so the schema cannot drift
// silently away from the generated type.

interface AvroField {
  name: string;
  type: unknown;
  doc?: string;
}

interface AvroRecord {
  type: 'record';
  name: string;
  namespace?: string;
  doc?: string;
  fields: AvroField[];
}

const PRIMITIVES: Record<string, string> = {
  string: 'string',
  boolean: 'boolean',
  int: 'number',
  float: 'number',
  double: 'number',
  // avsc decodes long as a JS number (exact up to 2^53); epoch milliseconds and counters fit.
  long: 'number',
};

function tsType(type: unknown, where: string): string {
  if (typeof type === 'string') {
    const ts = PRIMITIVES[type];
    if (ts === undefined) throw new Error(`${where}: unsupported Avro type ${type}`);
    return ts;
  }
  if (Array.isArray(type)) {
    return type.map((branch) => (branch === 'null' ? 'null' : tsType(branch, where))).join(' | ');
  }
  if (typeof type === 'object' && type !== null && 'type' in type) {
    // Logical types are left to the underlying type: avsc without a logicalTypes option reads
    // timestamp-millis as its long, so event_time stays a number of epoch milliseconds end to end.
    return tsType((type as { type: unknown }).type, where);
  }
  throw new Error(`${where}: unsupported Avro type ${JSON.stringify(type)}`);
}

function logicalTypeNote(type: unknown): string {
  if (typeof type === 'object' && type !== null && 'logicalType' in type) {
    const logical = type as { type: unknown; logicalType: unknown };
    return ` (Avro ${String(logical.type)}, logicalType ${String(logical.logicalType)})`;
  }
  return '';
}

export function renderTypes(schemaText: string, sourcePath: string): string {
  const schema = JSON.parse(schemaText) as AvroRecord;
  if (schema.type !== 'record') throw new Error(`${sourcePath}: top-level type must be a record`);
  const lines = [
    `// Generated from ${sourcePath} by packages/market-events/scripts/generate-types.ts; do not edit.`,
    '',
    `/** ${schema.doc ?? schema.name} */`,
    `export interface ${schema.name} {`,
  ];
  for (const field of schema.fields) {
    const where = `${schema.name}.${field.name}`;
    lines.push(`  /** ${field.doc ?? field.name}${logicalTypeNote(field.type)} */`);
    lines.push(`  ${field.name}: ${tsType(field.type, where)};`);
  }
  lines.push('}', '');
  lines.push(`/** Field names of ${schema.name} in schema order. */`);
  lines.push(`export const ${toConstantCase(schema.name)}_FIELDS = [`);
  for (const field of schema.fields) lines.push(`  '${field.name}',`);
  lines.push('] as const;', '');
  return lines.join('\n');
}

function toConstantCase(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
}
