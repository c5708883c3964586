/**
 * The WAL checkpoint worker (a real thread with its own better-sqlite3 connection): a failure
 * while it runs is reported, so that the server hands checkpoints back to SQLite; a failure after
 * it was stopped is not, since the connection it would reconfigure may already be closed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startCheckpointer } from '../../src/lib/server/db/checkpointer';
import { tempDataDir } from '../support/server';

/** a database file the worker cannot open: its folder does not exist */
function unopenable() {
	const dir = tempDataDir('centrale-checkpointer-');
	fs.rmSync(dir, { recursive: true, force: true });
	return path.join(dir, 'centrale.sqlite');
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 1000));

describe('checkpoint worker', () => {
	it('reports a failure while it is running', async () => {
		const failures: Error[] = [];
		const stop = startCheckpointer(unopenable(), (err) => failures.push(err));
		await settle();
		stop();
		expect(failures).toHaveLength(1);
	});

	it('says nothing of a failure once it has been stopped', async () => {
		const failures: Error[] = [];
		const stop = startCheckpointer(unopenable(), (err) => failures.push(err));
		stop(); // before the thread has even opened the file
		await settle();
		expect(failures).toEqual([]);
	});
});
