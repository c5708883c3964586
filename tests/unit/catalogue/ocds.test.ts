import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { releasePackageHeader, toOcdsRelease } from '$lib/domain/catalogue/ocds';
import type {
	OcdsContractInput,
	OcdsPackageOptions,
	OcdsRelease
} from '$lib/domain/catalogue/ocds';
import { CONTRACT_STATUSES } from '$lib/domain/catalogue/types';

// the OCDS 1.1.5 schemas are vendored with their licence: a bare clone validates on its own
const schemaDir = path.resolve(
	path.dirname(fileURLToPath(import.meta.url)),
	'..',
	'..',
	'fixtures',
	'ocds-1.1.5'
);
const readSchema = (name: string) => JSON.parse(readFileSync(path.join(schemaDir, name), 'utf8'));

const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
for (const keyword of [
	'codelist',
	'openCodelist',
	'deprecated',
	'omitWhenMerged',
	'wholeListMerge',
	'versionId'
]) {
	if (!ajv.getKeyword(keyword)) ajv.addKeyword(keyword);
}
const releaseSchema = readSchema('release-schema.json');
ajv.addSchema(releaseSchema, releaseSchema.id);
const validateRelease = ajv.compile(releaseSchema);
const validatePackage = ajv.compile(readSchema('release-package-schema.json'));

const OPTIONS: OcdsPackageOptions = {
	ocidPrefix: 'ocds-test01',
	baseUrl: 'https://centrale.example.be',
	packageUri: 'https://centrale.example.be/api/v1/ocds/release-package.json',
	publisher: { name: 'Centrale — IDEA, IDETA, IGRETEC' },
	publishedAt: Date.UTC(2026, 10, 25, 12),
	license: 'https://creativecommons.org/licenses/by/4.0/'
};

function contract(overrides: Partial<OcdsContractInput> = {}): OcdsContractInput {
	return {
		id: 7,
		reference: 'IDEA-2026-004',
		title: 'Audit de cybersécurité et sensibilisation',
		description: 'Audit des communes et sessions de sensibilisation.',
		status: 'active',
		procedure: 'ouverte',
		mainProcurementCategory: 'services',
		updatedAt: Date.UTC(2026, 9, 1, 8, 30),
		interestDeadline: '2025-12-15',
		tenderCloseDate: '2026-02-01',
		awardDate: '2026-04-01',
		startDate: '2026-05-01',
		endDate: '2028-04-30',
		maxEndDate: '2030-04-30',
		estimatedValueCents: 45_000_000,
		maxValueCents: 60_000_000,
		leadCentrale: { id: 2, name: 'IDEA' },
		lots: [
			{
				id: 11,
				title: 'Lot 1 — Audit',
				supplier: { id: 3, name: 'Sécurité Fictive SA', vatNumber: 'BE0999000101' },
				endDate: null,
				valueCents: 40_000_000
			},
			{
				id: 12,
				title: 'Lot 2 — Sensibilisation',
				supplier: { id: 4, name: 'Formations Imaginaires SRL', vatNumber: null },
				endDate: '2027-12-31',
				valueCents: 20_000_000
			},
			{
				id: 13,
				title: 'Lot 3 — Tests d’intrusion',
				supplier: { id: 3, name: 'Sécurité Fictive SA', vatNumber: 'BE 0999.000.101' },
				endDate: null,
				valueCents: null
			}
		],
		documents: [
			{
				id: 1,
				kind: 'cahier-des-charges',
				title: 'Cahier spécial des charges',
				url: '/documents/1/csc.pdf',
				public: true
			},
			{
				id: 2,
				kind: 'bordereau-prix',
				title: 'Bordereau de prix',
				url: '/documents/2/prix.xlsx',
				public: false
			},
			{
				id: 3,
				kind: 'modele-deliberation',
				title: 'Modèle de délibération',
				url: 'https://centrale.example.be/documents/3',
				public: true
			}
		],
		predecessorOcid: null,
		successorOcid: null,
		cpvCodes: ['72000000-5', '80533100'],
		...overrides
	};
}

/** Every status, with and without lots, suppliers, values, dates, procedure and relaunch links. */
const VARIANTS: OcdsContractInput[] = [
	...CONTRACT_STATUSES.map((status, i) =>
		contract({ status, id: i, reference: `IDEA-2026-1${i}` })
	),
	contract({
		status: 'planned',
		reference: 'IGRETEC-2027-001',
		lots: [],
		documents: [],
		cpvCodes: [],
		procedure: null,
		description: null,
		interestDeadline: null,
		tenderCloseDate: null,
		awardDate: null,
		startDate: null,
		endDate: null,
		maxEndDate: null,
		estimatedValueCents: null,
		maxValueCents: null
	}),
	contract({
		status: 'tendering',
		reference: 'IDETA-2026-009',
		lots: [{ id: 1, title: 'Lot unique', supplier: null, endDate: null, valueCents: null }],
		procedure: 'negociee-sans-publication',
		mainProcurementCategory: 'goods'
	}),
	contract({
		status: 'expiring',
		reference: 'IDEA-2022-001',
		successorOcid: 'ocds-test01-IDEA-2026-020'
	}),
	contract({
		status: 'tendering',
		reference: 'IDEA-2026-020',
		predecessorOcid: 'ocds-test01-IDEA-2022-001'
	}),
	contract({ status: 'cancelled', reference: 'IDEA-2026-021', procedure: 'dialogue-competitif' })
];

