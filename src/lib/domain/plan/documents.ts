/** The documents the plan generates (budget.md §6): the fiche budgétaire and model deliberations. */

export const DOCUMENT_KINDS = [
	'budgetSheet',
	'councilMembership',
	'collegeInterest',
	'collegeOrder'
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const DOCUMENT_LABELS: Record<DocumentKind, string> = {
	budgetSheet: 'Fiche budgétaire',
	councilMembership: 'Délibération du conseil : adhésion à la centrale d’achat',
	collegeInterest: 'Délibération du collège : manifestation d’intérêt et quantité maximale',
	collegeOrder: 'Délibération du collège : adhésion au marché et commande'
};

export function isDocumentKind(value: unknown): value is DocumentKind {
	return typeof value === 'string' && (DOCUMENT_KINDS as readonly string[]).includes(value);
}
