/**
 * A report's history as people think of it: versions, not changes. Automerge keeps every change
 * (each keystroke burst) with its actor and time; a version here is a run of changes by the same
 * author with no pause longer than `VERSION_GAP_MS` between them. Each version names the heads
 * (the change hashes) that identify the document as it stood at its end, so the page can show
 * or diff it.
 */

/** A change as the history gives it, with the author resolved from its actor. */
export interface HistoryChange {
	hash: string;
	deps: string[];
	/** the Automerge actor that made it */
	actor: string;
	/** UTC ms */
	time: number;
	/** the portal user bound to the actor; null for server-made changes (creation, seeding) */
	userId: number | null;
}

export interface ReportVersion {
	/** 1 for the oldest */
	number: number;
	/** the document's heads at the end of this version */
	heads: string[];
	userId: number | null;
	from: number;
	to: number;
	changeCount: number;
}

/** a pause this long between two changes of one author starts a new version */
export const VERSION_GAP_MS = 10 * 60 * 1000;

/**
 * Groups `history` (in Automerge's order: every change after its dependencies) into versions.
 * Concurrent offline edits interleave in that order; each author switch starts a version, so a
 * merge shows as the versions of each author in turn.
 */
export function historyToVersions(history: HistoryChange[]): ReportVersion[] {
	const versions: ReportVersion[] = [];
	const heads = new Set<string>();
	let current: ReportVersion | null = null;
	for (const change of history) {
		for (const dep of change.deps) heads.delete(dep);
		heads.add(change.hash);
		const continues =
			current !== null &&
			current.userId === change.userId &&
			change.time - current.to <= VERSION_GAP_MS;
		if (!continues) {
			current = {
				number: versions.length + 1,
				heads: [],
				userId: change.userId,
				from: change.time,
				to: change.time,
				changeCount: 0
			};
			versions.push(current);
		}
		current!.to = Math.max(current!.to, change.time);
		current!.changeCount += 1;
		current!.heads = [...heads].sort();
	}
	return versions;
}

/** The version whose heads are `heads` (order-insensitive), if any. */
export function versionAt(versions: ReportVersion[], heads: string[]): ReportVersion | undefined {
	const key = [...heads].sort().join(',');
	return versions.find((v) => v.heads.join(',') === key);
}
