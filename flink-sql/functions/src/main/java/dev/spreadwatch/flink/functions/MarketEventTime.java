package dev.spreadwatch.flink.functions;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.table.annotation.DataTypeHint;
import org.apache.flink.table.data.TimestampData;
import org.apache.flink.table.functions.ScalarFunction;

/**
 * SQL: market_event_time(message_value BYTES, kafka_partition INT, registry_url STRING, max_ahead_seconds INT)
 * -> TIMESTAMP(3) NOT NULL.
 *
 * <p>The event time of a message for the source's watermark: the decoded event time when it is a sane one.
 * A message without one (undecodable, or a poisoned timestamp) gets the newest sane event time of its own
 * partition (1970-01-01 before the first), so it never moves that partition's watermark. Not the newest of the
 * whole source task: while a backlog is read, one partition runs minutes ahead of another, and a reject on the
 * slow one would then push its watermark past its own valid events, making them late.
 */
public class MarketEventTime extends ScalarFunction {
  private transient MarketEventRules rules;
  private final Map<Integer, Long> newestSaneMillis = new HashMap<>();

  @DataTypeHint(value = "TIMESTAMP(3) NOT NULL", bridgedTo = TimestampData.class)
  public TimestampData eval(byte[] messageValue, Integer kafkaPartition, String registryUrl, Integer maxAheadSeconds) {
    if (rules == null) rules = new MarketEventRules(Duration.ofSeconds(maxAheadSeconds));
    MarketEvent event = MarketEventDecoder.decode(registryUrl, messageValue, rules).event();
    if (event == null || !rules.isSaneTime(event.eventTimeMillis(), System.currentTimeMillis())) {
      return TimestampData.fromEpochMillis(newestSaneMillis.getOrDefault(kafkaPartition, 0L));
    }
    newestSaneMillis.merge(kafkaPartition, event.eventTimeMillis(), Math::max);
    return TimestampData.fromEpochMillis(event.eventTimeMillis());
  }
}
