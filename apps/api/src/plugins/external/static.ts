// The built dashboard (apps/web/dist) at /, with index.html for the app's own paths (client routing).
import fastifyStatic from '@fastify/static';
import fp from 'fastify-plugin';

export default fp(
  async (app, { root }: { root: string }) => {
    await app.register(fastifyStatic, { root, wildcard: true });
  },
  { name: 'static' },
);
