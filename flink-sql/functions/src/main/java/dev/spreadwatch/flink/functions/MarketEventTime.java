package dev.spreadwatch.flink.functions;

import java.time.Duration;
import org.apache.flink.table.annotation.DataTypeHint;
import org.apache.flink.table.data.TimestampData;
import org.apache.flink.table.functions.ScalarFunction;

/**
 * SQL: market_event_time(message_value BYTES, registry_url STRING, max_ahead_seconds INT) -> TIMESTAMP(3) NOT NULL.
 *
 * <p>The event time of a message for the source's watermark: the decoded event time when it is a sane one,
 * else 1970-01-01, which never moves a watermark (the maximum seen so far) and so lets an undecodable message
 * or a poisoned timestamp through the source without holding back or racing ahead of any window.
 */
public class MarketEventTime extends ScalarFunction {
  private static final TimestampData NEVER = TimestampData.fromEpochMillis(0);
  private transient MarketEventRules rules;

  @DataTypeHint(value = "TIMESTAMP(3) NOT NULL", bridgedTo = TimestampData.class)
  public TimestampData eval(byte[] messageValue, String registryUrl, Integer maxAheadSeconds) {
    if (rules == null) rules = new MarketEventRules(Duration.ofSeconds(maxAheadSeconds));
    MarketEvent event = MarketEventDecoder.decode(registryUrl, messageValue, rules).event();
    if (event == null || !rules.isSaneTime(event.eventTimeMillis(), System.currentTimeMillis())) return NEVER;
    return TimestampData.fromEpochMillis(event.eventTimeMillis());
  }
}
