// Live stream clients for the fan-out benchmark, in a worker thread off the server's event loop: each opens
// /api/live, counts the events it receives, and per chunk notes how long ago the oldest bar in it was written
// (the row's writtenAt; same host, same clock). Plain JavaScript, evaluated by Worker.
export const sseClientsWorker = `
const { parentPort, workerData } = require('node:worker_threads');
const http = require('node:http');
const latencies = [];
let events = 0;
const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
let open = 0;
for (let i = 0; i < workerData.clients; i++) {
  http.get(workerData.url, { agent }, (response) => {
    response.setEncoding('utf8');
    if (++open === workerData.clients) parentPort.postMessage({ open });
    let tail = '';
    response.on('data', (chunk) => {
      const now = Date.now();
      // With the end of the previous chunk: an event name split between two chunks counts once.
      const text = tail + chunk;
      for (let at = text.indexOf('event: bar'); at >= 0; at = text.indexOf('event: bar', at + 1)) events++;
      tail = chunk.slice(-9);
      const written = chunk.indexOf('"writtenAt":"');
      const end = written < 0 ? -1 : chunk.indexOf('"', written + 13);
      const at = end < 0 ? Number.NaN : Date.parse(chunk.slice(written + 13, end));
      if (Number.isFinite(at)) latencies.push(now - at);
    });
  });
}
parentPort.on('message', () => {
  parentPort.postMessage({ latencies, events });
  process.exit(0);
});
`;
