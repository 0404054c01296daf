// Server-Sent Events framing. An event with an id and no data still moves the client's Last-Event-ID.
export interface LiveEvent {
  /** `overflow`: the last event before the server disconnects a client that reads too slowly. */
  event?: 'window' | 'bar' | 'alert' | 'gap' | 'overflow';
  /** Resume cursor (the change's number in commit order); events without one leave the client's cursor alone. */
  id?: string;
  data?: unknown;
}

export function formatEvent({ event, id, data }: LiveEvent): string {
  let text = '';
  if (event) text += `event: ${event}\n`;
  if (id !== undefined) text += `id: ${id}\n`;
  if (data !== undefined) text += `data: ${JSON.stringify(data)}\n`;
  return `${text}\n`;
}
