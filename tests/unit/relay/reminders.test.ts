import { describe, expect, it } from 'vitest';
import { reminderKey } from '../../../src/lib/domain/relay/reminder-keys';
import {
	budgetVoteDue,
	ceilingReached,
	endHorizons,
	INTEREST_HORIZONS,
	milestoneDue,
	sessionReminderDue
} from '../../../src/lib/domain/relay/reminders';

describe('reminder rules', () => {
	it('reads REMINDER_END_DAYS, largest first, and falls back to the defaults when unreadable', () => {
		expect(endHorizons(undefined)).toEqual([180, 90, 30]);
		expect(endHorizons('30, 90,180')).toEqual([180, 90, 30]);
		expect(endHorizons('60,7')).toEqual([60, 7]);
		expect(endHorizons('60,soon')).toEqual([180, 90, 30]);
		expect(endHorizons('0')).toEqual([180, 90, 30]);
	});

	it('picks the nearest end milestone reached: after a downtime past 180 days, only the 90-day one', () => {
		const horizons = [180, 90, 30];
		expect(milestoneDue('2027-06-30', '2026-12-01', horizons)).toBeNull(); // 211 days
		expect(milestoneDue('2027-06-30', '2027-01-01', horizons)).toBe(180);
		expect(milestoneDue('2027-06-30', '2027-04-01', horizons)).toBe(90);
		expect(milestoneDue('2027-06-30', '2027-06-30', horizons)).toBe(30);
		expect(milestoneDue('2027-06-30', '2027-07-01', horizons)).toBeNull();
		expect(milestoneDue(null, '2027-07-01', horizons)).toBeNull();
	});

	it('reminds an interest deadline 14 then 3 days before', () => {
		expect(milestoneDue('2027-03-20', '2027-03-05', INTEREST_HORIZONS)).toBeNull();
		expect(milestoneDue('2027-03-20', '2027-03-06', INTEREST_HORIZONS)).toBe(14);
		expect(milestoneDue('2027-03-20', '2027-03-17', INTEREST_HORIZONS)).toBe(3);
	});

	it('reminds a budget vote in the 14 days before it, the vote day included', () => {
		expect(budgetVoteDue('2027-09-30', '2027-09-15')).toBe(false);
		expect(budgetVoteDue('2027-09-30', '2027-09-16')).toBe(true);
		expect(budgetVoteDue('2027-09-30', '2027-09-30')).toBe(true);
		expect(budgetVoteDue('2027-09-30', '2027-10-01')).toBe(false);
		expect(budgetVoteDue(null, '2027-10-01')).toBe(false);
	});

	it('tells the ceiling crossing at exactly 80 % and 100 %, in whole cents', () => {
		expect(ceilingReached(null, 1_000_000)).toBeNull();
		expect(ceilingReached(1_000_000, 799_999)).toBeNull();
		expect(ceilingReached(1_000_000, 800_000)).toBe(80);
		expect(ceilingReached(1_000_000, 999_999)).toBe(80);
		expect(ceilingReached(1_000_000, 1_000_000)).toBe(100);
		expect(ceilingReached(3, 3)).toBe(100);
	});

	it('reminds a session the day before, or on its day after a downtime, never once started', () => {
		const starts = Date.UTC(2027, 2, 10, 13); // 14:00 Brussels
		expect(sessionReminderDue('2027-03-10', starts, '2027-03-08', starts - 2 * 86_400_000)).toBe(
			false
		);
		expect(sessionReminderDue('2027-03-10', starts, '2027-03-09', starts - 86_400_000)).toBe(true);
		expect(sessionReminderDue('2027-03-10', starts, '2027-03-10', starts - 3_600_000)).toBe(true);
		expect(sessionReminderDue('2027-03-10', starts, '2027-03-10', starts + 1)).toBe(false);
	});

	it('keys a moved date as a new occasion', () => {
		expect(
			reminderKey({ kind: 'contract-end', contractId: 4, daysBefore: 90, on: '2027-06-30' })
		).toBe('contract-end:4:90:2027-06-30');
		expect(reminderKey({ kind: 'lot-end', lotId: 8, daysBefore: 30 })).toBe('lot-end:8:30');
		expect(reminderKey({ kind: 'group-session', sessionId: 5, on: '2027-03-10' })).toBe(
			'group-session:5:2027-03-10'
		);
	});
});
