import { describe, expect, it } from 'vitest';
import { backupsToKeep, type BackupStamp } from '$lib/domain/backup-retention';

/** a verified backup taken at `iso` (UTC), named after its instant */
const good = (iso: string): BackupStamp => ({ name: iso, takenAt: new Date(iso), verified: true });
const failed = (iso: string): BackupStamp => ({ ...good(iso), verified: false });

/** one backup a night at 02:30 Brussels (01:30 UTC in winter) from `first` for `days` days */
function nightly(first: string, days: number): BackupStamp[] {
	const start = new Date(`${first}T01:30:00Z`).getTime();
	return Array.from({ length: days }, (_, i) =>
		good(new Date(start + i * 86_400_000).toISOString())
	);
}

const kept = (backups: BackupStamp[]) => [...backupsToKeep(backups)].sort();

describe('backup retention: 7 daily + 4 weekly', () => {
	it('keeps everything while there are fewer than 7 days of backups', () => {
		const backups = nightly('2027-01-11', 5);
		expect(kept(backups)).toEqual(backups.map((b) => b.name).sort());
	});

	it('after 60 nights keeps the last 7 nights and the newest of the 4 most recent weeks', () => {
		// 2027-01-04 is a Monday; 60 nights end on Thursday 2027-03-04
		const names = kept(nightly('2027-01-04', 60)).map((n) => n.slice(0, 10));
		expect(names).toEqual([
			// the newest of the two weeks before the last seven nights (Sundays)
			'2027-02-14',
			'2027-02-21',
			// the last seven nights, which hold the newest of this week and the week before
			'2027-02-26',
			'2027-02-27',
			'2027-02-28',
			'2027-03-01',
			'2027-03-02',
			'2027-03-03',
			'2027-03-04'
		]);
	});

	it('counts Brussels days, not UTC days: 23:30 UTC in winter is the next day', () => {
		const backups = [good('2027-01-10T22:30:00Z'), good('2027-01-10T23:30:00Z')];
		// 23:30 and 00:30 Brussels: two days, both kept
		expect(kept(backups)).toHaveLength(2);
		const sameDay = [good('2027-01-10T20:00:00Z'), good('2027-01-10T22:30:00Z')];
		expect(kept(sameDay)).toEqual(['2027-01-10T22:30:00Z']);
	});

	it('keeps only the newest of several backups of one day', () => {
		const backups = [
			good('2027-01-12T01:30:00Z'),
			good('2027-01-12T10:00:00Z'),
			good('2027-01-12T15:00:00Z')
		];
		expect(kept(backups)).toEqual(['2027-01-12T15:00:00Z']);
	});

	it('does not spend a slot on days without a backup: a month of downtime keeps the old ones', () => {
		const before = nightly('2027-01-04', 10);
		const after = nightly('2027-02-15', 2);
		const names = kept([...before, ...after]);
		expect(names).toHaveLength(7);
		expect(names).toContain(before.at(-1)!.name);
	});

	it('never keeps a failed backup in a slot, only the newest failure after the newest good one', () => {
		const backups = [
			...nightly('2027-01-11', 3),
			failed('2027-01-13T12:00:00Z'),
			failed('2027-01-14T01:30:00Z'),
			failed('2027-01-15T01:30:00Z')
		];
		expect(kept(backups)).toEqual([
			'2027-01-11T01:30:00.000Z',
			'2027-01-12T01:30:00.000Z',
			'2027-01-13T01:30:00.000Z',
			'2027-01-15T01:30:00Z'
		]);
		// once a good backup follows, the failures go
		expect(kept([...backups, good('2027-01-16T01:30:00Z')])).not.toContain('2027-01-15T01:30:00Z');
	});
});
