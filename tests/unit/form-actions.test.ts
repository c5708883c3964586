/**
 * SvelteKit refuses a form posted to a page's default action when that page also has named
 * actions (it answers with an error, not the action): a page with several forms names them all.
 * This test fails when a route's `actions` object holds `default` beside another action.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');

function pageServers(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return pageServers(path);
		return name === '+page.server.ts' ? [path] : [];
	});
}

/** the top-level keys of `export const actions = { … };` in a route's source */
function actionNames(source: string): string[] {
	const body = /export const actions[^=]*=\s*\{([\s\S]*?)\n\};/.exec(source)?.[1] ?? '';
	return [...body.matchAll(/^\t(['"]?)([\w-]+)\1\s*:/gm)].map((m) => m[2]);
}

describe('form actions', () => {
	it('reads the action names of a route', () => {
		const source = `export const actions: Actions = {\n\tdefault: async (event) => {\n\t\treturn { a: 1 };\n\t},\n\tfeed: (event) => ({})\n};`;
		expect(actionNames(source)).toEqual(['default', 'feed']);
	});

	it('never mixes a default action with named ones', () => {
		const mixed = pageServers(join(ROOT, 'src/routes'))
			.map((file) => ({ file, names: actionNames(readFileSync(file, 'utf8')) }))
			.filter(({ names }) => names.includes('default') && names.length > 1)
			.map(({ file, names }) => `${relative(ROOT, file)}: ${names.join(', ')}`);
		expect(mixed).toEqual([]);
	});
});
