package dev.spreadwatch.flink.functions;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;

/**
 * Confluent wire format (magic byte 0, 4-byte big-endian schema id, Avro binary) into a {@link DecodeResult}:
 * the writer schema comes from the registry by id and is resolved against schemas/market_event.avsc, as the
 * avro-confluent format does, but a message that fails any step is answered as a rejection, never thrown.
 */
public final class MarketEventDecoder {
  static {
    // Avro allocates a string or bytes field's declared length before reading it: ten bytes declaring a 2 GB
    // symbol ran the TaskManager out of heap. These limits (read once, when Avro's SystemLimitException
    // loads) make such a length a SystemLimitException instead. The names are those of the relocated Avro.
    System.setProperty("dev.spreadwatch.shaded.avro.limits.string.maxLength", "65536");
    System.setProperty("dev.spreadwatch.shaded.avro.limits.bytes.maxLength", "65536");
    System.setProperty("dev.spreadwatch.shaded.avro.limits.collectionItems.maxLength", "10000");
  }

  private static final byte MAGIC_BYTE = 0;
  /** Bounds the readers kept for schema ids; past it, readers are built per message (slower, still right). */
  private static final int MAX_READERS = 1_000;
  private static final int HEADER_LENGTH = 5;
  static final Schema READER_SCHEMA = loadReaderSchema();
  /** One per registry URL and process: schemas and resolved readers are shared by every task. */
  private static final Map<String, MarketEventDecoder> BY_REGISTRY = new ConcurrentHashMap<>();

  private final WriterSchemas writerSchemas;
  private final Map<Integer, Object> readers = new ConcurrentHashMap<>();
  private final ThreadLocal<BinaryDecoder> decoders = new ThreadLocal<>();

  MarketEventDecoder(WriterSchemas writerSchemas) {
    this.writerSchemas = writerSchemas;
  }

  public static MarketEventDecoder forRegistry(String registryUrl) {
    return BY_REGISTRY.computeIfAbsent(registryUrl, url -> new MarketEventDecoder(new WriterSchemas(url)));
  }

  /** The last message this thread decoded, and what it decoded to. */
  private record Last(String registryUrl, byte[] value, DecodeResult result) {}

  // The source's watermark expression and the projection after it both decode each message, one after the
  // other on the task thread; remembering the last one halves the decoding work.
  private static final ThreadLocal<Last> LAST = new ThreadLocal<>();

  /** Decodes and validates one message value (null for a tombstone). */
  public static DecodeResult decode(String registryUrl, byte[] value, MarketEventRules rules) {
    Last last = LAST.get();
    if (last != null && last.registryUrl.equals(registryUrl) && Arrays.equals(last.value, value)) return last.result;
    DecodeResult result = forRegistry(registryUrl).decode(value, rules, System.currentTimeMillis());
    LAST.set(new Last(registryUrl, value, result));
    return result;
  }

