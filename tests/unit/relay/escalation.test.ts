import { describe, expect, it } from 'vitest';
import { dueStages, escalationDays } from '$lib/domain/relay/escalation';

describe('acknowledgement escalation', () => {
	it('falls due every 3 working days by default', () => {
		// Monday 11 January 2027
		expect(escalationDays('2027-01-11')).toEqual({
			reminder: '2027-01-14',
			referent: '2027-01-19',
			call: '2027-01-22'
		});
	});

	it('skips Easter Monday and weekends, with a configured delay', () => {
		expect(escalationDays('2027-03-25', 2)).toEqual({
			reminder: '2027-03-30',
			referent: '2027-04-01',
			call: '2027-04-05'
		});
	});

	it.each([
		['2027-01-13', [], []],
		['2027-01-14', [], ['reminder']],
		['2027-01-14', ['reminder'], []],
		['2027-01-19', ['reminder'], ['referent']],
		// a downtime over two stages: both are due (each recorded once), none repeated
		['2027-01-25', ['reminder'], ['referent', 'call']],
		['2027-01-25', ['reminder', 'referent', 'call'], []]
	] as const)('on %s, with %j done, due: %j', (today, done, expected) => {
		expect(dueStages('2027-01-11', today, done)).toEqual(expected);
	});
});
