// Splits a Flink SQL file into statements, remembering where each starts so a gateway error ("at line 3,
// column 5" of a statement) can be traced back to the file, and fills in the file's ${PLACEHOLDERS}.

export interface SqlStatement {
  file: string;
  /** 1-based line in the file of the statement's first character. */
  line: number;
  text: string;
}

const statementSet = /^EXECUTE\s+STATEMENT\s+SET\b/i;

export function splitStatements(sql: string, file: string): SqlStatement[] {
  const statements: SqlStatement[] = [];
  let start = -1;
  let startLine = 0;
  let line = 1;
  for (let i = 0; i < sql.length; i++) {
    const char = sql[i];
    if (char === '\n') line++;
    if (char === '-' && sql[i + 1] === '-') {
      while (i + 1 < sql.length && sql[i + 1] !== '\n') i++;
      continue;
    }
    if (char === '/' && sql[i + 1] === '*') {
      const end = sql.indexOf('*/', i + 2);
      const stop = end < 0 ? sql.length : end + 1;
      for (; i < stop; i++) if (sql[i + 1] === '\n') line++;
      continue;
    }
    if (start < 0 && !/\s/.test(char ?? '')) {
      start = i;
      startLine = line;
    }
    if (char === "'" || char === '`') {
      const close = sql.indexOf(char, i + 1);
      if (close < 0)
        throw new Error(`${file}:${line}: unterminated ${char === "'" ? 'string literal' : 'identifier'}`);
      for (; i < close; i++) if (sql[i + 1] === '\n') line++;
      continue;
    }
    if (char === ';' && start >= 0) {
      const text = sql.slice(start, i).trim();
      // Inside EXECUTE STATEMENT SET BEGIN ... END the INSERTs' semicolons do not end the statement.
      if (statementSet.test(text) && !/\bEND$/i.test(text)) continue;
      statements.push({ file, line: startLine, text });
      start = -1;
    }
  }
  if (start >= 0) {
    const rest = sql
      .slice(start)
      .replace(/--[^\n]*/g, '')
      .trim();
    if (rest !== '') throw new Error(`${file}:${startLine}: statement not terminated by ';'`);
  }
  return statements;
}

const placeholder = /\$\{([A-Z][A-Z0-9_]*)\}/g;

/**
 * Replaces each ${NAME} by its value. The files use placeholders only inside string literals, so values are
 * escaped as literal content ('' for '): a value can never end the literal and inject SQL. A placeholder
 * without a value is an error, so a misspelled one cannot reach Flink.
 */
export function fillPlaceholders(
  statement: SqlStatement,
  values: Readonly<Record<string, string>>,
): SqlStatement {
  const text = statement.text.replace(placeholder, (_, name: string) => {
    const value = values[name];
    if (value === undefined)
      throw new Error(`${statement.file}:${statement.line}: no value for placeholder \${${name}}`);
    return value.replaceAll("'", "''");
  });
  return { ...statement, text };
}

/** Maps "line N" in a gateway message about a statement to the line of the file it came from. */
export function fileLineOf(statement: SqlStatement, gatewayMessage: string): number | undefined {
  const match = /\bline (\d+), column \d+/.exec(gatewayMessage);
  return match ? statement.line + Number(match[1]) - 1 : undefined;
}
