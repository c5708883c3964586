/// <reference types="vitest/config" />
import { sveltekit } from '@sveltejs/kit/vite';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

type UpgradeHandler = (req: IncomingMessage, socket: Duplex, head: Buffer) => boolean;

/**
 * Mounts the same WebSocket upgrade router as server/index.ts on the dev and preview servers,
 * so `vite dev` speaks the sync protocols too. It loads the router through tsx at run time:
 * the router's modules then live outside Vite's config bundle, exactly as in production.
 */
function syncHub(): Plugin {
	async function mount(httpServer: import('node:http').Server | null) {
		// vitest runs configureServer too; opening the hub there would keep vitest from exiting
		if (!httpServer || process.env.VITEST) return;
		const { tsImport } = await import('tsx/esm/api');
		const router = (await tsImport('./server/upgrade-router.ts', import.meta.url)) as {
			createUpgradeRouter: () => UpgradeHandler;
		};
		const handle = router.createUpgradeRouter();
		httpServer.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
			handle(req, socket, head); // returns false for paths it does not own (Vite's HMR)
		});
	}
	return {
		name: 'centrale-sync-hub',
		configureServer(server) {
			return () => mount(server.httpServer as import('node:http').Server | null);
		},
		configurePreviewServer(server) {
			return () => mount(server.httpServer as import('node:http').Server | null);
		}
	};
}

/**
 * SvelteKit's and Svelte's runtimes get no AsyncLocalStorage: the one they would build turns
 * Node 20's async hooks on for the whole process, the sync hub's hot path included (why, and what
 * it costs: src/lib/server/no-async-local-storage.ts).
 */
function noAsyncLocalStorage(): Plugin {
	const shim = fileURLToPath(
		new URL('./src/lib/server/no-async-local-storage.ts', import.meta.url)
	);
	const runtime = /[\\/]node_modules[\\/](@sveltejs[\\/]kit|svelte)[\\/]/;
	return {
		name: 'centrale-no-async-local-storage',
		enforce: 'pre',
		resolveId(id, importer) {
			if ((id === 'node:async_hooks' || id === 'async_hooks') && importer && runtime.test(importer))
				return shim;
		}
	};
}

export default defineConfig({
	plugins: [noAsyncLocalStorage(), sveltekit(), syncHub()],
	server: { port: 5173 },
	// SvelteKit's runtime is bundled here, where noAsyncLocalStorage sees its imports, rather
	// than after the build by adapter-node (one copy either way)
	ssr: { noExternal: ['@sveltejs/kit'] },
	// Automerge's browser build imports its .wasm; dev pre-bundling breaks that import
	optimizeDeps: { exclude: ['@automerge/automerge'] },
	test: {
		projects: [
			{
				extends: './vite.config.ts',
				test: {
					name: 'unit',
					include: ['tests/unit/**/*.test.ts', 'src/**/*.test.ts'],
					environment: 'node'
				}
			},
			{
				extends: './vite.config.ts',
				test: {
					name: 'integration',
					include: ['tests/integration/**/*.test.ts'],
					globalSetup: ['tests/support/server-reaper.ts'],
					environment: 'node',
					testTimeout: 30_000,
					hookTimeout: 60_000,
					// each file starts real server processes; two cores
					maxWorkers: 2
				}
			}
		]
	}
});
