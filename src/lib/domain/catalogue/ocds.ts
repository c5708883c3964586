/**
 * Contracts as OCDS 1.1.5 releases (shared/data/ocds-1.1.5), with the Lots and Techniques
 * extensions: a framework agreement (`tender.techniques.hasFrameworkAgreement`), its lots, one
 * award and one contract per awarded lot, and relaunches as `relatedProcesses`. Pure mapping.
 */
import { brusselsDateTime } from './dates';
import { PROCEDURES } from './labels';
import { CONTRACT_STATUS, DOCUMENT_TYPE, METHOD, TAG, TENDER_STATUS } from './ocds-codes';
import type {
	OcdsContractInput,
	OcdsLotInput,
	OcdsPackageOptions,
	OcdsReleaseOptions
} from './ocds-input';

export type * from './ocds-input';

export const OCDS_EXTENSIONS = [
	'https://raw.githubusercontent.com/open-contracting-extensions/ocds_lots_extension/v1.1.5/extension.json',
	'https://raw.githubusercontent.com/open-contracting-extensions/ocds_techniques_extension/master/extension.json'
];

export type OcdsRelease = {
	ocid: string;
	id: string;
	date: string;
	tag: string[];
	initiationType: 'tender';
	language: 'fr';
} & Record<string, unknown>;

const start = (date: string | null) => (date ? brusselsDateTime(date, '00:00:00') : undefined);
const end = (date: string | null) => (date ? brusselsDateTime(date, '23:59:59') : undefined);
const money = (cents: number | null) =>
	cents === null ? undefined : { amount: cents / 100, currency: 'EUR' };

/** Drops undefined fields and empty arrays or objects, so the release says only what is known. */
function compact<T>(value: T): T {
	if (Array.isArray(value)) return value.map(compact) as T;
	if (value === null || typeof value !== 'object') return value;
	const entries = Object.entries(value)
		.map(([key, inner]) => [key, compact(inner)] as const)
		.filter(([, inner]) => {
			if (inner === undefined) return false;
			if (Array.isArray(inner)) return inner.length > 0;
			return typeof inner !== 'object' || inner === null || Object.keys(inner).length > 0;
		});
	return Object.fromEntries(entries) as T;
}

export function ocidOf(reference: string, ocidPrefix: string): string {
	return `${ocidPrefix}-${reference}`;
}

/** One release describing the contract at its current stage. */
export function toOcdsRelease(input: OcdsContractInput, opts: OcdsReleaseOptions): OcdsRelease {
	const ocid = ocidOf(input.reference, opts.ocidPrefix);
	const centrale = { id: `centrale-${input.leadCentrale.id}`, name: input.leadCentrale.name };
	const awarded = CONTRACT_STATUS[input.status] !== undefined;
	const awardedLots = awarded ? input.lots.filter((lot) => lot.supplier !== null) : [];
	return compact({
		ocid,
		// the shown status is part of the id: an expired contract changes release without being edited
		id: `${ocid}-${input.status}-${input.updatedAt}`,
		date: new Date(input.updatedAt).toISOString(),
		tag: [TAG[input.status]],
		initiationType: 'tender' as const,
		language: 'fr' as const,
		parties: parties(input, centrale, awardedLots),
		buyer: centrale,
		planning: planning(input),
		tender: tender(input, centrale, opts),
		awards: awardedLots.map((lot) => award(input, lot)),
		contracts: awardedLots.map((lot) => contract(input, lot)),
		relatedProcesses: relatedProcesses(input)
	});
}

/** Every field of the release package except `releases`, so releases can be streamed. */
export function releasePackageHeader(opts: OcdsPackageOptions) {
	return compact({
		uri: opts.packageUri,
		version: '1.1',
		extensions: OCDS_EXTENSIONS,
		publishedDate: new Date(opts.publishedAt).toISOString(),
		publisher: opts.publisher,
		license: opts.license,
		publicationPolicy: opts.publicationPolicy
	});
}

type Ref = { id: string; name: string };

function supplierRef(lot: OcdsLotInput): Ref {
	return { id: `supplier-${lot.supplier!.id}`, name: lot.supplier!.name };
}

