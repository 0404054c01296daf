import { fileURLToPath } from 'node:url';

export const GENERATED_TYPES_PATH = fileURLToPath(new URL('../generated/market-event.ts', import.meta.url));

/** How the generated file names its source, relative to the repository root. */
export const SCHEMA_DISPLAY_PATH = 'schemas/market_event.avsc';
