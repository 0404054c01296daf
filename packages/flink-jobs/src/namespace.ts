// A namespace is a separate topic and table set, so a replay, backtest or test runs beside the live
// pipeline without mixing with it. The live namespace ('') is market_events -> schema public.

export interface Namespace {
  /** '' for live. */
  name: string;
  sourceTopic: string;
  alertsTopic: string;
  /** PostgreSQL schema of the sink tables. */
  schema: string;
  /** Prefix of the Flink job names (pipeline.name). */
  jobPrefix: string;
}

// Valid as a PostgreSQL schema name, a Kafka topic suffix and part of a job name alike; `public` and the
// live topic names cannot be reached through it.
const namespaceName = /^[a-z][a-z0-9_]{0,39}$/;

export function resolveNamespace(name: string): Namespace {
  if (name === '') {
    return {
      name,
      sourceTopic: 'market_events',
      alertsTopic: 'spread_alerts',
      schema: 'public',
      jobPrefix: 'spreadwatch',
    };
  }
  if (!namespaceName.test(name) || name === 'public') {
    throw new Error(
      `invalid namespace "${name}": use 1-40 lower-case letters, digits and underscores, starting with a letter (not "public")`,
    );
  }
  return {
    name,
    sourceTopic: `market_events.${name}`,
    alertsTopic: `spread_alerts.${name}`,
    schema: name,
    jobPrefix: `spreadwatch-${name}`,
  };
}

export function jobName(namespace: Namespace, job: string): string {
  return `${namespace.jobPrefix}-${job}`;
}
