import { describe, expect, it } from 'vitest';
import {
	acceptsContact,
	consentSummary,
	contactRecipients,
	NO_CONSENT,
	type Person
} from '../../../src/lib/domain/peers/consent';

const people: Person[] = [
	{ id: 1, role: 'agent', disabled: false },
	{ id: 2, role: 'agent', disabled: true },
	{ id: 3, role: 'referent', disabled: false },
	{ id: 4, role: 'referent', disabled: false },
	// a misfiled account: only commune roles are ever contacted
	{ id: 5, role: 'buyer', disabled: false }
];

describe('contact consent', () => {
	it.each([
		[{ agent: false, referent: false }, 9, []],
		[{ agent: true, referent: false }, 9, [1]],
		[{ agent: false, referent: true }, 9, [3, 4]],
		[{ agent: true, referent: true }, 9, [1, 3, 4]],
		// a member writing to their own commune's users does not receive their own message
		[{ agent: true, referent: true }, 3, [1, 4]]
	])('consent %o, sender %i reaches %o', (consent, sender, expected) => {
		expect(contactRecipients(consent, people, sender)).toEqual(expected);
	});

	it('says whether anyone accepts messages', () => {
		expect(acceptsContact(NO_CONSENT)).toBe(false);
		expect(acceptsContact({ agent: false, referent: true })).toBe(true);
	});

	it.each([
		[{ agent: false, referent: false }, 'Pas de contact'],
		[{ agent: true, referent: false }, 'Agents'],
		[{ agent: false, referent: true }, 'Référents'],
		[{ agent: true, referent: true }, 'Agents et référents']
	])('summarises %o as %s', (consent, text) => {
		expect(consentSummary(consent)).toBe(text);
	});
});
