import { describe, expect, it } from 'vitest';
import { fileLineOf, fillPlaceholders, splitStatements } from './sql-file.ts';

describe('splitStatements', () => {
  it('splits on semicolons outside comments, literals and statement sets, with each start line', () => {
    const sql = [
      '-- header; with a semicolon',
      'CREATE TABLE t (',
      "  a STRING COMMENT 'x;y'",
      ") WITH ('connector' = 'datagen');",
      '/* block; comment',
      '   spanning lines */',
      'EXECUTE STATEMENT SET',
      'BEGIN',
      '  INSERT INTO a SELECT * FROM t;',
      '  INSERT INTO b SELECT * FROM t;',
      'END;',
      '',
    ].join('\n');
    const statements = splitStatements(sql, 'f.sql');
    expect(statements.map((statement) => statement.line)).toEqual([2, 7]);
    expect(statements[0]?.text).toBe(
      "CREATE TABLE t (\n  a STRING COMMENT 'x;y'\n) WITH ('connector' = 'datagen')",
    );
    expect(statements[1]?.text).toMatch(/^EXECUTE STATEMENT SET\nBEGIN\n.*\nEND$/s);
  });

  it('rejects a statement without its semicolon', () => {
    expect(() => splitStatements('SELECT 1;\nSELECT 2\n-- trailing', 'f.sql')).toThrow(
      'f.sql:2: statement not terminated',
    );
  });
});

describe('fillPlaceholders', () => {
  const statement = { file: 'f.sql', line: 4, text: "WITH ('topic' = '${SOURCE_TOPIC}')" };

  it('fills values escaped as string literal content', () => {
    expect(fillPlaceholders(statement, { SOURCE_TOPIC: "x'); DROP TABLE y; --" }).text).toBe(
      "WITH ('topic' = 'x''); DROP TABLE y; --')",
    );
  });

  it('refuses a placeholder without a value', () => {
    expect(() => fillPlaceholders(statement, {})).toThrow(
      'f.sql:4: no value for placeholder ${SOURCE_TOPIC}',
    );
  });
});

describe('fileLineOf', () => {
  it('maps a statement-relative line to the file line', () => {
    expect(fileLineOf({ file: 'f.sql', line: 10, text: '' }, 'Encountered "x" at line 3, column 16.')).toBe(
      12,
    );
  });
});
