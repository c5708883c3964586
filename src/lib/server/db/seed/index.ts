/** Brings a database to a usable state: reference data always, demo data in demo mode, once. */
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
import { demoSeeded, forgetDemoFlag } from './state';
import { now as clockNow } from '../../clock';

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
	if (demoSeeded(db)) return { demoSeeded: false };
	for (const seeder of DEMO_SEEDERS) await seeder(db);
	db.insert(appMeta).values({ key: 'demo', value: clockNow().toISOString() }).run();
	forgetDemoFlag(db);
	return { demoSeeded: true };
}
