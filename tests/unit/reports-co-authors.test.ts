import { describe, expect, it } from 'vitest';
import { coAuthorVerdict, type CoAuthorCandidate } from '../../src/lib/domain/reports/co-authors';

const report = { organisationId: 20, coAuthorIds: [3] };
const person = (over: Partial<CoAuthorCandidate> = {}): CoAuthorCandidate => ({
	id: 9,
	organisationId: 30,
	disabled: false,
	mayCoWrite: true,
	...over
});

describe('who may be invited to co-write a report', () => {
	it('accepts a person of another organisation whose role may co-write', () => {
		expect(coAuthorVerdict(report, person())).toEqual({ ok: true });
	});

	it.each<[string, Partial<CoAuthorCandidate> | null, RegExp]>([
		['nobody with that address', null, /Aucun compte/],
		['a disabled account', { disabled: true }, /désactivé/],
		['a colleague of the commune', { organisationId: 20 }, /déjà/],
		['someone already invited', { id: 3 }, /déjà co-auteur/],
		['someone whose role writes for nobody', { mayCoWrite: false }, /administrat/]
	])('refuses %s with a French reason', (_, over, message) => {
		const verdict = coAuthorVerdict(report, over === null ? null : person(over));
		expect(verdict.ok).toBe(false);
		if (!verdict.ok) expect(verdict.message).toMatch(message);
	});
});
