/** French labels and badge tones of the catalogue vocabulary: what people read on screen. */
import type { BudgetNature, ContractStatus, Module, Recurrence, VatRate } from './types';

/** The tones of the global `.badge.{tone}` classes. */
export type BadgeTone = 'info' | 'success' | 'warning' | 'danger' | 'neutral';

export const STATUS_LABELS: Record<ContractStatus, string> = {
	planned: 'À venir',
	tendering: 'Procédure en cours',
	awarded: 'Attribué',
	active: 'Actif',
	expiring: 'Arrive à échéance',
	ended: 'Terminé',
	cancelled: 'Annulé'
};

export const STATUS_TONES: Record<ContractStatus, BadgeTone> = {
	planned: 'info',
	tendering: 'info',
	awarded: 'success',
	active: 'success',
	expiring: 'warning',
	ended: 'neutral',
	cancelled: 'danger'
};

export const MODULE_LABELS: Record<Module, string> = {
	audit: 'Audit',
	software: 'Logiciel',
	support: 'Accompagnement',
	training: 'Formation'
};

export const MODULE_TONES: Record<Module, BadgeTone> = {
	audit: 'warning',
	software: 'info',
	support: 'success',
	training: 'neutral'
};

export const BUDGET_NATURE_LABELS: Record<BudgetNature, string> = {
	ordinaire: 'Service ordinaire',
	extraordinaire: 'Service extraordinaire'
};

export const RECURRENCE_LABELS: Record<Recurrence, string> = {
	one_off: 'Ponctuel',
	yearly: 'Annuel',
	monthly: 'Mensuel'
};

export const VAT_RATE_LABELS: Record<VatRate, string> = {
	21: 'TVA 21 %',
	12: 'TVA 12 %',
	6: 'TVA 6 %',
	0: 'TVA 0 %'
};

/** Thématiques of the catalogue: slug → label. */
export const THEMES = {
	'e-guichet': 'E-guichet citoyen',
	'courriers-deliberations': 'Gestion des courriers et délibérations',
	cybersecurite: 'Cybersécurité',
	'equipement-informatique': 'Équipement informatique',
	telephonie: 'Téléphonie',
	'salles-reservations': 'Gestion des salles et réservations',
	'smart-city': 'Smart city',
	'rgpd-dpo': 'RGPD / DPO mutualisé',
	'formation-numerique': 'Formation au numérique',
	'gestion-travaux': 'Gestion des travaux',
	'paiement-en-ligne': 'Paiement en ligne',
	'gestion-financiere': 'Gestion financière et comptable',
	'ressources-humaines': 'Ressources humaines et paie',
	'population-etat-civil': 'Population et état civil',
	'infrastructure-cloud': 'Hébergement, cloud et réseau',
	'site-web': 'Sites web et communication',
	'cartographie-sig': 'Cartographie et SIG',
	'gestion-documentaire': 'Gestion documentaire et archivage'
} as const satisfies Record<string, string>;
export type Theme = keyof typeof THEMES;
export const THEME_SLUGS = Object.keys(THEMES) as Theme[];

/** Procedures of the law of 17 June 2016 (art. 35–42; marché de faible montant: art. 92): slug → label. */
export const PROCEDURES = {
	ouverte: 'Procédure ouverte',
	'negociee-sans-publication': 'Procédure négociée sans publication préalable',
	'negociee-directe-avec-publication': 'Procédure négociée directe avec publication préalable',
	'concurrentielle-avec-negociation': 'Procédure concurrentielle avec négociation',
	'dialogue-competitif': 'Dialogue compétitif',
	'faible-montant': 'Marché de faible montant'
} as const satisfies Record<string, string>;
export type Procedure = keyof typeof PROCEDURES;
export const PROCEDURE_SLUGS = Object.keys(PROCEDURES) as Procedure[];

/** Kinds of documents attached to a contract: slug → label. */
export const DOCUMENT_KINDS = {
	'cahier-des-charges': 'Cahier des charges',
	'convention-adhesion': "Convention d'adhésion",
	'modele-deliberation': 'Modèle de délibération',
	'fiche-technique': 'Fiche technique',
	'bordereau-prix': 'Bordereau de prix',
	autre: 'Autre document'
} as const satisfies Record<string, string>;
export type DocumentKind = keyof typeof DOCUMENT_KINDS;
export const DOCUMENT_KIND_SLUGS = Object.keys(DOCUMENT_KINDS) as DocumentKind[];

function isKey<T extends object>(table: T, value: unknown): value is keyof T {
	return typeof value === 'string' && Object.prototype.hasOwnProperty.call(table, value);
}

export const isTheme = (value: unknown): value is Theme => isKey(THEMES, value);
export const isProcedure = (value: unknown): value is Procedure => isKey(PROCEDURES, value);
export const isDocumentKind = (value: unknown): value is DocumentKind =>
	isKey(DOCUMENT_KINDS, value);

/** An order's status as the ordering commune reads it, with its badge tone. */
export const ORDER_STATUS: Record<string, readonly [label: string, tone: BadgeTone]> = {
	submitted: ['Envoyée', 'info'],
	confirmed: ['Confirmée', 'success'],
	refused: ['Refusée', 'danger']
};
