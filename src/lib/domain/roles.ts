/** Roles of the portal; the French labels are what people read. */
export const ROLES = ['agent', 'referent', 'buyer', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
	agent: 'Agent communal',
	referent: 'Référent communal',
	buyer: 'Acheteur (intercommunale)',
	admin: 'Administrateur de la plateforme'
};

export const ORGANISATION_KINDS = [
	'commune',
	'cpas',
	'zone',
	'province',
	'intercommunale',
	'centrale',
	'platform'
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const ORGANISATION_KIND_LABELS: Record<OrganisationKind, string> = {
	commune: 'Commune',
	cpas: 'CPAS',
	zone: 'Zone de police ou de secours',
	province: 'Province',
	intercommunale: 'Intercommunale',
	centrale: "Autre centrale d'achat",
	platform: 'Plateforme'
};

/** Local authorities that buy through the centrale: their people are agents and referents. */
export const BUYING_KINDS: readonly OrganisationKind[] = ['commune', 'cpas', 'zone', 'province'];

/** The roles of a local authority's people (agents and referents). */
export const COMMUNE_ROLES = ['agent', 'referent'] as const satisfies readonly Role[];
export type CommuneRole = (typeof COMMUNE_ROLES)[number];

/** Which roles a person of an organisation of this kind may hold. */
export function rolesForKind(kind: OrganisationKind): Role[] {
	if (BUYING_KINDS.includes(kind)) return ['agent', 'referent'];
	if (kind === 'intercommunale' || kind === 'centrale') return ['buyer'];
	return ['admin'];
}

/** true when a person of an organisation of this kind may hold `role` (no buyer in a commune) */
export function roleFitsKind(role: Role, kind: OrganisationKind): boolean {
	return rolesForKind(kind).includes(role);
}
