// Repositories as decorators: handlers reach data through them, never through SQL of their own.
import fp from 'fastify-plugin';
import { createAlertsRepository, type AlertsRepository } from '../../repositories/alerts.ts';
import { createBarsRepository, type BarsRepository } from '../../repositories/bars.ts';
import { createChangesRepository, type ChangesRepository } from '../../repositories/changes.ts';
import { createLateEventsRepository, type LateEventsRepository } from '../../repositories/late-events.ts';
import { createMetricsRepository, type MetricsRepository } from '../../repositories/metrics.ts';
import { memoize } from '../../repositories/memoize.ts';
import { createRejectsRepository, type RejectsRepository } from '../../repositories/rejects.ts';
import { createSymbolsRepository, type SymbolsRepository } from '../../repositories/symbols.ts';
import type { ApiConfig } from '../../config.ts';

declare module 'fastify' {
  interface FastifyInstance {
    symbolsRepository: SymbolsRepository;
    metricsRepository: MetricsRepository;
    barsRepository: BarsRepository;
    alertsRepository: AlertsRepository;
    changesRepository: ChangesRepository;
    rejectsRepository: RejectsRepository;
    lateEventsRepository: LateEventsRepository;
  }
}

export default fp(
  async (app, { config }: { config: ApiConfig }) => {
    const metrics = createMetricsRepository(app.pg);
    app.decorate('symbolsRepository', createSymbolsRepository(app.pg));
    // The latest windows change once per poll of the live stream at most: shared as long as that.
    app.decorate('metricsRepository', { ...metrics, latest: memoize(metrics.latest, config.livePollMs) });
    app.decorate('barsRepository', createBarsRepository(app.pg));
    app.decorate('alertsRepository', createAlertsRepository(app.pg));
    app.decorate('changesRepository', createChangesRepository(app.pg));
    app.decorate('rejectsRepository', createRejectsRepository(app.pg));
    app.decorate('lateEventsRepository', createLateEventsRepository(app.pg));
  },
  { name: 'repositories', dependencies: ['pg'] },
);
