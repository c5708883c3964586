/**
 * What SvelteKit and Svelte get when they ask Node for AsyncLocalStorage (vite.config.ts
 * resolves their import of Node's async context module here): a class that refuses to be built,
 * so both take the path they document for runtimes without one.
 *
 * Why: on Node 20, the first `AsyncLocalStorage#run` turns async hooks on for the whole process,
 * and they stay on. SvelteKit runs every request in one, so after the first page every callback
 * the sync hub runs and every socket write it makes went through the hooks. bench:sync, the hub
 * with and without them in alternating rounds of one run: 8 % more CPU per update and a 5 % higher
 * p99 with writers ticking independently, the p99 4 % higher with them together.
 *
 * What it costs: `getRequestEvent()` (from `$app/server`) and remote functions read the request
 * only synchronously, before the first `await`; SvelteKit's error says so. Centrale uses neither:
 * hooks, loads and actions receive their event as an argument.
 * tests/integration/async-context.test.ts checks that the server never builds one.
 */
export class AsyncLocalStorage {
	constructor() {
		throw new Error('Centrale runs without AsyncLocalStorage (see no-async-local-storage.ts)');
	}
}
