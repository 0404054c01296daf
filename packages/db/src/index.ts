export { migrate, migrationsDir, type MigrateOptions } from './migrate.ts';
