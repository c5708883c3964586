/**
 * The catalogue's answers, kept while the catalogue does not change. A search with its facets
 * costs 10–20 ms of SQL at 10,000 contracts (full-text match, list, total, four facet counts),
 * and people run the same few searches all day: under 20 concurrent users the page queued.
 *
 * An answer is keyed by the filters (normalised), "today" (statuses follow the date) and the
 * catalogue's version, a number SQLite triggers raise on every write to a table the catalogue
 * reads (tables/catalogue-version.ts). The version is read before computing, so an answer is
 * never filed under a version older than its data, and every write, by any code path or any
 * process, makes every older answer unreachable. The answers hold public data only (the
 * catalogue is the same for everyone), so sharing them between users leaks nothing; callers
 * must not mutate what they get.
 */
import { getDb, type Db } from '../db/client';
import { directStatement } from '../db/prepared';
import { catalogueVersion } from '../db/schema';
import type { CatalogueFilters } from './list-filters';

/** Enough for every search people actually repeat; each answer is a few kilobytes. */
const MAX_ANSWERS = 500;

interface Cache {
	version: number;
	answers: Map<string, unknown>;
	readVersion: () => number;
}

/** One cache per database connection (tests and scripts may open another). */
const caches = new WeakMap<Db, Cache>();

function cacheOf(db: Db): Cache {
	let cache = caches.get(db);
	if (!cache) {
		const { statement } = directStatement(
			db.$client,
			db.select({ version: catalogueVersion.version }).from(catalogueVersion)
		);
		const pluck = statement.pluck();
		cache = {
			version: -1,
			answers: new Map(),
			readVersion: () => (pluck.get() as number | undefined) ?? 0
		};
		caches.set(db, cache);
	}
	return cache;
}

/**
 * The filters as a key: the order of the ticked values changes nothing in the answer. Without
 * `paged`, sort and page are left out (facet counts do not depend on them).
 */
export function filtersKey(f: CatalogueFilters, today: string, paged = true): string {
	const set = <T>(values: T[] | undefined) => [...new Set(values ?? [])].sort();
	return JSON.stringify([
		today,
		f.q ?? '',
		set(f.themes),
		set(f.statuses),
		set(f.modules),
		set(f.centraleIds),
		!!f.openNow,
		!!f.includeEnded,
		...(paged ? [f.sort ?? '', f.page ?? 1, f.pageSize ?? 20] : [])
	]);
}

/** `compute()`'s answer for `key`, computed again only after the catalogue changed. */
export function cachedAnswer<T>(key: string, compute: () => T): T {
	const cache = cacheOf(getDb());
	const version = cache.readVersion();
	if (version !== cache.version) {
		cache.answers.clear();
		cache.version = version;
	}
	const hit = cache.answers.get(key) as T | undefined;
	if (hit !== undefined) {
		// most recently used last: the oldest is the first to go
		cache.answers.delete(key);
		cache.answers.set(key, hit);
		return hit;
	}
	const answer = compute();
	if (cache.answers.size >= MAX_ANSWERS) {
		cache.answers.delete(cache.answers.keys().next().value!);
	}
	cache.answers.set(key, answer);
	return answer;
}
