/**
 * iCalendar (RFC 5545) text for a list of events: CRLF line ends, TEXT escaping (§3.3.11),
 * lines folded at 75 octets (§3.1), times in UTC (`…Z`), a stable UID per event so calendar
 * apps update an event rather than duplicate it.
 */
import { addDays } from './brussels-time';

export interface CalendarEvent {
	uid: string;
	/** UTC ms */
	start: number;
	durationMinutes: number;
	summary: string;
	description?: string;
	location?: string;
	url?: string;
	/** UTC ms of the last change */
	stamp: number;
	/** revision number (RFC 5545 §3.8.7.4): calendar apps replace the copy they hold by a higher one */
	sequence?: number;
	/** `CANCELLED` tells calendar apps to remove the event (§3.8.1.11) */
	status?: 'CONFIRMED' | 'CANCELLED';
}

/**
 * An all-day event on a calendar day of Europe/Brussels ('YYYY-MM-DD'): a deadline, a contract's
 * end. Written as `VALUE=DATE` (no time, so no time zone shift in any calendar app).
 */
export interface CalendarDayEvent {
	uid: string;
	day: string;
	summary: string;
	description?: string;
	url?: string;
	/** UTC ms of the last change */
	stamp: number;
}

/** `20270315` */
function dateValue(day: string): string {
	return day.replace(/-/g, '');
}

/** RFC 5545 TEXT: backslash, semicolon, comma escaped; newlines as \n. */
export function escapeText(value: string): string {
	return value
		.replace(/\\/g, '\\\\')
		.replace(/;/g, '\\;')
		.replace(/,/g, '\\,')
		.replace(/\r\n|\r|\n/g, '\\n');
}

/** `20270315T130000Z` */
export function utcStamp(ms: number): string {
	return new Date(ms)
		.toISOString()
		.replace(/[-:]/g, '')
		.replace(/\.\d{3}/, '');
}

const encoder = new TextEncoder();

/** Folds a content line so that no physical line exceeds 75 octets, never inside a character. */
export function foldLine(line: string): string {
	const parts: string[] = [];
	let current = '';
	let size = 0;
	for (const char of line) {
		const bytes = encoder.encode(char).length;
		const limit = parts.length === 0 ? 75 : 74; // continuation lines start with a space
		if (size + bytes > limit) {
			parts.push(current);
			current = '';
			size = 0;
		}
		current += char;
		size += bytes;
	}
	parts.push(current);
	return parts.join('\r\n ');
}

export function buildCalendar(
	name: string,
	events: readonly (CalendarEvent | CalendarDayEvent)[]
): string {
	const lines = [
		'BEGIN:VCALENDAR',
		'VERSION:2.0',
		'PRODID:-//Centrale//Groupes de travail//FR',
		'CALSCALE:GREGORIAN',
		'METHOD:PUBLISH',
		`X-WR-CALNAME:${escapeText(name)}`
	];
	// calendar days are Brussels days: say so to apps that place all-day events in a zone
	if (events.some((e) => 'day' in e)) lines.push('X-WR-TIMEZONE:Europe/Brussels');
	for (const e of events) {
		lines.push(
			'BEGIN:VEVENT',
			`UID:${e.uid}`,
			`DTSTAMP:${utcStamp(e.stamp)}`,
			...('day' in e
				? [
						`DTSTART;VALUE=DATE:${dateValue(e.day)}`,
						`DTEND;VALUE=DATE:${dateValue(addDays(e.day))}`
					]
				: [
						`DTSTART:${utcStamp(e.start)}`,
						`DTEND:${utcStamp(e.start + e.durationMinutes * 60_000)}`
					]),
			`SUMMARY:${escapeText(e.summary)}`
		);
		if (e.description) lines.push(`DESCRIPTION:${escapeText(e.description)}`);
		if ('location' in e && e.location) lines.push(`LOCATION:${escapeText(e.location)}`);
		if (e.url) lines.push(`URL:${e.url}`);
		if ('sequence' in e && e.sequence) lines.push(`SEQUENCE:${e.sequence}`);
		if ('status' in e && e.status) lines.push(`STATUS:${e.status}`);
		lines.push('END:VEVENT');
	}
	lines.push('END:VCALENDAR');
	return lines.map(foldLine).join('\r\n') + '\r\n';
}
