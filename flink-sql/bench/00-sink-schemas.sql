-- Benchmark ceiling, part 1: the real sink tables of flink-sql/catalog/sinks.sql are defined next, in a
-- database of their own, only so that datagen-blackhole.sql can copy their columns and keys (LIKE).
CREATE DATABASE sink_schemas;
USE sink_schemas;
