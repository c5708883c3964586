import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDate, formatMoney } from '../../src/lib/domain/format';
import { passwordProblem } from '../../src/lib/domain/password-policy';
import { roleFitsKind, rolesForKind } from '../../src/lib/domain/roles';
import { matchesQuery, normalizeForSearch, slugify } from '../../src/lib/domain/text';
import { parseCsv } from '../../src/lib/server/db/seed/csv';

describe('search normalisation', () => {
	it.each([
		["Fontaine-l'Evêque", "fontaine l'eveque", true],
		['Ecaussinnes', 'ecaussinnes', true],
		['Écaussinnes', 'ECAUSSINNES', true],
		['Châtelet', 'chatelet', true],
		['Le Roeulx', 'le rœulx', true],
		['Chapelle-lez-Herlaimont', 'chapelle herlaimont', true],
		['Mons', 'mont', false]
	])('%s matches %s: %s', (name, query, expected) => {
		expect(matchesQuery(normalizeForSearch(name), query)).toBe(expected);
	});
	it('slugs are URL-safe', () => {
		expect(slugify("Fontaine-l'Evêque")).toBe('fontaine-l-eveque');
		fc.assert(fc.property(fc.string(), (s) => /^([a-z0-9]+(-[a-z0-9]+)*)?$/.test(slugify(s))));
	});
	it('is idempotent', () => {
		fc.assert(
			fc.property(
				fc.string(),
				(s) => normalizeForSearch(normalizeForSearch(s)) === normalizeForSearch(s)
			)
		);
	});
});

describe('password policy', () => {
	it.each([
		['court', 'au moins 10'],
		['aaaaaaaaaaaa', 'moins prévisible'],
		['agent@tournai.demo', 'adresse e-mail'],
		['une phrase de passe correcte', null]
	])('%s → %s', (password, problem) => {
		const result = passwordProblem(password, 'agent@tournai.demo');
		if (problem === null) expect(result).toBeNull();
		else expect(result).toContain(problem);
	});
});

describe('formats (fr-BE, Europe/Brussels)', () => {
	it('formats calendar dates and money', () => {
		expect(formatDate('2027-03-15')).toBe('15 mars 2027');
		// 23:30 UTC on 31 Dec is already 1 Jan in Brussels
		expect(formatDate(new Date('2026-12-31T23:30:00Z'))).toBe('1 janvier 2027');
		expect(formatMoney(1234567).replace(/\s/g, ' ')).toBe('12 345,67 €');
	});
});

describe('roles fit organisations', () => {
	it('communes have agents and referents, intercommunales buyers, the platform admins', () => {
		expect(rolesForKind('commune')).toEqual(['agent', 'referent']);
		expect(rolesForKind('cpas')).toEqual(['agent', 'referent']);
		expect(rolesForKind('intercommunale')).toEqual(['buyer']);
		expect(rolesForKind('platform')).toEqual(['admin']);
	});

	it('says whether one role fits a kind of organisation', () => {
		expect(roleFitsKind('referent', 'zone')).toBe(true);
		expect(roleFitsKind('buyer', 'commune')).toBe(false);
		expect(roleFitsKind('buyer', 'centrale')).toBe(true);
		expect(roleFitsKind('admin', 'intercommunale')).toBe(false);
	});
});

describe('CSV reader', () => {
	it('reads quoted fields, doubled quotes and CRLF', () => {
		expect(parseCsv('a,b\r\n"x, y","say ""hi"""\r\n1,2\n')).toEqual([
			{ a: 'x, y', b: 'say "hi"' },
			{ a: '1', b: '2' }
		]);
	});
});
