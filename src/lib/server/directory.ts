/** The Annuaire: communes, intercommunales and other centrales, and the people of each. */
import { asc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { matchesQuery, normalizeForSearch } from '../domain/text';
import { getDb } from './db/client';
import { organisations, territories, users } from './db/schema';

export interface DirectoryCommune {
	id: number;
	name: string;
	slug: string;
	nisCode: string;
	province: string;
	arrondissement: string;
	charleroiMetropole: boolean;
	intercommunales: { name: string; slug: string }[];
}

export interface CommuneFilter {
	query?: string;
	intercommunale?: string;
}

type SearchableCommune = DirectoryCommune & { search: string };

/** Every commune with its intercommunale(s), ready for filterCommunes. */
export function listCommunes(): SearchableCommune[] {
	const db = getDb();
	const inter = alias(organisations, 'inter');
	const rows = db
		.select({
			id: organisations.id,
			name: organisations.name,
			slug: organisations.slug,
			searchName: organisations.searchName,
			nisCode: organisations.nisCode,
			province: organisations.province,
			arrondissement: organisations.arrondissement,
			charleroiMetropole: organisations.charleroiMetropole,
			interName: inter.shortName,
			interSlug: inter.slug
		})
		.from(organisations)
		.leftJoin(territories, eq(territories.communeId, organisations.id))
		.leftJoin(inter, eq(inter.id, territories.intercommunaleId))
		.where(eq(organisations.kind, 'commune'))
		.orderBy(asc(organisations.searchName), asc(inter.shortName))
		.all();
	const byId = new Map<number, SearchableCommune>();
	for (const row of rows) {
		let commune = byId.get(row.id);
		if (!commune) {
			commune = {
				id: row.id,
				name: row.name,
				slug: row.slug,
				nisCode: row.nisCode ?? '',
				province: row.province ?? '',
				arrondissement: row.arrondissement ?? '',
				charleroiMetropole: row.charleroiMetropole,
				intercommunales: [],
				search: normalizeForSearch(
					`${row.searchName} ${row.nisCode ?? ''} ${row.arrondissement ?? ''}`
				)
			};
			byId.set(row.id, commune);
		}
		if (row.interName && row.interSlug)
			commune.intercommunales.push({ name: row.interName, slug: row.interSlug });
	}
	return [...byId.values()];
}

/** The communes matching a free-text query (accents, case and punctuation ignored) and territory. */
export function filterCommunes(
	all: SearchableCommune[],
	filter: CommuneFilter
): DirectoryCommune[] {
	let communes = all;
	const query = filter.query?.trim();
	if (query) communes = communes.filter((c) => matchesQuery(c.search, query));
	if (filter.intercommunale) {
		const slug = filter.intercommunale;
		communes = communes.filter((c) => c.intercommunales.some((i) => i.slug === slug));
	}
	return communes.map(({ search: _search, ...c }) => c);
}

/** The three intercommunales and the other centrales, with how many communes each covers. */
export function listCentrales() {
	const db = getDb();
	const rows = db
		.select({
			id: organisations.id,
			name: organisations.name,
			shortName: organisations.shortName,
			slug: organisations.slug,
			kind: organisations.kind,
			website: organisations.website,
			description: organisations.description
		})
		.from(organisations)
		.where(eq(organisations.isCentrale, true))
		.orderBy(asc(organisations.kind), asc(organisations.name))
		.all();
	const counts = db
		.select({ id: territories.intercommunaleId })
		.from(territories)
		.all()
		.reduce((m, r) => m.set(r.id, (m.get(r.id) ?? 0) + 1), new Map<number, number>());
	return rows.map((r) => ({ ...r, communeCount: counts.get(r.id) ?? 0 }));
}

export function getOrganisationBySlug(slug: string) {
	const db = getDb();
	const organisation = db.select().from(organisations).where(eq(organisations.slug, slug)).get();
	if (!organisation) return null;
	const links =
		organisation.kind === 'commune'
			? db
					.select({
						name: organisations.name,
						shortName: organisations.shortName,
						slug: organisations.slug
					})
					.from(territories)
					.innerJoin(organisations, eq(organisations.id, territories.intercommunaleId))
					.where(eq(territories.communeId, organisation.id))
					.all()
			: [];
	const covered =
		organisation.kind === 'intercommunale'
			? db
					.select({
						name: organisations.name,
						slug: organisations.slug,
						nisCode: organisations.nisCode
					})
					.from(territories)
					.innerJoin(organisations, eq(organisations.id, territories.communeId))
					.where(eq(territories.intercommunaleId, organisation.id))
					.orderBy(asc(organisations.searchName))
					.all()
			: [];
	return { organisation, intercommunales: links, communes: covered };
}

/** People of an organisation (shown to its members, buyers and admins only). */
export function listMembers(organisationId: number) {
	return getDb()
		.select({
			id: users.id,
			name: users.name,
			email: users.email,
			role: users.role,
			disabledAt: users.disabledAt
		})
		.from(users)
		.where(eq(users.organisationId, organisationId))
		.orderBy(asc(users.name))
		.all();
}

/** Organisations a user may be invited into, for the invitation form. */
export function listOrganisationsForInvitation() {
	return getDb()
		.select({ id: organisations.id, name: organisations.name, kind: organisations.kind })
		.from(organisations)
		.orderBy(asc(organisations.kind), asc(organisations.searchName))
		.all();
}

export function getOrganisation(id: number) {
	return getDb().select().from(organisations).where(eq(organisations.id, id)).get() ?? null;
}
