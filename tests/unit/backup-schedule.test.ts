import { describe, expect, it } from 'vitest';
import { backupSchedule, backupScheduleLabel } from '$lib/server/backup/schedule';

const covered = new Date('2027-01-15T12:00:00Z');
const due = (env: NodeJS.ProcessEnv) => backupSchedule(env)(covered).toISOString();

describe('when the server backs up', () => {
	it('is daily at 02:30 Brussels by default (01:30 UTC in winter)', () => {
		expect(due({})).toBe('2027-01-16T01:30:00.000Z');
		expect(backupScheduleLabel({})).toBe('chaque jour à 02 h 30 (heure de Bruxelles)');
	});

	it('follows BACKUP_AT, and ignores a time that does not exist', () => {
		expect(due({ BACKUP_AT: '23:15' })).toBe('2027-01-15T22:15:00.000Z');
		expect(due({ BACKUP_AT: '25:00' })).toBe('2027-01-16T01:30:00.000Z');
		expect(due({ BACKUP_AT: 'midi' })).toBe('2027-01-16T01:30:00.000Z');
	});

	it('runs every BACKUP_EVERY_MINUTES minutes when set, to shorten the RPO', () => {
		expect(due({ BACKUP_EVERY_MINUTES: '60', BACKUP_AT: '23:15' })).toBe(
			'2027-01-15T13:00:00.000Z'
		);
		expect(backupScheduleLabel({ BACKUP_EVERY_MINUTES: '60' })).toBe('toutes les 60 minutes');
		expect(due({ BACKUP_EVERY_MINUTES: '0' })).toBe('2027-01-16T01:30:00.000Z');
	});
});
