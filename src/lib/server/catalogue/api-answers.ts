/**
 * What each endpoint of the public JSON API answers, as page.ts does for a page; api.ts shapes
 * one contract. Nothing here is for members only: no prices, no members' documents.
 */
import { publicUrl } from '../config';
import { effectiveStatus } from '../../domain/catalogue/lifecycle';
import { publicContract, publicListItem } from './api';
import { contractLots, findContract, lifecycleSnapshot } from './contract';
import { listContracts } from './list';
import { filtersFromUrl } from './params';

/** GET /api/v1/contracts: one page of contracts, with the catalogue's filters and page links. */
export function contractListAnswer(url: URL, today: string) {
	const result = listContracts(filtersFromUrl(url.searchParams), today);
	const link = (page: number) => {
		const params = new URLSearchParams(url.searchParams);
		params.set('page', String(page));
		return publicUrl(`${url.pathname}?${params}`);
	};
	return {
		data: result.items.map((c) => publicListItem(c)),
		page: result.page,
		pageSize: result.pageSize,
		total: result.total,
		pageCount: result.pageCount,
		links: {
			self: link(result.page),
			next: result.page < result.pageCount ? link(result.page + 1) : null,
			prev: result.page > 1 ? link(result.page - 1) : null
		}
	};
}

/** GET /api/v1/contracts/:id, by numeric id or by reference; null when there is none. */
export function contractAnswer(key: string, today: string) {
	const contract = findContract(/^\d+$/.test(key) ? Number(key) : key);
	if (!contract) return null;
	const shown = effectiveStatus(lifecycleSnapshot(contract, contractLots(contract.id)), today);
	return publicContract(contract, shown);
}
