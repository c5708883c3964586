import { describe, expect, it } from 'vitest';
import { buildCalendar, escapeText, foldLine, utcStamp } from '../../src/lib/domain/ics';

describe('iCalendar', () => {
	it.each([
		['a;b,c', 'a\\;b\\,c'],
		['back\\slash', 'back\\\\slash'],
		['two\nlines\r\nhere', 'two\\nlines\\nhere'],
		['plain', 'plain']
	])('escapes %j as %j', (raw, escaped) => {
		expect(escapeText(raw)).toBe(escaped);
	});

	it('writes UTC times', () => {
		expect(utcStamp(Date.UTC(2027, 2, 15, 13, 5, 9))).toBe('20270315T130509Z');
	});

	it('folds long lines at 75 octets without splitting a character', () => {
		const line = 'DESCRIPTION:' + 'é'.repeat(100);
		const folded = foldLine(line);
		const parts = folded.split('\r\n');
		expect(parts.length).toBeGreaterThan(1);
		for (const part of parts) expect(new TextEncoder().encode(part).length).toBeLessThanOrEqual(75);
		expect(parts.slice(1).every((p) => p.startsWith(' '))).toBe(true);
		expect(parts.map((p, i) => (i ? p.slice(1) : p)).join('')).toBe(line);
	});

	it('builds a calendar with CRLF line ends and one event per session', () => {
		const ics = buildCalendar('Groupe, test', [
			{
				uid: 'seance-1@centrale',
				start: Date.UTC(2027, 0, 10, 9),
				durationMinutes: 90,
				summary: 'Atelier; sauvegardes',
				location: 'Mons, IDEA',
				stamp: Date.UTC(2026, 10, 1)
			}
		]);
		expect(ics.split('\r\n')).toEqual([
			'BEGIN:VCALENDAR',
			'VERSION:2.0',
			'PRODID:-//Centrale//Groupes de travail//FR',
			'CALSCALE:GREGORIAN',
			'METHOD:PUBLISH',
			'X-WR-CALNAME:Groupe\\, test',
			'BEGIN:VEVENT',
			'UID:seance-1@centrale',
			'DTSTAMP:20261101T000000Z',
			'DTSTART:20270110T090000Z',
			'DTEND:20270110T103000Z',
			'SUMMARY:Atelier\\; sauvegardes',
			'LOCATION:Mons\\, IDEA',
			'END:VEVENT',
			'END:VCALENDAR',
			''
		]);
	});
});

describe('all-day events', () => {
	it('writes a Brussels calendar day as VALUE=DATE ending the next day, across a month end', () => {
		const text = buildCalendar('Mes échéances', [
			{ uid: 'contract-end-7@centrale', day: '2027-03-31', summary: 'Fin du marché', stamp: 0 }
		]);
		expect(text).toContain('\r\nDTSTART;VALUE=DATE:20270331\r\n');
		expect(text).toContain('\r\nDTEND;VALUE=DATE:20270401\r\n');
		expect(text).toContain('\r\nX-WR-TIMEZONE:Europe/Brussels\r\n');
	});
});

describe('revisions and cancellation', () => {
	const base = {
		uid: 'rencontre-3@centrale',
		start: Date.UTC(2027, 2, 15, 13),
		durationMinutes: 60,
		summary: 'Démonstration',
		stamp: 0
	};

	it('writes SEQUENCE and STATUS only when given, so a first version stays as it was', () => {
		const first = buildCalendar('R', [base]);
		expect(first).not.toContain('SEQUENCE');
		expect(first).not.toContain('STATUS');
		const later = buildCalendar('R', [{ ...base, sequence: 2, status: 'CANCELLED' }]);
		expect(later).toContain('\r\nSEQUENCE:2\r\nSTATUS:CANCELLED\r\nEND:VEVENT\r\n');
	});
});
