export { type AppConfig, type CreateAppOptions, createApp } from './app.js';
export { type Clock, ManualClock, systemClock } from './clock.js';
export { connectDatabase, type DatabaseHandle } from './db/connect.js';
export { migrateToLatest } from './db/migrate.js';
export { createTenant } from './domain/tenants/create-tenant.js';
export { signUserToken } from './security/user-token.js';
