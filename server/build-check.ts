/** Knows whether build/ is current, and rebuilds it when it is not (npm start on a fresh clone). */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const INPUTS = ['src', 'static', 'svelte.config.js', 'vite.config.ts', 'package-lock.json'];

function newestMtime(target: string): number {
	if (!fs.existsSync(target)) return 0;
	const stat = fs.statSync(target);
	if (!stat.isDirectory()) return stat.mtimeMs;
	let newest = stat.mtimeMs;
	for (const entry of fs.readdirSync(target))
		newest = Math.max(newest, newestMtime(path.join(target, entry)));
	return newest;
}

export function buildIsCurrent(root: string): boolean {
	const stamp = path.join(root, process.env.BUILD_DIR || 'build', 'handler.js');
	if (!fs.existsSync(stamp)) return false;
	const built = fs.statSync(stamp).mtimeMs;
	return INPUTS.every((input) => newestMtime(path.join(root, input)) <= built);
}

export function ensureBuild(root: string) {
	if (buildIsCurrent(root)) return;
	console.log(
		'Centrale : construction de l’application (première exécution ou sources modifiées)…'
	);
	const vite = path.join(root, 'node_modules', '.bin', 'vite');
	const result = spawnSync(vite, ['build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
	if (result.status !== 0) throw new Error('vite build failed');
}
