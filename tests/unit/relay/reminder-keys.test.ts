import { describe, expect, it } from 'vitest';
import { dueHorizon, reminderKey, type ReminderSubject } from '$lib/domain/relay/reminder-keys';

describe('reminder keys', () => {
	it.each<[ReminderSubject, string]>([
		[{ kind: 'contract-end', contractId: 12, daysBefore: 90 }, 'contract-end:12:90'],
		[{ kind: 'relaunch', contractId: 12, successorId: 40 }, 'relaunch:12:40'],
		[{ kind: 'interest-deadline', contractId: 7, daysBefore: 14 }, 'interest-deadline:7:14'],
		[{ kind: 'ceiling', contractId: 7, percent: 80 }, 'ceiling:7:80'],
		[
			{ kind: 'budget-deadline', organisationId: 3, vehicle: 'mb2', year: 2027 },
			'budget-deadline:3:2027:mb2'
		],
		[{ kind: 'group-session', sessionId: 5 }, 'group-session:5'],
		[{ kind: 'catalogue-news', contractId: 5, status: 'awarded' }, 'catalogue-news:5:awarded'],
		[
			{ kind: 'acknowledgement', announcementId: 9, organisationId: 3, stage: 'to-referent' },
			'ack:9:3:to-referent'
		]
	])('%j is keyed %s', (subject, key) => expect(reminderKey(subject)).toBe(key));

	it('gives different occasions of one subject different keys, and the same occasion one key', () => {
		const a = reminderKey({ kind: 'contract-end', contractId: 1, daysBefore: 180 });
		const b = reminderKey({ kind: 'contract-end', contractId: 1, daysBefore: 90 });
		expect(a).not.toBe(b);
		expect(reminderKey({ kind: 'contract-end', contractId: 1, daysBefore: 180 })).toBe(a);
	});

	it.each([
		[200, null],
		[180, 180],
		[120, 180],
		[90, 90],
		[31, 90],
		[30, 30],
		[0, 30],
		[-1, null]
	])('%i days left: the %s-day reminder is due', (daysLeft, horizon) => {
		expect(dueHorizon(daysLeft)).toBe(horizon);
	});
});
