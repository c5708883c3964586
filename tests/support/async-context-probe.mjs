/**
 * Preloaded into a server process (`node --import`) by async-context.test.ts: counts the
 * AsyncLocalStorage instances built in the process, and where, and writes them as JSON to
 * $ASYNC_CONTEXT_PROBE_OUT when the process exits.
 */
import asyncHooks from 'node:async_hooks';
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';

const built = [];
const Original = asyncHooks.AsyncLocalStorage;
asyncHooks.AsyncLocalStorage = class extends Original {
	constructor(...args) {
		super(...args);
		built.push(new Error().stack.split('\n').slice(2, 4).join(' / ').trim());
	}
};
syncBuiltinESMExports(); // `import('node:async_hooks')` now gives the counting class too

process.on('exit', () => {
	fs.writeFileSync(process.env.ASYNC_CONTEXT_PROBE_OUT, JSON.stringify({ probed: true, built }));
});
