/**
 * Local authorities' own budget calendars: read (with the defaults as fallback, said so) and
 * kept by the authority's referent. Every change is audited with the dates before and after.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { CommuneBudgetDates } from '../domain/commune-budget-calendar';
import type { Actor } from '../domain/permissions';
import { BUYING_KINDS, type OrganisationKind } from '../domain/roles';
import { audit } from './audit';
import { getDb } from './db/client';
import { budgetCalendars, organisations } from './db/schema';
import { now as clockNow } from './clock';

/** The authority's own dates for each year it entered, by year. */
export function listBudgetCalendars(organisationId: number): CommuneBudgetDates[] {
	return getDb()
		.select({
			year: budgetCalendars.year,
			initialVote: budgetCalendars.initialVote,
			mb1: budgetCalendars.mb1,
			mb2: budgetCalendars.mb2
		})
		.from(budgetCalendars)
		.where(eq(budgetCalendars.organisationId, organisationId))
		.orderBy(asc(budgetCalendars.year))
		.all();
}

/** The authority's own dates for `year`, or null when it uses the defaults. */
export function budgetCalendarFor(organisationId: number, year: number): CommuneBudgetDates | null {
	return listBudgetCalendars(organisationId).find((c) => c.year === year) ?? null;
}

/** Saves (creates or replaces) the dates of one year; the caller has checked them. */
export function saveBudgetCalendar(
	organisationId: number,
	dates: CommuneBudgetDates,
	by: Actor,
	now = clockNow()
) {
	const db = getDb();
	const before = budgetCalendarFor(organisationId, dates.year);
	db.transaction(() => {
		const values = { initialVote: dates.initialVote, mb1: dates.mb1, mb2: dates.mb2 };
		db.insert(budgetCalendars)
			.values({ organisationId, year: dates.year, ...values, updatedBy: by.id, updatedAt: now })
			.onConflictDoUpdate({
				target: [budgetCalendars.organisationId, budgetCalendars.year],
				set: { ...values, updatedBy: by.id, updatedAt: now }
			})
			.run();
		audit(
			{
				actorId: by.id,
				action: 'budgetCalendar.save',
				subjectType: 'organisation',
				subjectId: organisationId,
				details: { year: dates.year, before, after: values }
			},
			now
		);
	});
}

/** Goes back to the defaults for `year`; false when the year had no own dates. */
export function resetBudgetCalendar(
	organisationId: number,
	year: number,
	by: Actor,
	now = clockNow()
): boolean {
	const before = budgetCalendarFor(organisationId, year);
	if (!before) return false;
	const db = getDb();
	db.transaction(() => {
		db.delete(budgetCalendars)
			.where(
				and(eq(budgetCalendars.organisationId, organisationId), eq(budgetCalendars.year, year))
			)
			.run();
		audit(
			{
				actorId: by.id,
				action: 'budgetCalendar.reset',
				subjectType: 'organisation',
				subjectId: organisationId,
				details: { year, before }
			},
			now
		);
	});
	return true;
}

export interface BudgetOrganisation {
	id: number;
	name: string;
	kind: OrganisationKind;
}

/** The organisation whose calendar is asked for, or null when there is none. */
export function budgetOrganisation(id: number): BudgetOrganisation | null {
	if (!Number.isSafeInteger(id)) return null;
	return (
		getDb()
			.select({ id: organisations.id, name: organisations.name, kind: organisations.kind })
			.from(organisations)
			.where(eq(organisations.id, id))
			.get() ?? null
	);
}

/** Every local authority that votes a budget, by name (for buyers choosing one). */
export function listBudgetOrganisations(): BudgetOrganisation[] {
	return getDb()
		.select({ id: organisations.id, name: organisations.name, kind: organisations.kind })
		.from(organisations)
		.where(inArray(organisations.kind, [...BUYING_KINDS]))
		.orderBy(asc(organisations.name))
		.all();
}
