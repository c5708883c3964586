/**
 * How a public report names its commune: by name when the commune chose to be named, otherwise
 * by where it is (« une commune de l'arrondissement d'Ath »), which says enough to judge the
 * experience without pointing at the people who wrote it.
 */

/** French elision: « d'Ath », « de Charleroi » */
const of = (name: string) => (/^[aeiouyàâéèêëîïôûœ]/i.test(name) ? `d'${name}` : `de ${name}`);

export function anonymousCommune(place: {
	/** the commune's own name: an arrondissement named after it would point at it */
	name?: string;
	arrondissement: string | null;
	province: string | null;
}): string {
	if (place.arrondissement && place.arrondissement !== place.name)
		return `une commune de l'arrondissement ${of(place.arrondissement)}`;
	if (place.province) return `une commune de la province ${of(place.province)}`;
	return 'une commune de Wallonie';
}

/** The commune's name as a reader sees it: members always; the public as the commune chose. */
export function communeLabel(
	commune: { name: string; arrondissement: string | null; province: string | null },
	options: { member: boolean; publicNamed: boolean }
): string {
	return options.member || options.publicNamed ? commune.name : anonymousCommune(commune);
}
