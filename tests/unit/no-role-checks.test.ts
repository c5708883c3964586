/**
 * Rights are decided in one place, `can()` in src/lib/domain/permissions.ts. This test fails when
 * any other source file decides them by looking at a role itself: a role named in quotes
 * (`user.role === 'agent'`, `roles: ['buyer']`, `eq(users.role, 'admin')`), a role looked up in a
 * list (`ROLES_THAT_X.includes(user.role)`), a switch over roles or two roles compared.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const SCANNED = ['src', 'server'];

/** where roles are named on purpose, each with why */
const ALLOWED = [
	'src/lib/domain/permissions.ts', // the rules themselves
	'src/lib/domain/roles.ts', // the list of roles and their labels
	'src/lib/server/db/tables/', // the column's allowed values
	'src/lib/server/db/seed/', // the demo accounts
	'src/lib/domain/catalogue/ocds.ts' // OCDS party roles ('buyer' is the contracting body there)
];

const ROLE = `(?:agent|referent|buyer|admin)`;
const CHECKS: [RegExp, string][] = [
	[new RegExp(`(['"\`])${ROLE}\\1`), 'names a role'],
	[/\.includes\(\s*[\w.?!]*\brole\s*\)/, 'looks a role up in a list'],
	[/switch\s*\(\s*[\w.?!]*\brole\s*\)/, 'switches over roles'],
	[/\brole\s*[!=]==?\s*[\w.?!]*\.role\b/, 'compares two roles']
];

function sourceFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return sourceFiles(path);
		return /\.(ts|js|svelte)$/.test(name) ? [path] : [];
	});
}

/** "file:line: what" for each role check outside the allowed files */
function roleChecks(root: string): string[] {
	const found: string[] = [];
	for (const file of SCANNED.flatMap((dir) => sourceFiles(join(root, dir)))) {
		const name = relative(root, file).split('\\').join('/');
		if (ALLOWED.some((allowed) => name.startsWith(allowed))) continue;
		readFileSync(file, 'utf8')
			.split('\n')
			.forEach((line, i) => {
				if (/^\s*(\/\/|\*|\/\*)/.test(line)) return; // comments may talk about roles
				for (const [pattern, what] of CHECKS)
					if (pattern.test(line)) found.push(`${name}:${i + 1}: ${what}: ${line.trim()}`);
			});
	}
	return found;
}

describe('rights are decided by can() only', () => {
	it('finds no role check in routes, components, server code or the hub', () => {
		expect(roleChecks(ROOT)).toEqual([]);
	});

	it.each([
		["if (user.role === 'agent') error(403);", true],
		["{#if data.user?.role !== 'buyer'}", true],
		["{ href: '/x', label: 'X', roles: ['referent', 'admin'] }", true],
		["where(eq(users.role, 'admin'))", true],
		['if (MANAGERS.includes(locals.user.role)) return;', true],
		['switch (user.role) {', true],
		['if (target.role === user.role) return;', true],
		["if (can(user, 'user.invite', { organisationId, kind, role })) return;", false],
		['defaultChecked={form.fields.role === role}', false],
		["const path = '/admin/personnes';", false]
	])('recognises %s as a role check: %s', (line, expected) => {
		expect(CHECKS.some(([pattern]) => pattern.test(line))).toBe(expected);
	});
});
