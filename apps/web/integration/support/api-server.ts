// The real API (apps/api) in this process, serving one namespace and the built dashboard on a free port.
import type { FastifyInstance } from 'fastify';
import { buildApp, loadConfig } from '@spreadwatch/api';
import { distDir } from './web-build.ts';

export interface ApiServer {
  url: string;
  token: string;
  close: () => Promise<void>;
}

export async function startApi(namespace: string, token: string, port = 0): Promise<ApiServer> {
  const config = loadConfig({
    ...process.env,
    SPREADWATCH_NAMESPACE: namespace,
    SPREADWATCH_API_TOKEN: token,
    SPREADWATCH_WEB_DIST_DIR: distDir,
    SPREADWATCH_LOG_LEVEL: 'warn',
  });
  const app: FastifyInstance = await buildApp(config, {
    logger: { level: 'warn' },
    forceCloseConnections: true,
  });
  await app.listen({ host: '127.0.0.1', port });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('API has no TCP address');
  return { url: `http://127.0.0.1:${address.port}`, token, close: () => app.close() };
}
