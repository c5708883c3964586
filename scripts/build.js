/**
 * Builds the app (vite build → build/) and the server entry (esbuild: server/index.ts →
 * build/centrale-server.js, so production starts without compiling TypeScript), and knows whether
 * the build is current. Used by `npm run build`, `npm start` (scripts/start.js) and benchmarks.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const INPUTS = [
	'src',
	'server',
	'static',
	'drizzle',
	'svelte.config.js',
	'vite.config.ts',
	'package-lock.json'
];

export function buildDir(root = ROOT) {
	return path.resolve(root, process.env.BUILD_DIR || 'build');
}

export function serverEntry(root = ROOT) {
	return path.join(buildDir(root), 'centrale-server.js'); // build/server/ belongs to SvelteKit
}

/** @param {string} target @returns {number} */
function newestMtime(target) {
	if (!fs.existsSync(target)) return 0;
	const stat = fs.statSync(target);
	if (!stat.isDirectory()) return stat.mtimeMs;
	let newest = stat.mtimeMs;
	for (const entry of fs.readdirSync(target))
		newest = Math.max(newest, newestMtime(path.join(target, entry)));
	return newest;
}

export function buildIsCurrent(root = ROOT) {
	const stamp = serverEntry(root);
	if (!fs.existsSync(stamp) || !fs.existsSync(path.join(buildDir(root), 'handler.js')))
		return false;
	const built = fs.statSync(stamp).mtimeMs;
	return INPUTS.every((input) => newestMtime(path.join(root, input)) <= built);
}

/**
 * What the server imports lazily (the Automerge endpoint, the demo seeders) is split into chunks
 * beside the entry, so that its packages are imported only when it is: in one file, esbuild would
 * hoist every package import to the top and load Automerge's wasm at boot.
 */
export async function buildServerEntry(root = ROOT) {
	const { build } = await import('esbuild');
	const chunks = path.join(buildDir(root), 'centrale-server-chunks');
	fs.rmSync(chunks, { recursive: true, force: true });
	await build({
		entryPoints: { 'centrale-server': path.join(root, 'server', 'index.ts') },
		bundle: true,
		splitting: true,
		platform: 'node',
		format: 'esm',
		target: 'node20',
		packages: 'external',
		outdir: buildDir(root),
		chunkNames: 'centrale-server-chunks/[name]-[hash]',
		logLevel: 'warning'
	});
}

export async function buildAll(root = ROOT) {
	const vite = path.join(root, 'node_modules', '.bin', 'vite');
	const result = spawnSync(vite, ['build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
	if (result.status !== 0) throw new Error('vite build failed');
	await buildServerEntry(root);
}

export async function ensureBuild(root = ROOT) {
	if (buildIsCurrent(root)) return;
	console.log(
		'Centrale : construction de l’application (première exécution ou sources modifiées)…'
	);
	await buildAll(root);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	const serverOnly = process.argv.includes('--server-only');
	await (serverOnly ? buildServerEntry() : buildAll());
}
