export const USAGE = `Usage: tsx apps/producer/src/main.ts [options]

Simulates a market and produces its quotes and trades to Kafka as Avro (Confluent wire format).

  --symbols N          symbols to simulate (default 12, at most 100000)
  --rate R             about R events per second of wall-clock time: paced by event time, which
                       advances R / --event-rate times as fast as the wall clock; 0 = as fast as
                       possible (default 0)
  --event-rate R       events per second of event time on average (default: --rate if > 0, else the
                       liquidity tiers' natural rates, about 11 per symbol)
  --count N            stop after N events
  --duration D         stop at D of event time: 500ms, 90s, 15m, 2h (plain numbers are seconds)
  --seed S             PRNG seed, a non-negative integer (default 1)
  --start-time T       event-time origin, ISO 8601 or epoch milliseconds (default: now, to the second);
                       the same seed, start time and options give the same events, byte for byte
  --late-fraction F    fraction of events emitted late, in [0, 1] (default 0)
  --max-delay-ms M     bound on how late, in event-time milliseconds (needed with --late-fraction)
  --topic T            Kafka topic (default market_events)
  --partitions P       partitions if the topic has to be created (default 12)
  --brokers B          comma-separated host:port list (default $SPREADWATCH_KAFKA_BROKERS or 127.0.0.1:9092)
  --registry URL       schema registry, Confluent API (default $SPREADWATCH_REGISTRY_URL or
                       http://127.0.0.1:8085/apis/ccompat/v7)
  --dry-run            write the events as NDJSON to stdout instead of Kafka
  --help               show this help

Environment: SPREADWATCH_KAFKA_BROKERS, SPREADWATCH_REGISTRY_URL, SPREADWATCH_LOG_LEVEL (debug, info,
warn, error; default info), SPREADWATCH_CONNECT_ATTEMPTS (startup attempts with backoff; default 10).

Live mode (--rate R with no --event-rate or the same R, and no --start-time): event time is the wall
clock; each event is sent at its event time, never before it, and the start time is when producing
starts. A producer that cannot keep up falls behind by at most 0.5 s, then stamps later events with
the wall clock (the schedule slips) and warns with the slip: event time stays within a second of the
wall clock, and events go out at the rate the producer sustains. Events held back by --late-fraction
are behind by their delay, by design.

Without --count or --duration it runs until SIGINT or SIGTERM, then flushes and reports.
Exit codes: 0 all events acknowledged, 1 failure, 2 invalid options.
`;
