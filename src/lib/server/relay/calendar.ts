/**
 * A person's calendar (iCalendar, RFC 5545) of the dates that concern them (issue 17, « Feeds »):
 * dates of the announcements their organisation received (interest deadlines, events), the end of
 * the contracts their organisation adheres to, and their organisation's budget calendar deadlines.
 * All are calendar days of Europe/Brussels, written as all-day events. Same secret as the Atom feed.
 */
import { and, eq, isNotNull, isNull } from 'drizzle-orm';
import { VEHICLE_LABELS } from '../../domain/budget-calendar';
import { buildCalendar, type CalendarDayEvent } from '../../domain/ics';
import { listBudgetCalendars } from '../budget-calendars';
import { now } from '../clock';
import { publicUrl } from '../config';
import { getDb } from '../db/client';
import { adhesions, announcementReceipts, announcements, contracts, users } from '../db/schema';
import { feedTokenOf, userByFeedToken } from './feeds';

export const PERSONAL_CALENDAR_PATH = '/notifications/agenda.ics';

/** The address of a person's calendar, secret included (shown only to that person). */
export function personalCalendarPath(userId: number): string {
	return `${PERSONAL_CALENDAR_PATH}?jeton=${feedTokenOf(userId)}`;
}

export function personalCalendarEvents(organisationId: number, stamp: number): CalendarDayEvent[] {
	const db = getDb();
	const events: CalendarDayEvent[] = [];
	const received = db
		.select({
			id: announcements.id,
			title: announcements.title,
			deadline: announcements.deadline,
			eventDate: announcements.eventDate
		})
		.from(announcementReceipts)
		.innerJoin(announcements, eq(announcements.id, announcementReceipts.announcementId))
		.where(eq(announcementReceipts.organisationId, organisationId))
		.all();
	for (const a of received) {
		const url = publicUrl(`/annonces/${a.id}`);
		if (a.deadline)
			events.push({
				uid: `announcement-${a.id}-deadline@centrale`,
				day: a.deadline,
				summary: `Date limite : ${a.title}`,
				url,
				stamp
			});
		if (a.eventDate)
			events.push({
				uid: `announcement-${a.id}-event@centrale`,
				day: a.eventDate,
				summary: a.title,
				url,
				stamp
			});
	}
	const ends = db
		.selectDistinct({
			id: contracts.id,
			reference: contracts.reference,
			title: contracts.title,
			endDate: contracts.endDate
		})
		.from(adhesions)
		.innerJoin(contracts, eq(contracts.id, adhesions.contractId))
		.where(
			and(
				eq(adhesions.organisationId, organisationId),
				isNull(adhesions.withdrawnAt),
				isNotNull(contracts.endDate)
			)
		)
		.all();
	for (const c of ends)
		events.push({
			uid: `contract-${c.id}-end-${organisationId}@centrale`,
			day: c.endDate!,
			summary: `Fin du marché ${c.reference} : ${c.title}`,
			url: publicUrl(`/catalogue/${encodeURIComponent(c.reference)}`),
			stamp
		});
	for (const year of listBudgetCalendars(organisationId)) {
		const dates = { initial: year.initialVote, mb1: year.mb1, mb2: year.mb2 } as const;
		for (const [vehicle, day] of Object.entries(dates) as [keyof typeof dates, string | null][])
			if (day)
				events.push({
					uid: `budget-${organisationId}-${year.year}-${vehicle}@centrale`,
					day,
					summary: `${VEHICLE_LABELS[vehicle]} ${year.year} : vote au conseil`,
					url: publicUrl('/compte/calendrier-budgetaire'),
					stamp
				});
	}
	return events.sort((a, b) => a.day.localeCompare(b.day));
}

export function personalCalendar(organisationId: number, stamp: number): string {
	return buildCalendar('Centrale — mes échéances', personalCalendarEvents(organisationId, stamp));
}

/** The calendar a feed secret opens, or null (wrong or replaced secret: the route answers 404). */
export function calendarForFeedToken(token: string | null): string | null {
	const userId = userByFeedToken(token);
	if (userId === null) return null;
	const user = getDb()
		.select({ organisationId: users.organisationId })
		.from(users)
		.where(eq(users.id, userId))
		.get();
	return user ? personalCalendar(user.organisationId, now().getTime()) : null;
}
