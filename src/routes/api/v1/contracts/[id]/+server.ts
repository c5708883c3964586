import { error, json } from '@sveltejs/kit';
import { effectiveStatus } from '$lib/domain/catalogue/lifecycle';
import { publicContract } from '$lib/server/catalogue/api';
import { contractLots, findContract, lifecycleSnapshot } from '$lib/server/catalogue/contract';
import { brusselsToday } from '$lib/server/catalogue/today';
import type { RequestHandler } from './$types';

/** One contract by numeric id or by reference. */
export const GET: RequestHandler = ({ params, url }) => {
	const contract = findContract(/^\d+$/.test(params.id) ? Number(params.id) : params.id);
	if (!contract) error(404, 'Ce marché est introuvable.');
	const shown = effectiveStatus(
		lifecycleSnapshot(contract, contractLots(contract.id)),
		brusselsToday()
	);
	return json(publicContract(contract, shown, url.origin), {
		headers: { 'access-control-allow-origin': '*', 'cache-control': 'public, max-age=60' }
	});
};
