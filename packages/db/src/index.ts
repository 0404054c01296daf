export { migrate, migrationsDir, type MigrateOptions } from './migrate.ts';
export { withAdvisoryLock } from './advisory-lock.ts';
