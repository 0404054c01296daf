package dev.spreadwatch.flink.functions;

import java.time.Duration;
import java.time.Instant;

/**
 * What makes a decoded event fit to enter a spread, a window or a bar. The first rule an event breaks is its
 * rejection. A locked market (ask = bid, a 0 bps spread) is valid; a crossed one (ask < bid) is not.
 */
public final class MarketEventRules {
  /** No listed instrument trades near this; a price above it is a unit or scaling error, and sums overflow. */
  static final double MAX_PRICE = 1e9;
  static final int MAX_SYMBOL_LENGTH = 64;

  private final long maxAheadMillis;

  /**
   * @param maxAhead how far past the wall clock an event time may be: a far-future time would move the
   *     watermark past every window and make all events after it late.
   */
  public MarketEventRules(Duration maxAhead) {
    this.maxAheadMillis = maxAhead.toMillis();
  }

  public Rejection check(MarketEvent event, long nowMillis) {
    if (!isValidSymbol(event.symbol())) {
      return reject(RejectReason.INVALID_SYMBOL, "symbol " + Printable.of(event.symbol()) + " is empty, too long or has control characters");
    }
    if (!isSaneTime(event.eventTimeMillis(), nowMillis)) {
      return reject(RejectReason.INVALID_EVENT_TIME, "event_time " + event.eventTimeMillis() + " ms is before 1970 or more than " + maxAheadMillis / 1000 + " s ahead of the clock");
    }
    boolean trade = "TRADE".equals(event.eventType());
    if (!trade && !"QUOTE".equals(event.eventType())) {
      return reject(RejectReason.UNKNOWN_EVENT_TYPE, "event_type " + Printable.of(event.eventType()) + " is neither QUOTE nor TRADE");
    }
    Rejection price = checkPrice("bid", event.bid(), RejectReason.INVALID_PRICE);
    if (price == null) price = checkPrice("ask", event.ask(), RejectReason.INVALID_PRICE);
    if (price != null) return price;
    if (event.ask() < event.bid()) {
      return reject(RejectReason.CROSSED_MARKET, "ask " + event.ask() + " is below bid " + event.bid());
    }
    if (event.bidSize() <= 0 || event.askSize() <= 0) {
      return reject(RejectReason.INVALID_SIZE, "bid_size " + event.bidSize() + " and ask_size " + event.askSize() + " must be positive");
    }
    if (!Double.isFinite(event.stress())) {
      return reject(RejectReason.INVALID_STRESS, "stress " + event.stress() + " is not a finite number");
    }
    return trade ? checkTrade(event) : null;
  }

  private static Rejection checkTrade(MarketEvent event) {
    if (event.tradePrice() == null) return reject(RejectReason.INVALID_TRADE_PRICE, "trade without trade_price");
    Rejection price = checkPrice("trade_price", event.tradePrice(), RejectReason.INVALID_TRADE_PRICE);
    if (price != null) return price;
    if (event.tradeSize() == null || event.tradeSize() <= 0) {
      return reject(RejectReason.INVALID_TRADE_SIZE, "trade_size " + event.tradeSize() + " must be positive");
    }
    if (!"BUY".equals(event.side()) && !"SELL".equals(event.side())) {
      return reject(RejectReason.INVALID_SIDE, "side " + Printable.of(event.side()) + " is neither BUY nor SELL");
    }
    return null;
  }

  private static Rejection checkPrice(String field, double value, RejectReason reason) {
    if (Double.isFinite(value) && value > 0 && value <= MAX_PRICE) return null;
    return reject(reason, field + " " + value + " is not a positive finite price up to " + (long) MAX_PRICE);
  }

  static boolean isValidSymbol(String symbol) {
    if (symbol == null || symbol.isBlank() || symbol.length() > MAX_SYMBOL_LENGTH) return false;
    // A loop, not chars().noneMatch: this runs for every message and the stream was a hot spot.
    for (int i = 0; i < symbol.length(); i++) {
      char c = symbol.charAt(i);
      if (Character.isISOControl(c) || Character.isSurrogate(c)) return false;
    }
    return true;
  }

  boolean isSaneTime(long eventTimeMillis, long nowMillis) {
    return eventTimeMillis >= 0 && eventTimeMillis <= nowMillis + maxAheadMillis && eventTimeMillis <= MAX_TIME;
  }

  private static final long MAX_TIME = Instant.parse("9999-12-31T23:59:59.999Z").toEpochMilli();

  private static Rejection reject(RejectReason reason, String detail) {
    return new Rejection(reason, detail);
  }
}
