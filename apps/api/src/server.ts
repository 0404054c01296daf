// Starts the API: listens, logs with pino, and shuts down gracefully on SIGTERM/SIGINT (event streams end,
// the alerts consumer leaves its group, the PostgreSQL pool closes) within a bounded time.
import { buildApp } from './app.ts';
import { loadConfig } from './config.ts';

const SHUTDOWN_TIMEOUT_MS = 10_000;

const config = loadConfig();
const app = await buildApp(config, { logger: { level: config.logLevel }, forceCloseConnections: 'idle' });
if (config.apiTokenGenerated) {
  app.log.warn(
    `SPREADWATCH_API_TOKEN is not set; the job control routes take this generated token: ${config.apiToken}`,
  );
}
if (!config.webDistDir) app.log.warn('no built dashboard (apps/web/dist): serving the API only');

let closing = false;
async function shutdown(signal: string): Promise<void> {
  if (closing) return;
  closing = true;
  app.log.info({ signal }, 'shutting down');
  const timer = setTimeout(() => {
    app.log.error('shutdown timed out; exiting');
    process.exit(1);
  }, SHUTDOWN_TIMEOUT_MS);
  await app.close();
  clearTimeout(timer);
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));

await app.listen({ host: config.host, port: config.port });
app.log.info(
  `Spreadwatch at http://${config.host}:${config.port} (API docs at /docs, namespace ${config.schema})`,
);
