/**
 * The decisions a commune needs to buy through a centrale (shared/domain/budget.md §5, DOMAIN.md):
 * the council's adhesion to the centrale once, its interest and maximum quantity before the
 * procedure (Coopservice), the collège's adhesion to the marché and its decision per order, the
 * finance director's opinion above a configured amount, and a tutelle check for large orders.
 */
import type { ContractStatus } from '../catalogue/types';
import { formatMoney } from '../format';
import { DEFAULT_PLAN_CONFIG, type PlanConfig } from './config';

export const DECISION_KINDS = [
	'centraleMembership',
	'interest',
	'contractAdhesion',
	'order',
	'financeOpinion',
	'tutelleCheck'
] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];

/** done; to do now; not yet possible; no longer possible; not needed for this amount */
export type DecisionStatus = 'done' | 'todo' | 'later' | 'closed' | 'notNeeded';

export const DECISION_STATUS_LABELS: Record<DecisionStatus, string> = {
	done: 'Fait',
	todo: 'À faire',
	later: 'Plus tard',
	closed: 'Clôturé',
	notNeeded: 'Non requis'
};

export const DECISION_LABELS: Record<DecisionKind, string> = {
	centraleMembership: 'Adhésion à la centrale d’achat (convention)',
	interest: 'Manifestation d’intérêt et quantité maximale',
	contractAdhesion: 'Adhésion au marché',
	order: 'Décision de commande',
	financeOpinion: 'Avis de légalité du directeur financier',
	tutelleCheck: 'Vérification de la tutelle'
};

const BODIES: Record<DecisionKind, string> = {
	centraleMembership: 'Conseil communal',
	interest: 'Collège communal',
	contractAdhesion: 'Collège communal',
	order: 'Collège communal',
	financeOpinion: 'Directeur financier',
	tutelleCheck: 'Tutelle'
};

export const DECISION_LEGAL: Record<DecisionKind, string> = {
	centraleMembership:
		'Art. L1222-7 CDLD ; loi du 17 juin 2016 relative aux marchés publics, art. 2, 6° et 7°, et art. 47',
	interest:
		'CJUE, 19 décembre 2018, C-216/17 (Coopservice) ; CJUE, 17 juin 2021, C-23/20 (Simonsen & Weel)',
	contractAdhesion: 'Loi du 17 juin 2016, art. 47 ; art. L1222-3 CDLD',
	order: 'Loi du 17 juin 2016, art. 47 ; art. L1222-3 CDLD',
	financeOpinion: 'Art. L1124-40 CDLD',
	tutelleCheck: 'Art. L3122-2 CDLD'
};

export interface DecisionSituation {
	contractStatus: ContractStatus;
	/** the commune's membership of the contract's centrale is on file */
	memberOfCentrale: boolean;
	interestDeclared: boolean;
	/** an adhesion to the contract is on file and not withdrawn */
	adhered: boolean;
	/** decisions the commune recorded in its plan */
	recorded: readonly DecisionKind[];
	/** the order's amount excl. VAT */
	amountExclVatCents: number;
}

export interface DecisionStep {
	kind: DecisionKind;
	label: string;
	body: string;
	status: DecisionStatus;
	legal: string;
	/** why this status, in French; null when the status says it all */
	note: string | null;
}

const BEFORE_AWARD: readonly ContractStatus[] = ['planned', 'tendering'];
const ORDERABLE: readonly ContractStatus[] = ['awarded', 'active', 'expiring'];

type Verdict = [DecisionStatus, string | null];

/** A threshold as the notes show it: formatted once per amount (Intl is slow in a buyer's view). */
const thresholds = new Map<number, string>();
function threshold(cents: number): string {
	let text = thresholds.get(cents);
	if (text === undefined) {
		if (thresholds.size > 100) thresholds.clear();
		thresholds.set(cents, (text = formatMoney(cents)));
	}
	return text;
}

function statusOf(kind: DecisionKind, s: DecisionSituation, config: PlanConfig): Verdict {
	const open = ORDERABLE.includes(s.contractStatus);
	const before = BEFORE_AWARD.includes(s.contractStatus);
	switch (kind) {
		case 'centraleMembership':
			return s.memberOfCentrale ? ['done', null] : ['todo', 'Une seule fois par centrale.'];
		case 'interest':
			if (s.interestDeclared) return ['done', null];
			return before
				? [
						'todo',
						'Avant le lancement de la procédure : sans elle, l’accord-cadre ne vous couvre pas.'
					]
				: [
						'closed',
						'La procédure est lancée : vérifiez avec la centrale que votre commune figure parmi les bénéficiaires.'
					];
		case 'contractAdhesion':
			if (s.adhered) return ['done', null];
			return open
				? ['todo', null]
				: before
					? ['later', 'Après l’attribution du marché.']
					: ['closed', 'Le marché n’est plus ouvert.'];
		case 'order':
			return open
				? ['todo', 'Une décision par commande, sur un crédit budgétaire existant.']
				: before
					? ['later', 'Après l’attribution du marché.']
					: ['closed', 'Le marché n’est plus ouvert.'];
		case 'financeOpinion':
			return s.amountExclVatCents > config.financeOpinionThresholdCents
				? ['todo', `Montant supérieur à ${threshold(config.financeOpinionThresholdCents)} HTVA.`]
				: ['notNeeded', null];
		case 'tutelleCheck':
			return s.amountExclVatCents >= config.tutelleCheckThresholdCents
				? [
						'todo',
						`Montant d’au moins ${threshold(config.tutelleCheckThresholdCents)} HTVA : vérifiez l’obligation de transmission.`
					]
				: ['notNeeded', null];
	}
}

export function decisionChain(
	situation: DecisionSituation,
	config: PlanConfig = DEFAULT_PLAN_CONFIG
): DecisionStep[] {
	return DECISION_KINDS.map((kind) => {
		const recorded = situation.recorded.includes(kind);
		const [status, note] = recorded
			? (['done', null] as Verdict)
			: statusOf(kind, situation, config);
		return {
			kind,
			label: DECISION_LABELS[kind],
			body: BODIES[kind],
			status,
			legal: DECISION_LEGAL[kind],
			note
		};
	});
}
