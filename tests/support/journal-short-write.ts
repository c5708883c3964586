/**
 * Run under a file size limit of 64 KiB (`ulimit -f 64`) by sync-write-batch.test.ts: appends a
 * record that fits, one the limit cuts short, and one that fits again, then prints what each
 * append did and what the journal reads back, as JSON.
 */
import { Journal, readJournal } from '../../src/lib/server/collab/journal';

// past the limit a write then fails (EFBIG) instead of the signal ending the process
process.on('SIGXFSZ', () => {});

const file = process.argv[2];
const journal = new Journal(file);
const outcomes = [30_000, 40_000, 1_000].map((bytes, i) => {
	try {
		const update = new Uint8Array(bytes).fill(i + 1);
		journal.append({ docName: 'board:1', update, userId: 7, at: 1000 + i });
		return 'ok';
	} catch (err) {
		return (err as Error).message;
	}
});
journal.close();
const records = readJournal(file).map((r) => ({
	at: r.at,
	bytes: r.update.byteLength,
	fill: r.update[0]
}));
console.log(JSON.stringify({ outcomes, records }));
