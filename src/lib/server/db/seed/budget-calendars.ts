/** Demo: Charleroi keeps its own budget calendar for next year; other communes use the defaults. */
import { eq } from 'drizzle-orm';
import type { Db } from '../client';
import { budgetCalendars, organisations } from '../schema';
import { now as clockNow } from '../../clock';

export function seedDemoBudgetCalendars(db: Db) {
	const charleroi = db
		.select({ id: organisations.id })
		.from(organisations)
		.where(eq(organisations.slug, 'charleroi'))
		.get();
	if (!charleroi) throw new Error('demo budget calendars: no charleroi');
	const year = clockNow().getUTCFullYear() + 1;
	db.insert(budgetCalendars)
		.values({
			organisationId: charleroi.id,
			year,
			initialVote: `${year - 1}-12-14`,
			mb1: `${year}-05-24`,
			mb2: `${year}-10-18`,
			updatedAt: clockNow()
		})
		.run();
}
