/**
 * What this device keeps of the boards (browser only). A board is kept in IndexedDB (named after
 * its document, `board:12`) so it opens and accepts edits without network. Logging out forgets
 * those copies, so the next person at a shared town-hall computer finds nothing; edits made
 * offline and not yet sent are the exception, listed here until the hub has them, so that the
 * logout can say so instead of losing them.
 */
const KEY = 'centrale.unsyncedBoards';

function read(): string[] {
	try {
		const value: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]');
		return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
	} catch {
		return [];
	}
}

/** Boards with edits made on this device that the hub has not received yet. */
export function unsyncedBoards(): string[] {
	return read();
}

export function markUnsynced(docName: string) {
	const names = read();
	if (!names.includes(docName)) localStorage.setItem(KEY, JSON.stringify([...names, docName]));
}

export function markSynced(docName: string) {
	const names = read();
	if (names.includes(docName))
		localStorage.setItem(KEY, JSON.stringify(names.filter((n) => n !== docName)));
}

function deleteDatabase(name: string): Promise<void> {
	return new Promise((resolve) => {
		const request = indexedDB.deleteDatabase(name);
		request.onsuccess = request.onerror = request.onblocked = () => resolve();
	});
}

/** Deletes this device's copies of boards, except those holding unsent edits. */
export async function forgetLocalCopies(): Promise<void> {
	const keep = new Set(read());
	const databases = (await indexedDB.databases?.()) ?? [];
	await Promise.all(
		databases
			.map((d) => d.name ?? '')
			.filter((name) => /^[a-z][a-z-]*:/.test(name) && !keep.has(name))
			.map(deleteDatabase)
	);
}