function errorsOf(validate: typeof validateRelease, data: unknown): string {
	return validate(data) ? '' : ajv.errorsText(validate.errors, { separator: '\n' });
}

describe('OCDS 1.1.5 release package', () => {
	it('validates every variant as a release', () => {
		for (const input of VARIANTS) {
			expect(errorsOf(validateRelease, toOcdsRelease(input, OPTIONS)), input.reference).toBe('');
		}
	});

	it('validates a package of all of them, header and streamed releases alike', () => {
		const releases = VARIANTS.map((input) => toOcdsRelease(input, OPTIONS));
		const pkg = { ...releasePackageHeader(OPTIONS), releases };
		expect(errorsOf(validatePackage, pkg)).toBe('');
		expect(new Set(releases.map((r) => r.ocid)).size).toBe(releases.length);
		expect(JSON.parse(JSON.stringify(pkg))).toEqual(pkg);
	});

	it.each([
		[
			'a wrong tender status',
			(r: OcdsRelease) => ((r.tender as Record<string, unknown>).status = 'awarded')
		],
		['a missing ocid', (r: OcdsRelease) => delete (r as Partial<OcdsRelease>).ocid],
		['an unknown tag', (r: OcdsRelease) => (r.tag = ['expiring'])],
		[
			'an amount as a string',
			(r: OcdsRelease) => ((r.tender as { value: { amount: unknown } }).value.amount = '600000.00')
		],
		[
			'a bare calendar date',
			(r: OcdsRelease) =>
				((r.contracts as { period: { endDate: string } }[])[0].period.endDate = '2028-04-30')
		],
		[
			'a relative document URL',
			(r: OcdsRelease) =>
				((r.tender as { documents: { url: string }[] }).documents[0].url = '/documents/1/csc.pdf')
		],
		['an award without id', (r: OcdsRelease) => delete (r.awards as { id?: string }[])[0].id]
	])('rejects a release with %s (the validator is not lenient)', (_name, breakIt) => {
		const release = structuredClone(toOcdsRelease(contract(), OPTIONS));
		breakIt(release);
		expect(validateRelease(release)).toBe(false);
	});

	it('rejects a package without releases or publisher', () => {
		expect(validatePackage({ ...releasePackageHeader(OPTIONS), releases: [] })).toBe(false);
		const { publisher: _publisher, ...header } = releasePackageHeader(OPTIONS);
		expect(validatePackage({ ...header, releases: [toOcdsRelease(contract(), OPTIONS)] })).toBe(
			false
		);
	});
});

