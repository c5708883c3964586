import { error } from '@sveltejs/kit';

/** The report id of a `/retours/[id]…` route; 404 for anything that is not one. */
export function reportIdParam(param: string): number {
	const id = Number(param);
	if (!Number.isInteger(id) || id <= 0) error(404, 'Ce retour est introuvable.');
	return id;
}
