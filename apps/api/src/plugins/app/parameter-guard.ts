// Parameter values the route schemas let through but no handler can use, answered with 400 instead of reaching
// PostgreSQL as a failing query (a 500): text with the NUL character (PostgreSQL text cannot hold it), and
// numbers that are not finite (with type coercion, ajv turns "1e309" or "Infinity" into Infinity and lets it
// pass an integer schema with a maximum).
import fp from 'fastify-plugin';
import { badRequest } from '../../errors.ts';

/** Why the first unusable parameter value is refused, naming the parameter; undefined when all are usable. */
export function unusableParameter(parameters: unknown): string | undefined {
  if (typeof parameters !== 'object' || parameters === null) return undefined;
  for (const [name, value] of Object.entries(parameters)) {
    for (const item of Array.isArray(value) ? (value as unknown[]) : [value]) {
      if (typeof item === 'string' && item.includes('\u0000'))
        return `${name} must not contain a NUL character`;
      if (typeof item === 'number' && !Number.isFinite(item)) return `${name} must be a finite number`;
    }
  }
  return undefined;
}

export default fp(
  async (app) => {
    // After validation: the values are the coerced ones the handler would get.
    app.addHook('preHandler', async (request) => {
      const problem = unusableParameter(request.params) ?? unusableParameter(request.query);
      if (problem !== undefined) throw badRequest(problem);
    });
  },
  { name: 'parameter-guard' },
);
