/** Brings a database to a usable state: reference data always, demo data in demo mode, once. */
import { eq } from 'drizzle-orm';
import type { Db } from '../client';
import { appMeta } from '../schema';
import { seedDemoAnnouncements } from './announcements';
import { seedDemoBoards } from './boards';
import { seedDemoBudgetCalendars } from './budget-calendars';
import { seedDemoCatalogue } from './catalogue';
import { seedDemoAccounts } from './demo';
import { seedDemoEvents, seedDemoUsages } from './peers';
import { seedDemoPlans } from './plan';
import { seedReference } from './reference';
import { seedDemoReports } from './reports';

export type DemoSeeder = (db: Db) => Promise<void> | void;

/**
 * Demo content of each area (catalogue, boards…), run in this order after the accounts.
 * Each area adds its seeder here.
 */
const DEMO_SEEDERS: DemoSeeder[] = [
	seedDemoAccounts,
	seedDemoCatalogue,
	seedDemoBoards,
	seedDemoBudgetCalendars,
	seedDemoUsages,
	seedDemoEvents,
	seedDemoPlans,
	seedDemoAnnouncements,
	seedDemoReports
];

export interface SeedOutcome {
	demoSeeded: boolean;
}

export async function seedDatabase(db: Db, options: { demo: boolean }): Promise<SeedOutcome> {
	seedReference(db);
	if (!options.demo) return { demoSeeded: false };
	const done = db.select().from(appMeta).where(eq(appMeta.key, 'demo')).get();
	if (done) return { demoSeeded: false };
	for (const seeder of DEMO_SEEDERS) await seeder(db);
	db.insert(appMeta).values({ key: 'demo', value: new Date().toISOString() }).run();
	demoFlags.delete(db);
	return { demoSeeded: true };
}

const demoFlags = new WeakMap<Db, { demo: boolean; at: number }>();

/**
 * true when this database holds demo data (shown in the footer of every page). Remembered for a
 * minute: the layout asks on every request, and `npm run seed -- --reset` from another process
 * is the only thing that changes it.
 */
export function isDemoDatabase(db: Db, now = Date.now()): boolean {
	const known = demoFlags.get(db);
	if (known && now - known.at < 60_000) return known.demo;
	const demo = !!db.select().from(appMeta).where(eq(appMeta.key, 'demo')).get();
	demoFlags.set(db, { demo, at: now });
	return demo;
}
