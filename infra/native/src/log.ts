// Progress output for people watching `make up`: one timestamped line per step, to stderr.
const start = Date.now();

function stamp(): string {
  return `+${((Date.now() - start) / 1000).toFixed(1).padStart(5)}s`;
}

export const log = {
  step(message: string): void {
    process.stderr.write(`${stamp()}  ${message}\n`);
  },
  detail(scope: string, message: string): void {
    process.stderr.write(`${stamp()}  [${scope}] ${message}\n`);
  },
  error(message: string): void {
    process.stderr.write(`${stamp()}  ERROR ${message}\n`);
  },
};
