/**
 * A digest mail gathers a person's notifications of a period, grouped by what they are about
 * (a marché, a group, an announcement), the most recently active subject first. An empty
 * period gives no digest at all: nothing is sent.
 */
export interface DigestItem {
	/** what it is about, e.g. `contract:12`, `group:3`; items without one stand alone */
	subjectKey: string;
	subjectTitle: string;
	title: string;
	link: string;
	at: Date;
}

export interface DigestGroup {
	subjectKey: string;
	subjectTitle: string;
	items: DigestItem[];
}

export function groupDigest(items: readonly DigestItem[]): DigestGroup[] {
	const groups = new Map<string, DigestGroup>();
	for (const item of [...items].sort((a, b) => a.at.getTime() - b.at.getTime())) {
		let group = groups.get(item.subjectKey);
		if (!group) {
			group = { subjectKey: item.subjectKey, subjectTitle: item.subjectTitle, items: [] };
			groups.set(item.subjectKey, group);
		}
		group.items.push(item);
	}
	const latest = (g: DigestGroup) => g.items[g.items.length - 1].at.getTime();
	return [...groups.values()].sort((a, b) => latest(b) - latest(a));
}

/** The plain-text body of a digest, or null when there is nothing to say. */
export function digestText(
	period: 'daily' | 'weekly',
	groups: readonly DigestGroup[],
	absolute: (link: string) => string
): string | null {
	if (!groups.length) return null;
	const head =
		period === 'daily'
			? 'Voici ce qui est nouveau depuis hier'
			: 'Voici ce qui est nouveau cette semaine';
	const lines = [`${head} sur Centrale.`, ''];
	for (const g of groups) {
		lines.push(`■ ${g.subjectTitle}`);
		for (const item of g.items) lines.push(`  – ${item.title}`, `    ${absolute(item.link)}`);
		lines.push('');
	}
	return lines.join('\n');
}

/** What a notification is about, from its link: `/groupes/3/…` is group 3, `/catalogue/REF` a contract. */
export function subjectOf(link: string): { key: string; title: string } {
	const [area, id] = link.split(/[?#]/)[0].split('/').filter(Boolean);
	switch (area) {
		case 'groupes':
			return { key: `groupes/${id}`, title: 'Groupe de travail' };
		case 'catalogue':
		case 'gestion':
			return { key: `catalogue/${id}`, title: id ? `Marché ${id}` : 'Catalogue' };
		case 'annonces':
			return { key: 'annonces', title: 'Annonces des centrales' };
		default:
			return { key: area ?? '', title: 'Autres informations' };
	}
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The HTML part of a digest: the same groups and links as the text. */
export function digestHtml(
	period: 'daily' | 'weekly',
	groups: readonly DigestGroup[],
	absolute: (link: string) => string
): string {
	const head = period === 'daily' ? 'Nouveau depuis hier' : 'Nouveau cette semaine';
	const sections = groups.map(
		(g) =>
			`<h2>${escapeHtml(g.subjectTitle)}</h2><ul>${g.items
				.map((i) => `<li><a href="${escapeHtml(absolute(i.link))}">${escapeHtml(i.title)}</a></li>`)
				.join('')}</ul>`
	);
	return `<!doctype html><html lang="fr"><body><h1>${head} sur Centrale</h1>${sections.join('')}</body></html>`;
}
