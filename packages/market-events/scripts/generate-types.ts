// Regenerates src/generated/market-event.ts from schemas/market_event.avsc:
//   npx tsx packages/market-events/scripts/generate-types.ts
import { writeFileSync } from 'node:fs';
import { renderTypes } from '../src/codegen/render-types.ts';
import { GENERATED_TYPES_PATH, SCHEMA_DISPLAY_PATH } from '../src/codegen/paths.ts';
import { marketEventSchemaText } from '../src/schema.ts';

writeFileSync(GENERATED_TYPES_PATH, renderTypes(marketEventSchemaText, SCHEMA_DISPLAY_PATH));
console.log(`wrote ${GENERATED_TYPES_PATH}`);
