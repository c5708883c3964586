import { describe, expect, it } from 'vitest';
import {
	adoptionByArrondissement,
	solutionKey,
	validSince
} from '../../../src/lib/domain/peers/usage';

describe('solution keys', () => {
	it('names a catalogue contract by its id, whatever else is typed', () => {
		expect(solutionKey({ contractId: 7, solutionName: 'x', supplierName: 'y' })).toBe('contract:7');
	});

	it('names a solution bought elsewhere by name and supplier, accents and case aside', () => {
		const a = solutionKey({
			contractId: null,
			solutionName: 'Logiciel État civil',
			supplierName: 'Civadis'
		});
		const b = solutionKey({
			contractId: null,
			solutionName: '  logiciel etat-civil ',
			supplierName: 'CIVADIS'
		});
		expect(a).toBe(b);
		expect(
			solutionKey({ contractId: null, solutionName: 'Logiciel État civil', supplierName: 'Other' })
		).not.toBe(a);
	});
});

describe('since when', () => {
	it.each([
		['2024-03', true],
		['2026-12', true],
		['2026-12-07', true],
		['2026-12-08', false],
		['2027-01', false],
		['2024-13', false],
		['2024-02-30', false],
		['mars 2024', false],
		['', false]
	])('%s is %s on 7 December 2026', (value, ok) => {
		expect(validSince(value, '2026-12-07')).toBe(ok);
	});
});

describe('adoption per arrondissement', () => {
	it('counts the communes using at least one solution, as a share of each arrondissement', () => {
		const communes = [
			{ id: 1, arrondissement: 'Mons' },
			{ id: 2, arrondissement: 'Mons' },
			{ id: 3, arrondissement: 'Mons' },
			{ id: 4, arrondissement: 'Ath' },
			{ id: 5, arrondissement: '' }
		];
		expect(adoptionByArrondissement(communes, new Set([1, 3, 5]))).toEqual([
			{ arrondissement: 'Ath', communes: 1, using: 0, percent: 0 },
			{ arrondissement: 'Mons', communes: 3, using: 2, percent: 67 }
		]);
	});
});
