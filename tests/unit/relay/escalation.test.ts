import { describe, expect, it } from 'vitest';
import { escalationReached, receiptStatus } from '$lib/domain/relay/announcement';
import { dueStages, escalationDays } from '$lib/domain/relay/escalation';

describe('acknowledgement escalation', () => {
	it('falls due every 3 working days by default', () => {
		// Monday 11 January 2027
		expect(escalationDays('2027-01-11')).toEqual({
			reminder: '2027-01-14',
			'to-referent': '2027-01-19',
			call: '2027-01-22'
		});
	});

	it('skips Easter Monday and weekends, with a configured delay', () => {
		expect(escalationDays('2027-03-25', 2)).toEqual({
			reminder: '2027-03-30',
			'to-referent': '2027-04-01',
			call: '2027-04-05'
		});
	});

	it.each([
		['2027-01-13', [], []],
		['2027-01-14', [], ['reminder']],
		['2027-01-14', ['reminder'], []],
		['2027-01-19', ['reminder'], ['to-referent']],
		// a downtime over two stages: both are due (each recorded once), none repeated
		['2027-01-25', ['reminder'], ['to-referent', 'call']],
		['2027-01-25', ['reminder', 'to-referent', 'call'], []]
	] as const)('on %s, with %j done, due: %j', (today, done, expected) => {
		expect(dueStages('2027-01-11', today, done)).toEqual(expected);
	});
});

describe('receipts as the buyer reads them', () => {
	it.each([
		[{ openedAt: null, acknowledgedAt: null }, 'unopened'],
		[{ openedAt: new Date(), acknowledgedAt: null }, 'opened'],
		[{ openedAt: new Date(), acknowledgedAt: new Date() }, 'acknowledged'],
		// acknowledged from the mail's link without the page being counted as opened first
		[{ openedAt: null, acknowledgedAt: new Date() }, 'acknowledged']
	] as const)('%j is %s', (r, expected) => expect(receiptStatus(r)).toBe(expected));

	it.each([
		['2027-01-13', null],
		['2027-01-14', 'reminder'],
		['2027-01-20', 'to-referent'],
		['2027-02-20', 'call']
	] as const)('on %s the furthest stage reached is %s', (today, stage) => {
		expect(escalationReached('2027-01-11', today, 3)).toBe(stage);
	});
});
