/**
 * Reference data every installation has: the 75 communes of Hainaut and Charleroi Métropole
 * (communes.csv, copied from shared/domain with its sources), the three intercommunales that run
 * the centrale, the other centrales whose marchés communes also use, and the platform itself.
 */
import fs from 'node:fs';
import path from 'node:path';
import { normalizeForSearch, slugify } from '../../../domain/text';
import type { Db } from '../client';
import { organisations, territories } from '../schema';
import { parseCsv } from './csv';

const INTERCOMMUNALES = [
	{
		shortName: 'IDEA',
		name: "IDEA — Intercommunale de Développement Économique et d'Aménagement de Mons-Borinage et du Centre",
		website: 'https://www.idea.be',
		description:
			'Agence de développement territorial du Cœur du Hainaut (Mons, Borinage, Centre). Siège à Mons.'
	},
	{
		shortName: 'IDETA',
		name: "IDETA — Intercommunale de développement économique des arrondissements de Tournai, d'Ath et communes avoisinantes",
		website: 'https://www.ideta.be',
		description: 'Agence de développement territorial de Wallonie picarde. Siège à Tournai.'
	},
	{
		shortName: 'IGRETEC',
		name: "IGRETEC — Intercommunale pour la Gestion et la Réalisation d'Études Techniques et Économiques",
		website: 'https://www.igretec.com',
		description: 'Charleroi et Sud-Hainaut, territoire de Charleroi Métropole. Siège à Charleroi.'
	}
] as const;

const OTHER_CENTRALES = [
	{
		shortName: 'SPW',
		name: "Service public de Wallonie — centrale d'achat",
		kind: 'centrale' as const,
		website: 'https://marchespublics.wallonie.be',
		description:
			'Accords-cadres transversaux (informatique, simplification administrative, fournitures) ouverts aux pouvoirs locaux wallons adhérents.'
	},
	{
		shortName: 'IMIO',
		name: 'IMIO — Intercommunale de Mutualisation Informatique et Organisationnelle',
		kind: 'centrale' as const,
		website: 'https://www.imio.be',
		description:
			'Logiciels libres pour pouvoirs locaux (iA.Delib, iA.Docs, iA.Urban…) et centrales d’achat, dont la cybersécurité.'
	},
	{
		shortName: 'Province de Hainaut',
		name: 'Province de Hainaut',
		kind: 'province' as const,
		website: 'https://www.hainaut.be',
		description: 'Marchés ouverts aux communes par convention de participation.'
	}
];

/** The CSV ships in the source tree; the process runs from the project root (also when bundled). */
export function communesCsvPath() {
	return path.resolve(
		process.env.CENTRALE_ROOT || process.cwd(),
		'src/lib/server/db/seed/communes.csv'
	);
}

/** Inserts the reference organisations when they are missing; safe to run on every start. */
export function seedReference(db: Db) {
	const existing = db.select({ slug: organisations.slug }).from(organisations).all();
	if (existing.some((o) => o.slug === 'idea')) return;
	const rows = parseCsv(fs.readFileSync(communesCsvPath(), 'utf8'));
	db.transaction((tx) => {
		const interIds = new Map<string, number>();
		for (const inter of INTERCOMMUNALES) {
			const { id } = tx
				.insert(organisations)
				.values({
					kind: 'intercommunale',
					name: inter.name,
					shortName: inter.shortName,
					searchName: normalizeForSearch(`${inter.shortName} ${inter.name}`),
					slug: slugify(inter.shortName),
					province: 'Hainaut',
					isCentrale: true,
					website: inter.website,
					description: inter.description
				})
				.returning({ id: organisations.id })
				.get();
			interIds.set(inter.shortName, id);
		}
		for (const c of OTHER_CENTRALES) {
			tx.insert(organisations)
				.values({
					kind: c.kind,
					name: c.name,
					shortName: c.shortName,
					searchName: normalizeForSearch(`${c.shortName} ${c.name}`),
					slug: slugify(c.shortName),
					isCentrale: true,
					website: c.website,
					description: c.description
				})
				.run();
		}
		tx.insert(organisations)
			.values({
				kind: 'platform',
				name: 'Centrale — équipe de la plateforme',
				shortName: 'Plateforme',
				searchName: 'plateforme centrale',
				slug: 'plateforme'
			})
			.run();
		for (const row of rows) {
			const { id } = tx
				.insert(organisations)
				.values({
					kind: 'commune',
					name: row.name,
					searchName: normalizeForSearch(row.name),
					slug: slugify(row.name),
					nisCode: row.nis_code,
					province: row.province,
					arrondissement: row.arrondissement,
					charleroiMetropole: row.charleroi_metropole === 'yes',
					source: row.source,
					confidence: row.confidence
				})
				.returning({ id: organisations.id })
				.get();
			for (const short of row.intercommunale.split('|')) {
				const interId = interIds.get(short.trim());
				if (!interId)
					throw new Error(`communes.csv: unknown intercommunale ${short} for ${row.name}`);
				tx.insert(territories).values({ communeId: id, intercommunaleId: interId }).run();
			}
		}
	});
}
