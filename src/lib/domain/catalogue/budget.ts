/**
 * Budget guidance per price item (shared/domain/budget.md §2–3, RGCC art. 1). It only suggests:
 * the commune's directeur financier decides the service and the article (budget.md §6).
 */
import { lineTotal } from './money';
import type { BudgetNature, Recurrence } from './types';

/** What a price item pays for; decides its suggested budget nature with its recurrence. */
export const PRICE_ITEM_KINDS = [
	'subscription',
	'licence_term',
	'licence_perpetual',
	'hardware',
	'development',
	'implementation',
	'support',
	'hosting',
	'telecom',
	'audit',
	'training',
	'consumable',
	'service'
] as const;
export type PriceItemKind = (typeof PRICE_ITEM_KINDS)[number];

export const PRICE_ITEM_KIND_LABELS: Record<PriceItemKind, string> = {
	subscription: 'Abonnement (SaaS)',
	licence_term: 'Licence à durée limitée',
	licence_perpetual: 'Licence perpétuelle',
	hardware: 'Matériel',
	development: 'Développement sur mesure',
	implementation: 'Mise en œuvre et paramétrage',
	support: 'Support et maintenance',
	hosting: 'Hébergement',
	telecom: 'Télécommunications',
	audit: 'Audit',
	training: 'Formation',
	consumable: 'Consommables',
	service: 'Autre prestation'
};

/**
 * Lasting assets when bought once: hardware (economic group 74x), perpetual licences, custom
 * development and initial implementation (budget.md §2; the last two are "usually" extraordinaire,
 * practice varies, hence only a suggestion).
 */
const LASTING_ASSETS: readonly PriceItemKind[] = [
	'hardware',
	'licence_perpetual',
	'development',
	'implementation'
];

/**
 * The suggested service. A recurring payment is ordinaire whatever it buys: RGCC art. 1 defines
 * the service ordinaire as what occurs at least once in every financial year. A one-off purchase
 * is extraordinaire when it creates a lasting asset, ordinaire otherwise (one-off audit, training).
 */
export function suggestedBudgetNature(recurrence: Recurrence, kind: PriceItemKind): BudgetNature {
	if (recurrence !== 'one_off') return 'ordinaire';
	return LASTING_ASSETS.includes(kind) ? 'extraordinaire' : 'ordinaire';
}

/** Why that service is suggested, in French, for the price item's budget note. */
export function budgetNatureReason(recurrence: Recurrence, kind: PriceItemKind): string {
	if (recurrence !== 'one_off') {
		return 'Dépense récurrente : elle revient chaque exercice, donc au service ordinaire.';
	}
	if (LASTING_ASSETS.includes(kind)) {
		return 'Achat durable (investissement) : service extraordinaire, avec un projet et un financement à prévoir.';
	}
	return 'Prestation ponctuelle sans actif durable : service ordinaire.';
}

/** The words that always go with a suggested article (budget.md §3 marks the codes [L]). */
export const ARTICLE_TO_CONFIRM = 'à confirmer par le directeur financier';

/**
 * Default articles: function 104 (administration générale) with economic codes 123-13 (frais
 * informatiques, ordinaire) and 742-53 (matériel informatique, extraordinaire). Unverified [L]:
 * configurable through `suggestedArticle`'s `articles`, never imposed on the commune.
 */
export const DEFAULT_BUDGET_ARTICLES: Record<BudgetNature, string> = {
	ordinaire: '104/123-13',
	extraordinaire: '104/742-53'
};

export interface ArticleSuggestion {
	article: string;
	/** Always « à confirmer par le directeur financier ». */
	confirmation: typeof ARTICLE_TO_CONFIRM;
	/** 'article (à confirmer par le directeur financier)', plus the project note when extraordinaire. */
	text: string;
}

/** The suggested budget article for a service, always flagged as to be confirmed. */
export function suggestedArticle(
	nature: BudgetNature,
	articles: Record<BudgetNature, string> = DEFAULT_BUDGET_ARTICLES
): ArticleSuggestion {
	const article = articles[nature];
	const project = nature === 'extraordinaire' ? ' ; numéro de projet extraordinaire à prévoir' : '';
	return {
		article,
		confirmation: ARTICLE_TO_CONFIRM,
		text: `${article} (${ARTICLE_TO_CONFIRM}${project})`
	};
}

export interface CostItem {
	unitPriceCents: number;
	recurrence: Recurrence;
	/** Defaults to 1; up to two decimals (see money.ts). */
	quantity?: number;
}

/**
 * What an item costs per year once running: monthly × 12, yearly × 1, one-off 0 (a one-off
 * purchase is no yearly cost; see `splitOneOffRecurring` for its amount).
 */
export function yearlyCostCents(item: CostItem): number {
	const amount = lineTotal(item.quantity ?? 1, item.unitPriceCents);
	if (item.recurrence === 'monthly') return amount * 12;
	if (item.recurrence === 'yearly') return amount;
	return 0;
}

export interface CostSplit {
	oneOffCents: number;
	yearlyCents: number;
}

/**
 * The two price lines of an offer (budget.md §6): one-off amount and recurring amount per year,
 * in total and per suggested service, since a commune often has only one of the two credits.
 */
export function splitOneOffRecurring(
	items: readonly (CostItem & { budgetNature: BudgetNature })[]
): CostSplit & { byNature: Record<BudgetNature, CostSplit> } {
	const byNature: Record<BudgetNature, CostSplit> = {
		ordinaire: { oneOffCents: 0, yearlyCents: 0 },
		extraordinaire: { oneOffCents: 0, yearlyCents: 0 }
	};
	for (const item of items) {
		const split = byNature[item.budgetNature];
		if (item.recurrence === 'one_off') {
			split.oneOffCents += lineTotal(item.quantity ?? 1, item.unitPriceCents);
		} else {
			split.yearlyCents += yearlyCostCents(item);
		}
	}
	const { ordinaire: o, extraordinaire: e } = byNature;
	return {
		oneOffCents: o.oneOffCents + e.oneOffCents,
		yearlyCents: o.yearlyCents + e.yearlyCents,
		byNature
	};
}
