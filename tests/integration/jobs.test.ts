/**
 * The durable job schedule on a real SQLite file: runs are due by their schedule, a downtime is
 * caught up once, a failure is retried over the same window, and two schedulers (two processes by
 * mistake on one database) never run a job twice.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dailyAt, every } from '../../src/lib/domain/schedules';
import { closeDb } from '../../src/lib/server/db/client';
import { listJobStates } from '../../src/lib/server/jobs/state';
import { Scheduler, type JobWindow } from '../../server/jobs/scheduler';
import { tempDataDir } from '../support/server';

let clock = new Date('2027-01-15T12:00:00Z');
const advance = (ms: number) => (clock = new Date(clock.getTime() + ms));
const HOUR = 3_600_000;

beforeAll(() => {
	process.env.DATA_DIR = tempDataDir('centrale-jobs-');
	process.env.LOG_LEVEL = 'silent'; // the failing job's error is expected
});
afterAll(() => closeDb());

function recorder(name: string, schedule = dailyAt(7)) {
	const windows: JobWindow[] = [];
	const job = { name, schedule, run: (w: JobWindow) => void windows.push(w) };
	return { job, windows };
}

describe('durable job schedule', () => {
	it('does not replay the past for a new job, then runs once a day', async () => {
		const { job, windows } = recorder('daily');
		const scheduler = new Scheduler([job], { clock: () => clock });
		await scheduler.tick();
		expect(windows).toEqual([]); // first seen at noon: next due tomorrow 07:00
		advance(18 * HOUR); // 06:00 UTC = 07:00 Brussels
		await scheduler.tick();
		await scheduler.tick();
		expect(windows).toHaveLength(1);
		expect(windows[0].from.toISOString()).toBe('2027-01-15T12:00:00.000Z');
		expect(windows[0].to.toISOString()).toBe('2027-01-16T06:00:00.000Z');
	});

	it('catches up once after a downtime that skipped several due days', async () => {
		const { job, windows } = recorder('daily');
		advance(3 * 24 * HOUR + 2 * HOUR); // a new process, three days and two hours later
		const restarted = new Scheduler([job], { clock: () => clock });
		await restarted.tick();
		await restarted.tick();
		expect(windows).toHaveLength(1);
		expect(windows[0].from.toISOString()).toBe('2027-01-16T06:00:00.000Z');
		expect(windows[0].to).toEqual(clock);
	});

	it('retries a failed run over the same window, after a delay', async () => {
		let fail = true;
		const windows: JobWindow[] = [];
		const job = {
			name: 'flaky',
			schedule: every(60_000),
			run: (w: JobWindow) => {
				windows.push(w);
				if (fail) throw new Error('SMTP indisponible');
			}
		};
		const scheduler = new Scheduler([job], { clock: () => clock });
		await scheduler.tick(); // registers the job
		advance(60_000);
		await scheduler.tick();
		expect(windows).toHaveLength(1);
		expect(listJobStates().find((j) => j.name === 'flaky')).toMatchObject({
			failures: 1,
			lastError: 'SMTP indisponible'
		});
		advance(10_000);
		await scheduler.tick(); // within the 30 s retry delay
		expect(windows).toHaveLength(1);
		fail = false;
		advance(30_000);
		await scheduler.tick();
		expect(windows).toHaveLength(2);
		expect(windows[1].from).toEqual(windows[0].from);
		expect(listJobStates().find((j) => j.name === 'flaky')).toMatchObject({
			failures: 0,
			lastError: null
		});
	});

	it('lets only one of two schedulers run a due job, even while the run is long', async () => {
		let runs = 0;
		let finish!: () => void;
		const slow = {
			name: 'slow',
			schedule: every(60_000),
			run: () => {
				runs++;
				return new Promise<void>((resolve) => (finish = resolve));
			}
		};
		const a = new Scheduler([slow], { clock: () => clock, owner: 'a' });
		const b = new Scheduler([slow], { clock: () => clock, owner: 'b' });
		await a.tick();
		advance(60_000);
		const first = a.tick();
		await b.tick();
		await b.tick();
		expect(runs).toBe(1);
		finish();
		await first;
		await b.tick(); // covered now: not due again until a minute later
		expect(runs).toBe(1);
	});

	it('takes over a job whose holder died, once its lease has expired', async () => {
		let runs = 0;
		const job = {
			name: 'orphan',
			schedule: every(60_000),
			run: () => void runs++,
			leaseMs: 5 * 60_000
		};
		const dead = new Scheduler([{ ...job, run: () => new Promise(() => {}) }], {
			clock: () => clock,
			owner: 'dead'
		});
		await dead.tick();
		advance(60_000);
		void dead.tick(); // never finishes: the process was killed
		const alive = new Scheduler([job], { clock: () => clock, owner: 'alive' });
		await alive.tick();
		expect(runs).toBe(0);
		advance(5 * 60_000 + 1);
		await alive.tick();
		expect(runs).toBe(1);
	});
});
