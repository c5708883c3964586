/**
 * The running server marks its data folder with its process id (DATA_DIR/centrale.pid), so that a
 * restore can tell that the database it would replace is in use. A mark left by a server that was
 * killed names a process that no longer runs, and is ignored.
 */
import fs from 'node:fs';
import path from 'node:path';
import { processIsAlive } from './store';

export const serverMarkPath = (dataDir: string) => path.join(dataDir, 'centrale.pid');

/** Marks `dataDir` as served by this process; the function returned removes the mark. */
export function markServerRunning(dataDir: string): () => void {
	const mark = serverMarkPath(dataDir);
	fs.writeFileSync(mark, String(process.pid));
	return () => {
		try {
			if (fs.readFileSync(mark, 'utf8') === String(process.pid)) fs.rmSync(mark);
		} catch {
			/* already gone */
		}
	};
}

/** The id of the live server process on `dataDir`, or null when none runs there. */
export function runningServer(dataDir: string): number | null {
	let pid: number;
	try {
		pid = Number(fs.readFileSync(serverMarkPath(dataDir), 'utf8'));
	} catch {
		return null;
	}
	return pid !== process.pid && processIsAlive(pid) ? pid : null;
}
