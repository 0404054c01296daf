// What the stack knows about each server it runs.
export interface Service {
  name: string;
  /** The port people and programs connect to. */
  port: number;
  logFile: string;
  /** Signal for a clean shutdown (SIGTERM for the JVMs, SIGINT = fast shutdown for PostgreSQL). */
  stopSignal: NodeJS.Signals;
  /** One-time preparation and the process start; returns the pid. */
  start(): Promise<number>;
  /** Speaks the service's own protocol; resolves with a short description, throws when unhealthy. */
  probe(): Promise<string>;
}
