import { describe, expect, it } from 'vitest';
import {
	addWorkingDays,
	belgianHolidays,
	easterSunday,
	isWorkingDay,
	workingDaysBetween
} from '$lib/domain/relay/working-days';

describe('Belgian working days', () => {
	it.each([
		[2026, '2026-04-05'],
		[2027, '2027-03-28'],
		[2028, '2028-04-16'],
		[2029, '2029-04-01'],
		[2030, '2030-04-21']
	])('Easter %i is %s', (year, day) => expect(easterSunday(year)).toBe(day));

	it('lists the ten public holidays of 2027', () => {
		expect([...belgianHolidays(2027)].sort()).toEqual([
			'2027-01-01',
			'2027-03-29', // lundi de Pâques
			'2027-05-01',
			'2027-05-06', // Ascension
			'2027-05-17', // lundi de Pentecôte
			'2027-07-21',
			'2027-08-15',
			'2027-11-01',
			'2027-11-11',
			'2027-12-25'
		]);
	});

	it.each([
		['2027-01-15', true], // Friday
		['2027-01-16', false], // Saturday
		['2027-01-17', false], // Sunday
		['2027-07-21', false], // fête nationale, a Wednesday
		['2027-11-02', true] // Toussaint's morrow is not a legal holiday
	])('%s is a working day: %s', (day, expected) => expect(isWorkingDay(day)).toBe(expected));

	it.each([
		// Friday + 3 working days skips the weekend
		['2027-01-15', 3, '2027-01-20'],
		// Thursday before Easter: Friday, (weekend), (Easter Monday), Tuesday, Wednesday
		['2027-03-25', 3, '2027-03-31'],
		// published on a Saturday: counting starts Monday
		['2027-01-16', 1, '2027-01-18'],
		// across New Year and a weekend
		['2026-12-31', 1, '2027-01-04'],
		// Ascension Thursday and the weekend
		['2027-05-05', 2, '2027-05-10']
	])('%s + %i working days = %s', (day, n, expected) =>
		expect(addWorkingDays(day, n)).toBe(expected)
	);

	it('counts working days between two days, the first excluded', () => {
		expect(workingDaysBetween('2027-01-15', '2027-01-20')).toBe(3);
		expect(workingDaysBetween('2027-01-20', '2027-01-15')).toBe(0);
		// Friday 24 December 2027 → Monday 3 January 2028: 27–31 December and 3 January
		expect(workingDaysBetween('2027-12-24', '2028-01-03')).toBe(6);
	});
});
