/**
 * Vitest global setup for the integration tests: every server child a test file starts is noted
 * in a folder (see server.ts), and whatever is still running when the whole run ends is killed.
 * Test processes can end without running their own exit handlers, and a server a test lost track
 * of would otherwise keep running, holding its port and its CPU, after `npm test` has finished.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const PID_DIR_ENV = 'CENTRALE_TEST_SERVER_PIDS';

export default function setup() {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'centrale-servers-'));
	process.env[PID_DIR_ENV] = dir; // test processes are started after this and inherit it
	return () => {
		for (const pid of fs.readdirSync(dir)) {
			try {
				process.kill(Number(pid), 'SIGKILL');
			} catch {
				/* already gone */
			}
		}
		fs.rmSync(dir, { recursive: true, force: true });
	};
}
