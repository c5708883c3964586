/**
 * Loaded with `node --import` into both servers of bench:sync: records the process's garbage
 * collection pauses (perf_hooks `gc` entries) and, at exit, writes them to
 * $BENCH_GC_DIR/<pid>.json as [wall-clock start ms, duration ms, kind]. Kind is perf_hooks'
 * constants: 1 a scavenge, 4 a major collection, 8 an incremental marking step, 16 weak callbacks.
 * Plain JavaScript, so that the hub's compiled entry loads it without a TypeScript loader.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PerformanceObserver, performance } from 'node:perf_hooks';

const dir = process.env.BENCH_GC_DIR;
if (dir) {
	const pauses = [];
	new PerformanceObserver((list) => {
		for (const entry of list.getEntries())
			pauses.push([
				performance.timeOrigin + entry.startTime,
				entry.duration,
				entry.detail?.kind ?? 0
			]);
	}).observe({ entryTypes: ['gc'] });
	process.on('exit', () =>
		fs.writeFileSync(path.join(dir, `${process.pid}.json`), JSON.stringify(pauses))
	);
}
