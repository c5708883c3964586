import { describe, expect, it } from 'vitest';
import {
	canDeleteLot,
	canDeletePriceItem,
	shouldRemoveStoredFile
} from '$lib/domain/catalogue/structure-rules';

const reason = (verdict: { ok: boolean; reason?: string }) =>
	verdict.ok ? 'ok' : (verdict as { reason: string }).reason;

describe('canDeletePriceItem', () => {
	it.each([
		[0, 'ok'],
		[1, 'Ce poste figure déjà sur une commande : il ne peut pas être supprimé.'],
		[3, 'Ce poste figure déjà sur 3 commandes : il ne peut pas être supprimé.']
	] as const)('with %i orders: %s', (orders, expected) => {
		const text = reason(canDeletePriceItem({ orders }));
		if (expected === 'ok') expect(text).toBe('ok');
		else {
			expect(text.startsWith(expected)).toBe(true);
			// the buyer is told what to do instead
			expect(text).toContain('Modifiez-le plutôt');
		}
	});
});

describe('canDeleteLot', () => {
	it.each([
		[0, 0, 'ok'],
		[1, 0, 'Ce lot a déjà une commande : il ne peut pas être supprimé.'],
		[4, 2, 'Ce lot a déjà 4 commandes : il ne peut pas être supprimé.'],
		[0, 1, 'Une commune a adhéré à ce marché : ses lots ne peuvent plus être supprimés.'],
		[0, 5, '5 communes ont adhéré à ce marché : ses lots ne peuvent plus être supprimés.']
	] as const)('with %i orders and %i adhesions: %s', (orders, activeAdhesions, expected) => {
		expect(reason(canDeleteLot({ orders, activeAdhesions }))).toBe(expected);
	});
});

describe('shouldRemoveStoredFile', () => {
	it.each([
		[0, true],
		[1, false],
		[7, false]
	] as const)('with %i other documents on the same file: %s', (others, expected) => {
		expect(shouldRemoveStoredFile(others)).toBe(expected);
	});
});
