/**
 * `npm run bench:catalogue-miss`: what a catalogue search costs when its answer is not cached
 * (the first search after any catalogue write): the full-text ids, the page of contracts and the
 * facet counts, timed in-process on the database bench:catalogue seeds (10,000 contracts).
 * The HTTP bench mostly sees cache hits; this is the other half of the story.
 *
 * BENCH_DATA_DIR=<folder> reuses a database seeded by `BENCH_SEED_ONLY=1 npm run
 * bench:catalogue`; without it, this seeds one first (about a minute). BENCH_ROUNDS sets how
 * many times each search is computed (default 200).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { ROOT } from '../support/server';
import { percentile } from './sync-support';

const ROUNDS = Number(process.env.BENCH_ROUNDS || 200);

function seeded(): { dataDir: string; temporary: boolean } {
	if (process.env.BENCH_DATA_DIR) return { dataDir: process.env.BENCH_DATA_DIR, temporary: false };
	const out = execFileSync(process.execPath, ['--import', 'tsx', 'tests/bench/catalogue.ts'], {
		cwd: ROOT,
		env: { ...process.env, BENCH_SEED_ONLY: '1' },
		encoding: 'utf8'
	});
	const dataDir = /Seeded into (\S+)/.exec(out)?.[1];
	if (!dataDir) throw new Error(`no seeded folder in: ${out}`);
	return { dataDir, temporary: true };
}

const { dataDir, temporary } = seeded();
process.env.DATA_DIR = dataDir;
process.env.DEMO = '0';
const { listContracts, searchIds } = await import('../../src/lib/server/catalogue/list');
const { catalogueFacets } = await import('../../src/lib/server/catalogue/facets');
const { filtersFromUrl } = await import('../../src/lib/server/catalogue/params');
const { closeDb } = await import('../../src/lib/server/db/client');

/** bench:catalogue's search first, then the pages people start from and a few ticked facets */
const SEARCHES = [
	'q=securite&statut=active&module=support',
	'',
	'q=audit',
	'ouvert=1',
	'termines=1',
	'thematique=cybersecurite&module=software&module=audit',
	'q=logiciel&centrale=1&statut=expiring&statut=active'
];
const today = new Date().toISOString().slice(0, 10);
const ms = (values: number[]) => {
	values.sort((a, b) => a - b);
	return `p50 ${percentile(values, 50).toFixed(2)} ms, p99 ${percentile(values, 99).toFixed(2)} ms`;
};

try {
	console.log(`Catalogue cache misses, ${ROUNDS} rounds per search, in ${dataDir}`);
	const allFacets: number[] = [];
	const allMisses: number[] = [];
	for (const search of SEARCHES) {
		const filters = filtersFromUrl(new URLSearchParams(search));
		const facets: number[] = [];
		const misses: number[] = [];
		for (let round = 0; round < ROUNDS + 5; round++) {
			const started = performance.now();
			const ids = searchIds(filters.q);
			listContracts(filters, today, ids);
			const listed = performance.now();
			catalogueFacets(filters, today, ids);
			const done = performance.now();
			if (round < 5) continue; // statements prepared, pages cached
			facets.push(done - listed);
			misses.push(done - started);
		}
		allFacets.push(...facets);
		allMisses.push(...misses);
		console.log(`?${search}: facets ${ms(facets)}; whole miss ${ms(misses)}`);
	}
	console.log(`all searches: facets ${ms(allFacets)}; whole miss ${ms(allMisses)}`);
} finally {
	closeDb();
	if (temporary) fs.rmSync(dataDir, { recursive: true, force: true });
}