  DecodeResult decode(byte[] value, MarketEventRules rules, long nowMillis) {
    if (value == null || value.length == 0) return DecodeResult.undecodable(RejectReason.NOT_AVRO, "empty message value");
    if (value.length < HEADER_LENGTH || value[0] != MAGIC_BYTE) {
      return DecodeResult.undecodable(RejectReason.NOT_AVRO, "no Confluent Avro header (first byte " + (value[0] & 0xff) + ", " + value.length + " bytes)");
    }
    int schemaId = ByteBuffer.wrap(value, 1, 4).getInt();
    Object reader = readers.get(schemaId);
    if (reader == null) {
      reader = reader(schemaId);
      // An unknown id is not kept: WriterSchemas remembers it for a while, then asks again.
      boolean unknown = reader instanceof Rejection rejected && rejected.reason() == RejectReason.UNKNOWN_SCHEMA_ID;
      if (!unknown && readers.size() < MAX_READERS) readers.put(schemaId, reader);
    }
    if (reader instanceof Rejection rejection) return new DecodeResult(null, rejection);
    MarketEvent event;
    try {
      event = read((GenericDatumReader<GenericRecord>) reader, value);
    } catch (IOException | RuntimeException e) {
      return DecodeResult.undecodable(RejectReason.MALFORMED_AVRO, "schema id " + schemaId + ": " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + Printable.of(e.getMessage())));
    }
    Rejection rejection = rules.check(event, nowMillis);
    return rejection == null ? DecodeResult.valid(event) : DecodeResult.rejected(event, rejection);
  }

  private Object reader(int schemaId) {
    Schema writer;
    try {
      writer = writerSchemas.get(schemaId);
    } catch (WriterSchemas.UnusableSchemaException e) {
      return new Rejection(e.reason, e.getMessage());
    }
    try {
      SchemaCompatibility.SchemaPairCompatibility compatibility = SchemaCompatibility.checkReaderWriterCompatibility(READER_SCHEMA, writer);
      if (compatibility.getType() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
        return new Rejection(RejectReason.UNREADABLE_SCHEMA, "schema id " + schemaId + " (" + Printable.of(writer.getFullName()) + ") cannot be read as " + READER_SCHEMA.getFullName() + ": " + Printable.of(compatibility.getDescription()));
      }
      return new GenericDatumReader<GenericRecord>(writer, READER_SCHEMA);
    } catch (RuntimeException e) {
      return new Rejection(RejectReason.UNREADABLE_SCHEMA, "schema id " + schemaId + " cannot be resolved: " + Printable.of(String.valueOf(e.getMessage())));
    }
  }

  private MarketEvent read(GenericDatumReader<GenericRecord> reader, byte[] value) throws IOException {
    BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(value, HEADER_LENGTH, value.length - HEADER_LENGTH, decoders.get());
    decoders.set(decoder);
    GenericRecord record = reader.read(null, decoder);
    if (!decoder.isEnd()) throw new AvroRuntimeException("bytes left over after the record");
    // By position, not by name: a name is a hash lookup per field per message, measurable at 100k messages/s.
    return new MarketEvent(
        text(record.get(Field.SYMBOL)),
        (Long) record.get(Field.EVENT_TIME),
        text(record.get(Field.EVENT_TYPE)),
        (Double) record.get(Field.BID),
        (Double) record.get(Field.ASK),
        (Long) record.get(Field.BID_SIZE),
        (Long) record.get(Field.ASK_SIZE),
        (Double) record.get(Field.TRADE_PRICE),
        (Long) record.get(Field.TRADE_SIZE),
        text(record.get(Field.SIDE)),
        (Double) record.get(Field.STRESS),
        (Long) record.get(Field.SEQUENCE));
  }

  /** Positions of the reader schema's fields (a resolved record is laid out as the reader schema). */
  private static final class Field {
    static final int SYMBOL = position("symbol");
    static final int EVENT_TIME = position("event_time");
    static final int EVENT_TYPE = position("event_type");
    static final int BID = position("bid");
    static final int ASK = position("ask");
    static final int BID_SIZE = position("bid_size");
    static final int ASK_SIZE = position("ask_size");
    static final int TRADE_PRICE = position("trade_price");
    static final int TRADE_SIZE = position("trade_size");
    static final int SIDE = position("side");
    static final int STRESS = position("stress");
    static final int SEQUENCE = position("sequence");

    private static int position(String name) {
      Schema.Field field = READER_SCHEMA.getField(name);
      if (field == null) throw new IllegalStateException("market_event.avsc has no field " + name);
      return field.pos();
    }
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }

  private static Schema loadReaderSchema() {
    try (InputStream in = MarketEventDecoder.class.getResourceAsStream("/market_event.avsc")) {
      if (in == null) throw new IllegalStateException("market_event.avsc is not in the functions jar");
      return new Schema.Parser().parse(in);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read market_event.avsc from the functions jar", e);
    }
  }
}
