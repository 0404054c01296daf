package dev.spreadwatch.flink.functions;

/** One decoded market event, the fields of schemas/market_event.avsc; trade fields are null on quotes. */
public record MarketEvent(
    String symbol,
    long eventTimeMillis,
    String eventType,
    double bid,
    double ask,
    long bidSize,
    long askSize,
    Double tradePrice,
    Long tradeSize,
    String side,
    double stress,
    long sequence) {}
