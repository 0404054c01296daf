// Server-Sent Events framing. An event with an id and no data still moves the client's Last-Event-ID.
export interface LiveEvent {
  /** `overflow`: the last event before the server disconnects a client that reads too slowly. */
  event?: 'window' | 'bar' | 'alert' | 'gap' | 'overflow';
  /** Resume cursor (the change's number in commit order); events without one leave the client's cursor alone. */
  id?: string;
  data?: unknown;
}

// A broadcast hands the same event objects to every subscriber: each is serialized once, not per client.
const formatted = new WeakMap<LiveEvent, string>();

export function formatEvent(message: LiveEvent): string {
  let text = formatted.get(message);
  if (text === undefined) {
    const { event, id, data } = message;
    text = '';
    if (event) text += `event: ${event}\n`;
    if (id !== undefined) text += `id: ${id}\n`;
    if (data !== undefined) text += `data: ${JSON.stringify(data)}\n`;
    text += '\n';
    formatted.set(message, text);
  }
  return text;
}
