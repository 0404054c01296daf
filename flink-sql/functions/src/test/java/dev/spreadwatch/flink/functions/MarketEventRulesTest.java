package dev.spreadwatch.flink.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class MarketEventRulesTest {
  private static final long NOW = 1_767_621_600_000L; // 2026-01-05T14:00:00Z
  private final MarketEventRules rules = new MarketEventRules(Duration.ofMinutes(5));

  private static MarketEvent quote(double bid, double ask) {
    return new MarketEvent("AAPL", NOW, "QUOTE", bid, ask, 100, 200, null, null, null, 0.5, 1);
  }

  private static MarketEvent trade(Double price, Long size, String side) {
    return new MarketEvent("AAPL", NOW, "TRADE", 99.99, 100.01, 100, 200, price, size, side, 0.5, 2);
  }

  private RejectReason reason(MarketEvent event) {
    Rejection rejection = rules.check(event, NOW);
    return rejection == null ? null : rejection.reason();
  }

  @Test
  void acceptsQuotesTradesAndALockedMarket() {
    assertNull(reason(quote(99.99, 100.01)));
    assertNull(reason(quote(100.0, 100.0)));
    assertNull(reason(trade(100.0, 10L, "BUY")));
    assertNull(reason(trade(100.02, 10L, "SELL")));
  }

  @Test
  void rejectsBadPricesAndCrossedMarkets() {
    assertEquals(RejectReason.INVALID_PRICE, reason(quote(0, 0)));
    assertEquals(RejectReason.INVALID_PRICE, reason(quote(-1, 100)));
    assertEquals(RejectReason.INVALID_PRICE, reason(quote(Double.NaN, 100)));
    assertEquals(RejectReason.INVALID_PRICE, reason(quote(99, Double.POSITIVE_INFINITY)));
    assertEquals(RejectReason.INVALID_PRICE, reason(quote(2e9, 2e9)));
    assertEquals(RejectReason.CROSSED_MARKET, reason(quote(100.02, 100.01)));
  }

  @Test
  void rejectsBadSizesStressAndTypes() {
    assertEquals(RejectReason.INVALID_SIZE, reason(new MarketEvent("AAPL", NOW, "QUOTE", 1, 2, 0, 5, null, null, null, 0, 1)));
    assertEquals(RejectReason.INVALID_STRESS, reason(new MarketEvent("AAPL", NOW, "QUOTE", 1, 2, 5, 5, null, null, null, Double.NaN, 1)));
    assertEquals(RejectReason.UNKNOWN_EVENT_TYPE, reason(new MarketEvent("AAPL", NOW, "CANCEL", 1, 2, 5, 5, null, null, null, 0, 1)));
    assertEquals(RejectReason.INVALID_SYMBOL, reason(new MarketEvent("", NOW, "QUOTE", 1, 2, 5, 5, null, null, null, 0, 1)));
    assertEquals(RejectReason.INVALID_SYMBOL, reason(new MarketEvent("A\u0000B", NOW, "QUOTE", 1, 2, 5, 5, null, null, null, 0, 1)));
  }

  @Test
  void rejectsIncompleteTrades() {
    assertEquals(RejectReason.INVALID_TRADE_PRICE, reason(trade(null, 10L, "BUY")));
    assertEquals(RejectReason.INVALID_TRADE_PRICE, reason(trade(Double.NaN, 10L, "BUY")));
    assertEquals(RejectReason.INVALID_TRADE_SIZE, reason(trade(100.0, null, "BUY")));
    assertEquals(RejectReason.INVALID_TRADE_SIZE, reason(trade(100.0, -5L, "BUY")));
    assertEquals(RejectReason.INVALID_SIDE, reason(trade(100.0, 10L, null)));
    assertEquals(RejectReason.INVALID_SIDE, reason(trade(100.0, 10L, "buy")));
  }

  @Test
  void rejectsTimesBefore1970OrTooFarAhead() {
    MarketEvent before1970 = new MarketEvent("AAPL", -1, "QUOTE", 1, 2, 5, 5, null, null, null, 0, 1);
    MarketEvent farAhead = new MarketEvent("AAPL", NOW + Duration.ofMinutes(6).toMillis(), "QUOTE", 1, 2, 5, 5, null, null, null, 0, 1);
    MarketEvent slightlyAhead = new MarketEvent("AAPL", NOW + Duration.ofMinutes(4).toMillis(), "QUOTE", 1, 2, 5, 5, null, null, null, 0, 1);
    assertEquals(RejectReason.INVALID_EVENT_TIME, reason(before1970));
    assertEquals(RejectReason.INVALID_EVENT_TIME, reason(farAhead));
    assertNull(reason(slightlyAhead));
  }

  @Test
  void detailsNeverCarryControlCharacters() {
    Rejection rejection = rules.check(new MarketEvent("AAPL", NOW, "Q\u0000", 1, 2, 5, 5, null, null, null, 0, 1), NOW);
    assertEquals("event_type \"Q\\u0000\" is neither QUOTE nor TRADE", rejection.detail());
  }
}
