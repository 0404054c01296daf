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
import org.apache.avro.SchemaParseException;

/**
 * Writer schemas by id, from the Confluent-compatible API of the schema registry, cached for the life of the
 * process (an id always names the same schema). An id the registry answers 404 for is a property of the
 * message; a registry that cannot be reached is not, so that throws and Flink restarts the task from its last
 * checkpoint, losing nothing.
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
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  /** Bounds the memory a flood of messages with random ids can take; past it, lookups are just not cached. */
  private static final int MAX_CACHED = 10_000;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String registryUrl;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  private final Map<Integer, Object> byId = new ConcurrentHashMap<>();

  WriterSchemas(String registryUrl) {
    this.registryUrl = registryUrl.replaceAll("/+$", "");
  }

  Schema get(int id) throws UnusableSchemaException {
    Object cached = byId.get(id);
    if (cached == null) {
      cached = fetch(id);
      if (byId.size() < MAX_CACHED) byId.put(id, cached);
    }
    if (cached instanceof UnusableSchemaException unusable) throw unusable;
    return (Schema) cached;
  }

  private Object fetch(int id) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(registryUrl + "/schemas/ids/" + id)).timeout(TIMEOUT).GET().build();
    RuntimeException last = null;
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      try {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 404) {
          return new UnusableSchemaException(RejectReason.UNKNOWN_SCHEMA_ID, "schema id " + id + " is not in the registry");
        }
        if (response.statusCode() == 200) return parse(id, response.body());
        last = new IllegalStateException("schema registry answered " + response.statusCode() + " for schema id " + id + " at " + registryUrl);
      } catch (IOException e) {
        last = new IllegalStateException("schema registry at " + registryUrl + " unreachable fetching schema id " + id + ": " + e, e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted fetching schema id " + id, e);
      }
      sleep(250L << attempt);
    }
    throw last;
  }

  private static Object parse(int id, String body) {
    try {
      JsonNode schema = JSON.readTree(body).get("schema");
      if (schema == null || !schema.isTextual()) {
        return new UnusableSchemaException(RejectReason.UNREADABLE_SCHEMA, "registry entry " + id + " holds no schema");
      }
      return new Schema.Parser().parse(schema.asText());
    } catch (IOException | SchemaParseException e) {
      return new UnusableSchemaException(RejectReason.UNREADABLE_SCHEMA, "schema id " + id + " is not an Avro schema: " + e.getMessage());
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
