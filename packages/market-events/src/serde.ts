// Serializer and deserializer of market events in the Confluent wire format, over the schema registry.
import {
  AvroDeserializer,
  AvroSerializer,
  SchemaRegistryClient,
  SerdeType,
} from '@confluentinc/schemaregistry';
import type { MarketEvent } from './generated/market-event.ts';
import { marketEventSchemaText } from './schema.ts';
import { encodeWireFormat } from './wire-format.ts';

export interface MarketEventSerde {
  readonly subject: string;
  readonly schemaId: number;
  /** The registry client's serializer: the reference encoding. */
  serialize(event: MarketEvent): Promise<Buffer>;
  /** The same bytes as serialize, synchronously and about 30 times faster (see encodeWireFormat). */
  encode(event: MarketEvent): Buffer;
  /** Decodes any wire-format message of the topic, fetching its writer schema from the registry by id. */
  deserialize(message: Buffer): Promise<MarketEvent>;
}

export interface MarketEventSerdeOptions {
  registryUrl: string;
  topic: string;
  /** Attempts of each registry request before it fails (the client backs off between them). */
  maxRetries?: number;
  /** How long one registry request may take before it counts as failed (and is retried). */
  requestTimeoutMs?: number;
}

/**
 * Registers schemas/market_event.avsc under the topic's value subject (idempotent: an identical schema
 * gets its existing id) and returns a serde pinned to that id. The serializer's own autoRegisterSchemas is
 * not used because, without a schema id, @confluentinc/schemaregistry derives the schema from the message
 * value (Type.forValue): it would register an inferred "Record1" without docs or the timestamp-millis
 * logical type instead of the .avsc.
 */
export async function createMarketEventSerde(options: MarketEventSerdeOptions): Promise<MarketEventSerde> {
  const client = new SchemaRegistryClient({
    baseURLs: [options.registryUrl],
    // The client sets no timeout of its own: a request the registry never answers would hang forever.
    createAxiosDefaults: { timeout: options.requestTimeoutMs ?? 10_000 },
    maxRetries: options.maxRetries ?? 3,
    retriesWaitMs: 200,
    retriesMaxWaitMs: 5_000,
  });
  const subject = `${options.topic}-value`;
  const schemaId = await client.register(subject, { schemaType: 'AVRO', schema: marketEventSchemaText });
  const serializer = new AvroSerializer(client, SerdeType.VALUE, { useSchemaId: schemaId });
  const deserializer = new AvroDeserializer(client, SerdeType.VALUE, {});
  return {
    subject,
    schemaId,
    serialize: (event) => serializer.serialize(options.topic, event),
    encode: (event) => encodeWireFormat(schemaId, event),
    deserialize: async (message) => (await deserializer.deserialize(options.topic, message)) as MarketEvent,
  };
}
