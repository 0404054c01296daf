// Bearer token of the mutating routes: `onRequest: app.authenticate` answers 401 without the right token.
import { timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';

declare module 'fastify' {
  interface FastifyInstance {
    authenticate: (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
  }
}

export function tokenMatches(header: string | undefined, token: string): boolean {
  const presented = Buffer.from(/^Bearer (.+)$/.exec(header ?? '')?.[1] ?? '');
  const expected = Buffer.from(token);
  return presented.length === expected.length && timingSafeEqual(presented, expected);
}

export default fp(
  async (app, { token }: { token: string }) => {
    app.decorate('authenticate', async (request: FastifyRequest, reply: FastifyReply) => {
      if (tokenMatches(request.headers.authorization, token)) return;
      reply.header('www-authenticate', 'Bearer');
      await reply.code(401).send({
        statusCode: 401,
        error: 'Unauthorized',
        message: 'this route needs the header Authorization: Bearer <SPREADWATCH_API_TOKEN>',
      });
    });
  },
  { name: 'auth' },
);
