// Route option for responses of thousands of rows with nullable fields: fast-json-stringify checks each value
// of a union (every nullable field) with a schema validator, which at 5,000 symbols costs far more than
// JSON.stringify of the whole body. The rows already have exactly the schema's shape (the repositories select
// its fields, finite.ts turns NaN and ±Infinity into null), which the schema still documents.
export const plainJson = { serializerCompiler: () => (data: unknown) => JSON.stringify(data) };
