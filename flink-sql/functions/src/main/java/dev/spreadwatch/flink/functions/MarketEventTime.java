package dev.spreadwatch.flink.functions;

import java.time.Duration;
import org.apache.flink.table.annotation.DataTypeHint;
import org.apache.flink.table.data.TimestampData;
import org.apache.flink.table.functions.ScalarFunction;

/**
 * SQL: market_event_time(message_value BYTES, registry_url STRING, max_ahead_seconds INT) -> TIMESTAMP(3) NOT NULL.
 *
 * <p>The event time of a message for the source's watermark: the decoded event time when it is a sane one.
 * A message without one (undecodable, or a poisoned timestamp) gets the newest sane event time this source
 * task has seen (1970-01-01 before the first): it never races the watermark ahead of the valid events, and a
 * partition that receives only such messages follows the others, as an idle one would, instead of holding
 * every window back (a partition with traffic is never declared idle).
 */
public class MarketEventTime extends ScalarFunction {
  private transient MarketEventRules rules;
  private long newestSaneMillis;

  @DataTypeHint(value = "TIMESTAMP(3) NOT NULL", bridgedTo = TimestampData.class)
  public TimestampData eval(byte[] messageValue, String registryUrl, Integer maxAheadSeconds) {
    if (rules == null) rules = new MarketEventRules(Duration.ofSeconds(maxAheadSeconds));
    MarketEvent event = MarketEventDecoder.decode(registryUrl, messageValue, rules).event();
    if (event == null || !rules.isSaneTime(event.eventTimeMillis(), System.currentTimeMillis())) {
      return TimestampData.fromEpochMillis(newestSaneMillis);
    }
    newestSaneMillis = Math.max(newestSaneMillis, event.eventTimeMillis());
    return TimestampData.fromEpochMillis(event.eventTimeMillis());
  }
}
