package dev.spreadwatch.flink.functions;

/** A rejected message: the reason code and, for a person, which value was wrong. */
public record Rejection(RejectReason reason, String detail) {}