function parties(input: OcdsContractInput, centrale: Ref, awardedLots: OcdsLotInput[]) {
	const suppliers = new Map<string, object>();
	for (const lot of awardedLots) {
		const { vatNumber, name } = lot.supplier!;
		const enterprise = vatNumber?.replace(/[\s.]/g, '').match(/^BE(\d{10})$/)?.[1];
		suppliers.set(supplierRef(lot).id, {
			...supplierRef(lot),
			identifier: enterprise
				? { scheme: 'BE-BCE_KBO', id: enterprise, legalName: name }
				: undefined,
			roles: ['supplier']
		});
	}
	return [{ ...centrale, roles: ['buyer', 'procuringEntity'] }, ...suppliers.values()];
}

function planning(input: OcdsContractInput) {
	const milestones = input.interestDeadline
		? [
				{
					id: 'interest-deadline',
					title: 'Date limite de manifestation d’intérêt',
					type: 'engagement',
					dueDate: end(input.interestDeadline)
				}
			]
		: [];
	const amount = money(input.estimatedValueCents);
	const budget = amount ? { description: 'Montant estimé du marché', amount } : undefined;
	return { budget, milestones };
}

function tender(input: OcdsContractInput, centrale: Ref, opts: OcdsReleaseOptions) {
	return {
		id: input.reference,
		title: input.title,
		description: input.description ?? undefined,
		status: TENDER_STATUS[input.status],
		procuringEntity: centrale,
		items: input.cpvCodes.map((code, index) => ({
			id: String(index + 1),
			description: input.title,
			classification: { scheme: 'CPV', id: code.replace(/-\d$/, '') }
		})),
		value: money(input.maxValueCents ?? input.estimatedValueCents),
		procurementMethod: input.procedure ? METHOD[input.procedure] : undefined,
		procurementMethodDetails: input.procedure ? PROCEDURES[input.procedure] : undefined,
		mainProcurementCategory: input.mainProcurementCategory,
		tenderPeriod: { endDate: end(input.tenderCloseDate) },
		contractPeriod: period(input, input.endDate),
		documents: input.documents
			.filter((doc) => doc.public)
			.map((doc) => ({
				id: String(doc.id),
				documentType: DOCUMENT_TYPE[doc.kind],
				title: doc.title,
				url: new URL(doc.url, opts.baseUrl).href,
				language: 'fr'
			})),
		techniques: { hasFrameworkAgreement: true },
		lots: input.lots.map((lot) => ({
			id: String(lot.id),
			title: lot.title,
			status: TENDER_STATUS[input.status],
			value: money(lot.valueCents),
			contractPeriod: lot.endDate ? period(input, lot.endDate) : undefined
		}))
	};
}

function period(input: OcdsContractInput, endDate: string | null) {
	return {
		startDate: start(input.startDate),
		endDate: end(endDate),
		maxExtentDate: end(input.maxEndDate)
	};
}

function award(input: OcdsContractInput, lot: OcdsLotInput) {
	return {
		id: `award-${lot.id}`,
		title: lot.title,
		status: 'active',
		date: start(input.awardDate),
		value: money(lot.valueCents),
		suppliers: [supplierRef(lot)],
		relatedLots: [String(lot.id)],
		contractPeriod: period(input, lot.endDate ?? input.endDate)
	};
}

function contract(input: OcdsContractInput, lot: OcdsLotInput) {
	return {
		id: `contract-${lot.id}`,
		awardID: `award-${lot.id}`,
		title: lot.title,
		status: CONTRACT_STATUS[input.status],
		period: period(input, lot.endDate ?? input.endDate),
		value: money(lot.valueCents)
	};
}

/**
 * A relaunch names the framework it follows with relationship 'prior' (relatedProcess codelist:
 * the related process is a contracting process that concluded related contracts). The codelist
 * has no code for a following process, so the predecessor does not list its successor.
 */
function relatedProcesses(input: OcdsContractInput) {
	if (!input.predecessorOcid) return [];
	return [
		{
			id: 'predecessor',
			relationship: ['prior'],
			scheme: 'ocid',
			identifier: input.predecessorOcid
		}
	];
}
