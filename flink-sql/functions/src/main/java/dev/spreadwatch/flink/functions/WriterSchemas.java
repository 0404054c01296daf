package dev.spreadwatch.flink.functions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;

/**
 * Writer schemas by id, from the Confluent-compatible API of the schema registry, cached for the life of the
 * process (an id always names the same schema). An id the registry says it does not know (404 with error code
 * 40403) is a property of the message, remembered for a minute (it may be registered late); a registry that
 * cannot be reached, or answers anything else, is not, so that throws and Flink restarts the task from its
 * last checkpoint, losing nothing.
 */
final class WriterSchemas {
  /** An id the registry does not know, or whose schema does not parse. */
  static final class UnusableSchemaException extends Exception {
    final RejectReason reason;

    UnusableSchemaException(RejectReason reason, String message) {
      super(message);
      this.reason = reason;
    }
  }

  private static final int ATTEMPTS = 4;
  private static final int SCHEMA_NOT_FOUND = 40403;
  private static final long UNKNOWN_ID_REMEMBERED_MS = 60_000;
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  /** Bounds the memory a flood of messages with random ids can take; past it, lookups are just not cached. */
  private static final int MAX_CACHED = 10_000;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String registryUrl;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  private final Map<Integer, Object> byId = new ConcurrentHashMap<>();
  private final Map<Integer, Long> unknownUntil = new ConcurrentHashMap<>();

  WriterSchemas(String registryUrl) {
    this.registryUrl = registryUrl.replaceAll("/+$", "");
  }

  Schema get(int id) throws UnusableSchemaException {
    Long until = unknownUntil.get(id);
    if (until != null && until > System.currentTimeMillis()) throw unknown(id);
    Object cached = byId.get(id);
    if (cached == null) {
      cached = fetch(id);
      if (cached == null) {
        if (unknownUntil.size() >= MAX_CACHED) unknownUntil.clear();
        unknownUntil.put(id, System.currentTimeMillis() + UNKNOWN_ID_REMEMBERED_MS);
        throw unknown(id);
      }
      if (byId.size() < MAX_CACHED) byId.put(id, cached);
    }
    if (cached instanceof UnusableSchemaException unusable) throw unusable;
    return (Schema) cached;
  }

  private static UnusableSchemaException unknown(int id) {
    return new UnusableSchemaException(RejectReason.UNKNOWN_SCHEMA_ID, "schema id " + id + " is not in the registry");
  }

  /** The parsed schema or an UnusableSchemaException; null when the registry does not know the id. */
  private Object fetch(int id) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(registryUrl + "/schemas/ids/" + id)).timeout(TIMEOUT).GET().build();
    RuntimeException last = null;
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      if (attempt > 1) sleep(250L << attempt);
      try {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200) return parse(id, response.body());
        if (response.statusCode() == 404 && errorCode(response.body()) == SCHEMA_NOT_FOUND) return null;
        last = new IllegalStateException("schema registry at " + registryUrl + " answered " + response.statusCode() + " for schema id " + id + ": " + Printable.of(response.body()));
      } catch (IOException e) {
        last = new IllegalStateException("schema registry at " + registryUrl + " unreachable fetching schema id " + id + ": " + e, e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted fetching schema id " + id, e);
      }
    }
    throw last;
  }

  private static int errorCode(String body) {
    try {
      JsonNode code = JSON.readTree(body).get("error_code");
      return code == null ? -1 : code.asInt();
    } catch (IOException e) {
      return -1;
    }
  }

  private static Object parse(int id, String body) {
    try {
      JsonNode response = JSON.readTree(body);
      JsonNode type = response.get("schemaType");
      if (type != null && !"AVRO".equals(type.asText())) {
        return new UnusableSchemaException(RejectReason.UNREADABLE_SCHEMA, "schema id " + id + " is a " + Printable.of(type.asText()) + " schema, not Avro");
      }
      JsonNode schema = response.get("schema");
      if (schema == null || !schema.isTextual()) {
        return new UnusableSchemaException(RejectReason.UNREADABLE_SCHEMA, "registry entry " + id + " holds no schema");
      }
      return new Schema.Parser().parse(schema.asText());
    } catch (IOException | RuntimeException e) {
      // Avro's parser throws more than SchemaParseException on text that is not an Avro schema (seen: a
      // NullPointerException on a JSON Schema registered without a type).
      return new UnusableSchemaException(RejectReason.UNREADABLE_SCHEMA, "schema id " + id + " is not an Avro schema: " + Printable.of(String.valueOf(e.getMessage())));
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
