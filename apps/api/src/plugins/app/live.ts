// The live hub and the alerts topic consumer feeding it; both stop before the server closes, which ends
// every open event stream. The newest windows kept in memory follow the hub's cursor. Without Kafka (or before the alerts topic exists) the consumer retries, and
// alerts still arrive through PostgreSQL meanwhile.
import fp from 'fastify-plugin';
import type { ApiConfig } from '../../config.ts';
import { startAlertsConsumer, type AlertsConsumer } from '../../live/alerts-consumer.ts';
import { LiveHub } from '../../live/hub.ts';
import { LatestWindows } from '../../live/latest-windows.ts';

declare module 'fastify' {
  interface FastifyInstance {
    live: LiveHub;
    /** Resolves once the alerts topic consumer has its partitions. */
    liveAlertsReady: Promise<void>;
    /** The newest window of every symbol, never staler than the live stream. */
    latestWindows: LatestWindows;
  }
}

const RETRY_MS = 5_000;

export default fp(
  async (app, { config }: { config: ApiConfig }) => {
    const hub = new LiveHub(
      app.changesRepository,
      { pollMs: config.livePollMs, retentionS: config.liveRetentionS },
      app.log,
    );
    await hub.start();
    let consumer: AlertsConsumer | undefined;
    let closed = false;
    let retry: NodeJS.Timeout | undefined;
    let starting: Promise<AlertsConsumer> | undefined;
    const start = async (): Promise<void> => {
      try {
        consumer = await (starting = startAlertsConsumer({
          brokers: config.kafkaBrokers,
          topic: config.alertsTopic,
          log: app.log,
          onAlert: (alert, emittedAt) => hub.pushAlert(alert, emittedAt),
        }));
        if (closed) await consumer.stop();
        return consumer.ready;
      } catch (error) {
        app.log.warn(
          { err: error, topic: config.alertsTopic },
          `alerts topic consumer not started; retrying in ${RETRY_MS} ms`,
        );
        if (closed) throw error;
        await new Promise((resolve) => (retry = setTimeout(resolve, RETRY_MS)));
        return start();
      }
    };
    const ready = start();
    ready.catch(() => undefined);
    app.decorate('live', hub);
    app.decorate('latestWindows', new LatestWindows(app.metricsRepository.latest, () => hub.cursor));
    app.decorate('liveAlertsReady', ready);
    app.addHook('preClose', async () => hub.close());
    app.addHook('onClose', async () => {
      closed = true;
      clearTimeout(retry);
      await starting?.catch(() => undefined);
      await consumer?.stop();
    });
  },
  { name: 'live', dependencies: ['repositories'] },
);
