/**
 * The relational schema, one file per area under tables/: everything that carries rights, money
 * or commitments. drizzle-kit generates the SQL migrations in drizzle/ from this barrel
 * (`npm run db:generate`).
 */
export * from './tables/core';
export * from './tables/boards';
export * from './tables/documents';
export * from './tables/catalogue';
export * from './tables/budget-calendars';
export * from './tables/jobs';
export * from './tables/devices';
export * from './tables/orders';
export * from './tables/catalogue-version';
export * from './tables/peers';
export * from './tables/plan';
export * from './tables/reports';
export * from './tables/relay';
