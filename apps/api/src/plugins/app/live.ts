// The live hub and the alerts topic consumer feeding it; both stop before the server closes, which ends
// every open event stream.
import fp from 'fastify-plugin';
import type { ApiConfig } from '../../config.ts';
import { startAlertsConsumer, type AlertsConsumer } from '../../live/alerts-consumer.ts';
import { LiveHub } from '../../live/hub.ts';

declare module 'fastify' {
  interface FastifyInstance {
    live: LiveHub;
    /** Resolves once the alerts topic consumer has its partitions. */
    liveAlertsReady: Promise<void>;
  }
}

export default fp(
  async (app, { config }: { config: ApiConfig }) => {
    const hub = new LiveHub(
      app.changesRepository,
      { pollMs: config.livePollMs, settleMs: config.liveSettleMs },
      app.log,
    );
    await hub.start();
    let consumer: AlertsConsumer | undefined;
    const ready = startAlertsConsumer({
      brokers: config.kafkaBrokers,
      topic: config.alertsTopic,
      log: app.log,
      onAlert: (alert, emittedAt) => hub.pushAlert(alert, emittedAt),
    }).then((started) => {
      consumer = started;
      return started.ready;
    });
    // Kafka down must not stop the API: alerts then still arrive through PostgreSQL.
    ready.catch((error: unknown) => app.log.error({ err: error }, 'alerts topic consumer did not start'));
    app.decorate('live', hub);
    app.decorate('liveAlertsReady', ready);
    app.addHook('preClose', async () => hub.close());
    app.addHook('onClose', async () => {
      await ready.catch(() => undefined);
      await consumer?.stop();
    });
  },
  { name: 'live', dependencies: ['repositories'] },
);
