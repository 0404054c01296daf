import { describe, expect, it } from 'vitest';
import { rootCause } from './http.ts';

// Shapes of real SQL Gateway 2.2.1 error answers (trimmed stack traces).
const parseError = [
  'Internal server error.',
  [
    '<Exception on server side:',
    'org.apache.flink.table.gateway.api.utils.SqlGatewayException: org.apache.flink.table.gateway.api.utils.SqlGatewayException: Failed to fetchResults.',
    '\tat org.apache.flink.table.gateway.rest.handler.statement.FetchResultsHandler.handleRequest(FetchResultsHandler.java:91)',
    'Caused by: org.apache.flink.table.gateway.api.utils.SqlGatewayException: Failed to fetchResults.',
    'Caused by: org.apache.flink.table.gateway.service.utils.SqlExecutionException: Failed to execute the operation af18.',
    'Caused by: org.apache.flink.table.api.SqlParserException: SQL parse failed. Encountered "x" at line 1, column 16.',
    'Caused by: org.apache.calcite.sql.parser.SqlParseException: Encountered "x" at line 1, column 16.',
    'Caused by: org.apache.flink.sql.parser.impl.ParseException: Encountered "x" at line 1, column 16.',
    '\tat org.apache.flink.sql.parser.impl.FlinkSqlParserImpl.generateParseException(FlinkSqlParserImpl.java:1)',
  ].join('\n'),
];

describe('rootCause', () => {
  it('names the parse error with its line and column, without the gateway plumbing', () => {
    expect(rootCause(parseError)).toBe(
      'SqlParserException: SQL parse failed. Encountered "x" at line 1, column 16.',
    );
  });

  it('adds the deepest cause when it says something new', () => {
    const errors = [
      'Internal server error.',
      [
        'Caused by: org.apache.flink.table.gateway.service.utils.SqlExecutionException: Failed to execute the operation 1.',
        "Caused by: org.apache.flink.table.api.ValidationException: Unable to create a source for reading table 'default_catalog.default_database.t'.",
        "Caused by: org.apache.flink.table.api.ValidationException: Could not find any factory for identifier 'kafkaa'",
      ].join('\n'),
    ];
    expect(rootCause(errors)).toBe(
      "ValidationException: Unable to create a source for reading table 'default_catalog.default_database.t'. " +
        "(root cause: ValidationException: Could not find any factory for identifier 'kafkaa')",
    );
  });

  it('falls back to the first line of a plain error', () => {
    expect(rootCause(['Job 42 not found'])).toBe('Job 42 not found');
  });
});
