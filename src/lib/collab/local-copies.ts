/**
 * What this device keeps of the boards (browser only). A board is kept in IndexedDB so it opens
 * and accepts edits without network, one copy per person (`board:12@7` is user 7's copy of
 * board 12): whoever logs in next on a shared town-hall computer never opens someone else's
 * copy. Logging out forgets that person's copies; edits made offline and not yet sent are the
 * exception, listed here until the hub has them, so that the logout can say so instead of losing
 * them. They wait on the device, still only for their author, until the board is reopened.
 * Experience reports' Automerge copies (`report:5@7`) follow the same rules.
 */
const KEY = 'centrale.unsyncedBoards';

/** How the name of a person's copy ends: `@7` for user 7. */
const ownerSuffix = (userId: number) => `@${userId}`;

/** The name of `userId`'s copy of a document on this device. */
export function localCopyName(docName: string, userId: number): string {
	return docName + ownerSuffix(userId);
}

function read(): string[] {
	try {
		const value: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]');
		return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
	} catch {
		return [];
	}
}

/** The copies of `userId` holding edits made on this device that the hub has not received yet. */
export function unsyncedBoards(userId: number): string[] {
	return read().filter((name) => name.endsWith(ownerSuffix(userId)));
}

export function markUnsynced(copyName: string) {
	const names = read();
	if (!names.includes(copyName)) localStorage.setItem(KEY, JSON.stringify([...names, copyName]));
}

export function markSynced(copyName: string) {
	const names = read();
	if (names.includes(copyName))
		localStorage.setItem(KEY, JSON.stringify(names.filter((n) => n !== copyName)));
}

function deleteDatabase(name: string): Promise<void> {
	return new Promise((resolve) => {
		const request = indexedDB.deleteDatabase(name);
		request.onsuccess = request.onerror = request.onblocked = () => resolve();
	});
}

/** Deletes this device's copies of boards, except those holding unsent edits (anyone's). */
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
