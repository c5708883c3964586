/**
 * Whether a database holds demo data, without loading the seeders: the layout asks on every
 * request and the server asks at boot, and the seeders (reports with Automerge among them) are
 * worth tens of megabytes a process should not carry for a yes or no.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../client';
import { appMeta } from '../schema';

/** true once the demo seeders have run to the end on this database */
export function demoSeeded(db: Db): boolean {
	return !!db.select().from(appMeta).where(eq(appMeta.key, 'demo')).get();
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
	const demo = demoSeeded(db);
	demoFlags.set(db, { demo, at: now });
	return demo;
}

/** Forgets what isDemoDatabase remembered (after seeding). */
export function forgetDemoFlag(db: Db) {
	demoFlags.delete(db);
}

/*
 * The server (server/index.ts) seeds before it loads the SvelteKit handler; `vite dev` has no such
 * step, so the app's init seeds too. The server says it did on globalThis, which both bundles
 * share, so the app does not load the seeders a second time.
 */
const SEEDED = Symbol.for('centrale.seeded');
type Holder = { [SEEDED]?: boolean };

export function markSeededByServer() {
	(globalThis as Holder)[SEEDED] = true;
}

export function seededByServer(): boolean {
	return (globalThis as Holder)[SEEDED] === true;
}
