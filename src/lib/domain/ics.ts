/**
 * iCalendar (RFC 5545) text for a list of events: CRLF line ends, TEXT escaping (§3.3.11),
 * lines folded at 75 octets (§3.1), times in UTC (`…Z`), a stable UID per event so calendar
 * apps update an event rather than duplicate it.
 */

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

export function buildCalendar(name: string, events: CalendarEvent[]): string {
	const lines = [
		'BEGIN:VCALENDAR',
		'VERSION:2.0',
		'PRODID:-//Centrale//Groupes de travail//FR',
		'CALSCALE:GREGORIAN',
		'METHOD:PUBLISH',
		`X-WR-CALNAME:${escapeText(name)}`
	];
	for (const e of events) {
		lines.push(
			'BEGIN:VEVENT',
			`UID:${e.uid}`,
			`DTSTAMP:${utcStamp(e.stamp)}`,
			`DTSTART:${utcStamp(e.start)}`,
			`DTEND:${utcStamp(e.start + e.durationMinutes * 60_000)}`,
			`SUMMARY:${escapeText(e.summary)}`
		);
		if (e.description) lines.push(`DESCRIPTION:${escapeText(e.description)}`);
		if (e.location) lines.push(`LOCATION:${escapeText(e.location)}`);
		if (e.url) lines.push(`URL:${e.url}`);
		lines.push('END:VEVENT');
	}
	lines.push('END:VCALENDAR');
	return lines.map(foldLine).join('\r\n') + '\r\n';
}
