package dev.spreadwatch.flink.functions;

/**
 * What one message decodes to: a valid event (rejection null), an invalid one (both set), or an undecodable
 * one (event null).
 */
public record DecodeResult(MarketEvent event, Rejection rejection) {
  static DecodeResult valid(MarketEvent event) {
    return new DecodeResult(event, null);
  }

  static DecodeResult rejected(MarketEvent event, Rejection rejection) {
    return new DecodeResult(event, rejection);
  }

  static DecodeResult undecodable(RejectReason reason, String detail) {
    return new DecodeResult(null, new Rejection(reason, detail));
  }

  public boolean isValid() {
    return rejection == null;
  }
}