type Loose = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('OCDS mapping', () => {
	const release = toOcdsRelease(contract(), OPTIONS) as Loose;

	it('identifies the process and the release', () => {
		expect(release.ocid).toBe('ocds-test01-IDEA-2026-004');
		expect(release.id).toBe(`ocds-test01-IDEA-2026-004-active-${Date.UTC(2026, 9, 1, 8, 30)}`);
		expect(release.date).toBe('2026-10-01T08:30:00.000Z');
		expect(release.initiationType).toBe('tender');
		expect(release.language).toBe('fr');
	});

	it('describes a framework agreement with its lots, CPV items and public documents', () => {
		const { tender } = release;
		expect(tender.techniques).toEqual({ hasFrameworkAgreement: true });
		expect(tender.lots.map((lot: Loose) => lot.id)).toEqual(['11', '12', '13']);
		expect(tender.lots[1].contractPeriod.endDate).toBe('2027-12-31T23:59:59+01:00');
		expect(tender.lots[2].value).toBeUndefined();
		expect(tender.items.map((item: Loose) => item.classification)).toEqual([
			{ scheme: 'CPV', id: '72000000' },
			{ scheme: 'CPV', id: '80533100' }
		]);
		expect(tender.value).toEqual({ amount: 600_000, currency: 'EUR' });
		expect(tender.procurementMethod).toBe('open');
		expect(tender.procurementMethodDetails).toBe('Procédure ouverte');
		expect(tender.contractPeriod).toEqual({
			startDate: '2026-05-01T00:00:00+02:00',
			endDate: '2028-04-30T23:59:59+02:00',
			maxExtentDate: '2030-04-30T23:59:59+02:00'
		});
		expect(tender.documents).toEqual([
			{
				id: '1',
				documentType: 'biddingDocuments',
				title: 'Cahier spécial des charges',
				url: 'https://centrale.example.be/documents/1/csc.pdf',
				language: 'fr'
			},
			{
				id: '3',
				title: 'Modèle de délibération',
				url: 'https://centrale.example.be/documents/3',
				language: 'fr'
			}
		]);
		expect(release.planning.budget.amount).toEqual({ amount: 450_000, currency: 'EUR' });
		expect(release.planning.milestones[0].dueDate).toBe('2025-12-15T23:59:59+01:00');
	});

	it('awards each lot to its supplier, with one contract per award', () => {
		expect(
			release.awards.map((a: Loose) => [a.id, a.relatedLots, a.suppliers[0].id, a.status])
		).toEqual([
			['award-11', ['11'], 'supplier-3', 'active'],
			['award-12', ['12'], 'supplier-4', 'active'],
			['award-13', ['13'], 'supplier-3', 'active']
		]);
		expect(release.awards[0].value).toEqual({ amount: 400_000, currency: 'EUR' });
		expect(
			release.contracts.map((c: Loose) => [c.id, c.awardID, c.status, c.period.endDate])
		).toEqual([
			['contract-11', 'award-11', 'active', '2028-04-30T23:59:59+02:00'],
			['contract-12', 'award-12', 'active', '2027-12-31T23:59:59+01:00'],
			['contract-13', 'award-13', 'active', '2028-04-30T23:59:59+02:00']
		]);
		expect(release.contracts[0].period.maxExtentDate).toBe('2030-04-30T23:59:59+02:00');
	});

	it('lists the centrale as buyer and procuring entity, each supplier once', () => {
		expect(release.buyer).toEqual({ id: 'centrale-2', name: 'IDEA' });
		expect(release.tender.procuringEntity).toEqual(release.buyer);
		expect(release.parties).toEqual([
			{ id: 'centrale-2', name: 'IDEA', roles: ['buyer', 'procuringEntity'] },
			{
				id: 'supplier-3',
				name: 'Sécurité Fictive SA',
				identifier: { scheme: 'BE-BCE_KBO', id: '0999000101', legalName: 'Sécurité Fictive SA' },
				roles: ['supplier']
			},
			{ id: 'supplier-4', name: 'Formations Imaginaires SRL', roles: ['supplier'] }
		]);
	});

	it.each([
		['planned', 'planned', 'planning', 0, undefined],
		['tendering', 'active', 'tender', 0, undefined],
		['awarded', 'complete', 'award', 3, 'pending'],
		['active', 'complete', 'contract', 3, 'active'],
		['expiring', 'complete', 'contract', 3, 'active'],
		['ended', 'complete', 'contractTermination', 3, 'terminated'],
		['cancelled', 'cancelled', 'tenderCancellation', 0, undefined]
	] as const)(
		'maps %s to tender %s, tag %s, %i awards, contracts %s',
		(status, tenderStatus, tag, awards, contractStatus) => {
			const r = toOcdsRelease(contract({ status }), OPTIONS) as Loose;
			expect(r.tender.status).toBe(tenderStatus);
			expect(r.tag).toEqual([tag]);
			expect(r.awards?.length ?? 0).toBe(awards);
			expect(r.contracts?.[0]?.status).toBe(contractStatus);
		}
	);

	it('links a relaunch to the framework it follows', () => {
		const successor = toOcdsRelease(
			contract({ status: 'tendering', predecessorOcid: 'ocds-test01-IDEA-2022-001' }),
			OPTIONS
		) as Loose;
		expect(successor.relatedProcesses).toEqual([
			{
				id: 'predecessor',
				relationship: ['prior'],
				scheme: 'ocid',
				identifier: 'ocds-test01-IDEA-2022-001'
			}
		]);
		expect(release.relatedProcesses).toBeUndefined();
	});

	it('omits what is unknown rather than publishing nulls or empty lists', () => {
		const bare = toOcdsRelease(VARIANTS[CONTRACT_STATUSES.length], OPTIONS) as Loose;
		expect(Object.keys(bare).sort()).toEqual([
			'buyer',
			'date',
			'id',
			'initiationType',
			'language',
			'ocid',
			'parties',
			'tag',
			'tender'
		]);
		expect(JSON.stringify(bare)).not.toMatch(/null|\[\]|\{\}/);
	});

	it('builds the package header', () => {
		expect(releasePackageHeader(OPTIONS)).toEqual({
			uri: OPTIONS.packageUri,
			version: '1.1',
			extensions: expect.arrayContaining([expect.stringContaining('ocds_lots_extension')]),
			publishedDate: '2026-11-25T12:00:00.000Z',
			publisher: OPTIONS.publisher,
			license: OPTIONS.license
		});
	});
});
