/**
 * Relaunch (DOMAIN.md, `Relaunch`): the successor procedure of an expiring framework agreement.
 * The successor is a new procedure: it copies the structure (lots, price items, modules,
 * documents) but no adjudicataire and no price is binding, and its adherents must declare their
 * interest again (CJEU C-216/17 Coopservice: each framework names its beneficiaries and maximum).
 */
import { effectiveStatus } from './lifecycle';
import { STATUS_LABELS } from './labels';
import type {
	BudgetNature,
	LifecycleSnapshot,
	Module,
	Recurrence,
	Verdict,
	VatRate
} from './types';

export interface RelaunchPriceItem {
	label: string;
	unit: string;
	/** null when the predecessor's own price was still « à fixer » */
	unitPriceCents: number | null;
	/** the predecessor's reference, when it was itself a relaunch not yet priced */
	referenceUnitPriceCents?: number | null;
	vatRate: VatRate;
	recurrence: Recurrence;
	budgetNature: BudgetNature;
	suggestedArticle: string | null;
	module: Module | null;
}

export interface RelaunchSource {
	id: number;
	reference: string;
	title: string;
	summary: string;
	description: string;
	theme: string;
	procedure: string;
	cpvCodes: readonly string[];
	centraleId: number;
	modules: readonly Module[];
	lots: readonly { number: number; title: string; priceItems: readonly RelaunchPriceItem[] }[];
	documents: readonly { id: number; kind: string; title: string; isPublic: boolean }[];
	adhesions: readonly { organisationId: number; withdrawn: boolean }[];
}

export interface RelaunchPlan {
	successor: {
		title: string;
		summary: string;
		description: string;
		theme: string;
		procedure: string;
		cpvCodes: string[];
		centraleId: number;
		modules: Module[];
		status: 'planned';
		predecessorId: number;
		lots: {
			number: number;
			title: string;
			supplierId: null;
			endDate: null;
			/** The predecessor's price stays as a reference for the estimate, not as a price. */
			priceItems: (Omit<RelaunchPriceItem, 'unitPriceCents' | 'referenceUnitPriceCents'> & {
				previousUnitPriceCents: number | null;
			})[];
		}[];
		documents: {
			sourceId: number;
			kind: string;
			title: string;
			isPublic: boolean;
			reviewNote: string;
		}[];
	};
	/** Organisations with a running adhesion: to invite to declare their interest again. */
	adherentOrganisationIds: number[];
	/** What the buyer must still do, in French. */
	checklist: string[];
}

/** A relaunch starts from a running or ended contract that has no successor yet. */
export function canRelaunch(snapshot: LifecycleSnapshot, today: string): Verdict {
	if (snapshot.hasSuccessor) return { ok: false, reason: 'Ce marché a déjà un successeur.' };
	const shown = effectiveStatus(snapshot, today);
	if (shown === 'active' || shown === 'expiring' || shown === 'ended') return { ok: true };
	return {
		ok: false,
		reason: `Seul un marché actif, arrivant à échéance ou terminé peut être relancé (statut : ${STATUS_LABELS[shown]}).`
	};
}

/** What the successor copies from `source`, as data the app stores in one transaction. */
export function relaunchPlan(source: RelaunchSource): RelaunchPlan {
	const reviewNote = `Repris du marché ${source.reference} : à revoir avant publication.`;
	const adherents = source.adhesions.filter((a) => !a.withdrawn).map((a) => a.organisationId);
	return {
		successor: {
			title: source.title,
			summary: source.summary,
			description: source.description,
			theme: source.theme,
			procedure: source.procedure,
			cpvCodes: [...source.cpvCodes],
			centraleId: source.centraleId,
			modules: [...source.modules],
			status: 'planned',
			predecessorId: source.id,
			lots: source.lots.map((lot) => ({
				number: lot.number,
				title: lot.title,
				supplierId: null,
				endDate: null,
				priceItems: lot.priceItems.map(({ unitPriceCents, referenceUnitPriceCents, ...item }) => ({
					...item,
					previousUnitPriceCents: unitPriceCents ?? referenceUnitPriceCents ?? null
				}))
			})),
			documents: source.documents.map((doc) => ({
				sourceId: doc.id,
				kind: doc.kind,
				title: doc.title,
				isPublic: doc.isPublic,
				reviewNote
			}))
		},
		adherentOrganisationIds: [...new Set(adherents)].sort((a, b) => a - b),
		checklist: checklist(source)
	};
}

function checklist(source: RelaunchSource): string[] {
	const items = [
		'Fixer la date limite de manifestation d’intérêt et inviter les adhérents du marché précédent.',
		'Fixer le montant maximal de l’accord-cadre d’après les quantités déclarées (CJUE, C-216/17 Coopservice).',
		'Fixer les dates de la procédure, de début et de fin du nouveau marché.'
	];
	const documents = source.documents.length;
	if (documents === 1) items.push('Revoir le document repris avant de le publier.');
	if (documents > 1) items.push(`Revoir les ${documents} documents repris avant de les publier.`);
	if (source.lots.some((lot) => lot.priceItems.length > 0)) {
		items.push('Remplacer les prix de référence par ceux de la nouvelle attribution.');
	}
	return items;
}
