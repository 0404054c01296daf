// What the stack knows about each server it runs.

/** The command line the supervisor runs for a service, and reruns when it dies. */
export interface LaunchSpec {
  command: string;
  args: string[];
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Run as this system user (PostgreSQL refuses to run as root). */
  user?: string;
}

export interface Service {
  name: string;
  /** The port people and programs connect to. */
  port: number;
  /** Every port it listens on: `up` refuses to start it while another process holds one. */
  binds: number[];
  logFile: string;
  /** One-time preparation (config, storage), then the command line to supervise. */
  launch(): Promise<LaunchSpec>;
  /** Speaks the service's own protocol; resolves with a short description, throws when unhealthy. */
  probe(): Promise<string>;
}
