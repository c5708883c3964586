/** The soak's last check: the backup taken under load restores with everything committed before it. */
import fs from 'node:fs';
import path from 'node:path';
import { runCli } from '../support/cli';
import { lostRows, rowKeys } from '../support/rows';
import { startServer, type TestServer } from '../support/server';
import { connectYjs } from '../support/yjs-client';

export { rowKeys };

/**
 * Restores the newest backup of `server` into `restoredDir`, starts a server on it and looks for
 * every row of `rowsBefore` and every board edit of `editsBefore` there.
 */
export async function backupHolds(
	server: TestServer,
	restoredDir: string,
	rowsBefore: Set<string>,
	editsBefore: Set<string>,
	docNames: string[],
	cookie: string
): Promise<{ ok: boolean; summary: string }> {
	const dir = path.join(server.dataDir, 'backups');
	const newest = fs
		.readdirSync(dir)
		.filter((f) => f.endsWith('.sqlite'))
		.sort()
		.at(-1);
	if (!newest) return { ok: false, summary: 'no backup was taken' };
	const restore = await runCli('restore-cli.ts', [path.join(dir, newest)], {
		DATA_DIR: restoredDir
	});
	if (restore.code !== 0) return { ok: false, summary: `restore refused: ${restore.output}` };
	const lost = lostRows(rowsBefore, rowKeys(path.join(restoredDir, 'centrale.sqlite')));
	const restored = await startServer({ dataDir: restoredDir });
	try {
		const stored = new Set<string>();
		for (const docName of docNames) {
			const reader = connectYjs(restored.url, docName, { cookie });
			await reader.synced;
			for (const entry of reader.doc.getArray<string>('log').toArray()) stored.add(entry);
			reader.destroy();
		}
		const missing = [...editsBefore].filter((entry) => !stored.has(entry));
		return {
			ok: lost.length === 0 && missing.length === 0,
			summary: `${rowsBefore.size} rows and ${editsBefore.size} board edits committed before the backup; ${lost.length} rows and ${missing.length} edits missing after the restore`
		};
	} finally {
		await restored.stop();
	}
}
