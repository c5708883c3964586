import { describe, expect, it } from 'vitest';
import {
	attribute,
	carryOwners,
	runs,
	shares,
	type VersionText
} from '../../src/lib/domain/reports/attribution';
import { diffText } from '../../src/lib/domain/reports/diff';
import { tightenPieces } from '../../src/lib/domain/reports/diff-display';
import { emptyReport } from '../../src/lib/domain/reports/shape';
import { parseVersionKey, versionKey } from '../../src/lib/domain/reports/version-keys';
import { anonymousCommune, communeLabel } from '../../src/lib/domain/reports/visibility';

const ALICE = 1;
const BOB = 2;
const version = (userId: number | null, story: string, lessons = ''): VersionText => ({
	userId,
	content: { ...emptyReport(), story, lessons }
});
const who = (fieldRuns: { text: string; userId: number | null }[]) =>
	fieldRuns.map((r) => [r.userId, r.text]);

describe('attribution', () => {
	it('credits each passage to the author of the version that added it', () => {
		const result = attribute([
			version(null, ''),
			version(ALICE, 'Le déploiement a pris trois mois.'),
			version(BOB, 'Le déploiement a pris trois mois. Le support a été remarquable.')
		]);
		expect(who(result.story)).toEqual([
			[ALICE, 'Le déploiement a pris trois mois.'],
			[BOB, ' Le support a été remarquable.']
		]);
		expect(result.lessons).toEqual([]);
	});

	it('keeps authors of untouched text when someone inserts in the middle', () => {
		const result = attribute([
			version(ALICE, 'Migration rapide et formation utile.'),
			version(BOB, 'Migration rapide, sans perte de données, et formation utile.')
		]);
		expect(who(result.story)).toEqual([
			[ALICE, 'Migration rapide'],
			[BOB, ', sans perte de données,'],
			[ALICE, ' et formation utile.']
		]);
	});

	it('drops removed passages and credits a replacement to whoever replaced', () => {
		const result = attribute([
			version(ALICE, 'Le support répond en deux jours.'),
			version(BOB, 'Le support répond en une heure.')
		]);
		expect(result.story.map((r) => r.text).join('')).toBe('Le support répond en une heure.');
		expect(who(result.story)).toEqual([
			[ALICE, 'Le support répond en '],
			[BOB, 'une heure'],
			// the full stop both versions end with stays where it was, and so does its author
			[ALICE, '.']
		]);
	});

	it('attributes every field on its own, and the text always reads back whole', () => {
		const result = attribute([
			version(ALICE, 'Récit.', 'Former tôt.'),
			version(BOB, 'Récit complet.', 'Former tôt.')
		]);
		expect(who(result.lessons)).toEqual([[ALICE, 'Former tôt.']]);
		expect(result.story.map((r) => r.text).join('')).toBe('Récit complet.');
	});

	it('carries owners character by character through a diff', () => {
		const owners = carryOwners('a b', [1, 1, 2], 'a x b', 3);
		expect(runs('a x b', owners)).toEqual([
			{ text: 'a ', userId: 1 },
			{ text: 'x ', userId: 3 },
			{ text: 'b', userId: 2 }
		]);
	});

	it('sums shares by visible characters, largest first', () => {
		expect(
			shares([
				{ text: 'ab ', userId: ALICE },
				{ text: 'cdef', userId: BOB },
				{ text: ' g', userId: ALICE }
			])
		).toEqual([
			{ userId: BOB, chars: 4 },
			{ userId: ALICE, chars: 3 }
		]);
	});
});

describe('version keys', () => {
	it('reads draft versions and publications, and refuses anything else', () => {
		expect(parseVersionKey('3')).toEqual({ kind: 'draft', number: 3 });
		expect(parseVersionKey('p2')).toEqual({ kind: 'published', number: 2 });
		for (const bad of ['0', 'p0', '-1', 'x', '', null, '1.5', 'p', '12345678'])
			expect(parseVersionKey(bad)).toBeNull();
		expect(versionKey({ kind: 'published', number: 4 })).toBe('p4');
		expect(versionKey({ kind: 'draft', number: 4 })).toBe('4');
	});
});

describe('anonymised commune', () => {
	it('names the arrondissement, with elision, or the province', () => {
		expect(anonymousCommune({ arrondissement: 'Charleroi', province: 'Hainaut' })).toBe(
			"une commune de l'arrondissement de Charleroi"
		);
		// the chef-lieu of an arrondissement would be pointed at by its name: the province instead
		expect(anonymousCommune({ name: 'Mons', arrondissement: 'Mons', province: 'Hainaut' })).toBe(
			'une commune de la province de Hainaut'
		);
		expect(anonymousCommune({ arrondissement: 'Ath', province: 'Hainaut' })).toBe(
			"une commune de l'arrondissement d'Ath"
		);
		expect(anonymousCommune({ arrondissement: null, province: 'Namur' })).toBe(
			'une commune de la province de Namur'
		);
		expect(anonymousCommune({ arrondissement: null, province: null })).toBe(
			'une commune de Wallonie'
		);
	});

	it('shows the name to members always, to the public only when the commune chose it', () => {
		const seneffe = { name: 'Seneffe', arrondissement: 'Soignies', province: 'Hainaut' };
		expect(communeLabel(seneffe, { member: true, publicNamed: false })).toBe('Seneffe');
		expect(communeLabel(seneffe, { member: false, publicNamed: true })).toBe('Seneffe');
		expect(communeLabel(seneffe, { member: false, publicNamed: false })).toBe(
			"une commune de l'arrondissement de Soignies"
		);
	});
});

describe('diff as shown', () => {
	it('shows text appended after the last word as added, not as that word replaced', () => {
		const pieces = tightenPieces(
			diffText(
				'Le support a été remarquable.',
				'Le support a été remarquable. Nous le recommandons.'
			)
		);
		expect(pieces).toEqual([
			{ op: 'same', text: 'Le support a été remarquable.' },
			{ op: 'added', text: ' Nous le recommandons.' }
		]);
	});

	it('never splits a word, and keeps a real replacement whole', () => {
		expect(tightenPieces(diffText('en deux jours.', 'en une heure.'))).toEqual([
			{ op: 'same', text: 'en ' },
			{ op: 'removed', text: 'deux jours.' },
			{ op: 'added', text: 'une heure.' }
		]);
		expect(tightenPieces(diffText('trois mois', 'treize mois'))).toEqual([
			{ op: 'removed', text: 'trois' },
			{ op: 'added', text: 'treize' },
			{ op: 'same', text: ' mois' }
		]);
	});
});
