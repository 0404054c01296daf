// Repositories as decorators: handlers reach data through them, never through SQL of their own.
import fp from 'fastify-plugin';
import { createAlertsRepository, type AlertsRepository } from '../../repositories/alerts.ts';
import { createBarsRepository, type BarsRepository } from '../../repositories/bars.ts';
import { createChangesRepository, type ChangesRepository } from '../../repositories/changes.ts';
import { createLateEventsRepository, type LateEventsRepository } from '../../repositories/late-events.ts';
import { createMetricsRepository, type MetricsRepository } from '../../repositories/metrics.ts';
import { createRejectsRepository, type RejectsRepository } from '../../repositories/rejects.ts';
import { createSymbolsRepository, type SymbolsRepository } from '../../repositories/symbols.ts';

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
  async (app) => {
    app.decorate('symbolsRepository', createSymbolsRepository(app.pg));
    app.decorate('metricsRepository', createMetricsRepository(app.pg));
    app.decorate('barsRepository', createBarsRepository(app.pg));
    app.decorate('alertsRepository', createAlertsRepository(app.pg));
    app.decorate('changesRepository', createChangesRepository(app.pg));
    app.decorate('rejectsRepository', createRejectsRepository(app.pg));
    app.decorate('lateEventsRepository', createLateEventsRepository(app.pg));
  },
  { name: 'repositories', dependencies: ['pg'] },
);
