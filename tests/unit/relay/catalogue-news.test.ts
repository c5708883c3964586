import { describe, expect, it } from 'vitest';
import {
	catalogueNews,
	concernedFollowers,
	type NewsContract
} from '../../../src/lib/domain/relay/catalogue-news';

const contract: NewsContract = {
	reference: 'IGR-2026-SIG-02',
	title: 'Cartographie communale',
	theme: 'cartographie-sig',
	relaunchOf: null,
	suppliers: []
};

describe('catalogue news for followers', () => {
	it('tells each follower once, whatever the number of subjects they follow', () => {
		expect(concernedFollowers({ theme: [7, 3], suppliers: [3, 9, 9], contract: [7, 1] })).toEqual([
			1, 3, 7, 9
		]);
		const news = catalogueNews({ ...contract, suppliers: ['GeoSoft'] }, 'awarded', false, {
			theme: [4],
			suppliers: [4],
			contract: [4]
		});
		expect(news?.recipients).toEqual([4]);
	});

	it('says nothing when nobody follows', () => {
		expect(
			catalogueNews(contract, 'planned', true, { theme: [], suppliers: [], contract: [] })
		).toBe(null);
	});

	it('names a new contract by its thématique, and a relaunch by its predecessor', () => {
		const followers = { theme: [1], suppliers: [], contract: [] };
		expect(catalogueNews(contract, 'planned', true, followers)?.title).toBe(
			'Nouveau marché dans la thématique Cartographie et SIG : Cartographie communale'
		);
		expect(
			catalogueNews({ ...contract, relaunchOf: 'IGR-2020-SIG-01' }, 'planned', true, followers)
				?.title
		).toBe(
			'Relance du marché IGR-2020-SIG-01 dans la thématique Cartographie et SIG : Cartographie communale'
		);
	});

	it('names the adjudicataires of an award, and the status of any other move', () => {
		const followers = { theme: [], suppliers: [2], contract: [] };
		const awarded = catalogueNews(
			{ ...contract, suppliers: ['GeoSoft', 'Carto SA'] },
			'awarded',
			false,
			followers
		)!;
		expect(awarded.title).toBe('Attribué à GeoSoft, Carto SA : Cartographie communale');
		expect(awarded.body).toContain('Adjudicataires : GeoSoft, Carto SA.');
		expect(catalogueNews(contract, 'ended', false, followers)?.title).toBe(
			'Terminé : Cartographie communale'
		);
		expect(catalogueNews(contract, 'cancelled', false, followers)?.body).toContain(
			'passe au statut « Annulé »'
		);
	});
});
