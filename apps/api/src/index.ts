export { buildApp } from './app.ts';
export { loadConfig, type ApiConfig } from './config.ts';
