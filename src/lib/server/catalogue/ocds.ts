/**
 * The OCDS release package of the whole catalogue, STREAMED: the header, then each release as its
 * contract is read from SQLite in pages of PAGE_SIZE (keyset pagination), so memory stays flat
 * whatever the number of contracts. The mapping itself is domain/catalogue/ocds.
 */
import { effectiveStatus } from '../../domain/catalogue/lifecycle';
import { isDocumentKind, isProcedure } from '../../domain/catalogue/labels';
import {
	ocidOf,
	releasePackageHeader,
	toOcdsRelease,
	type OcdsContractInput,
	type OcdsLotInput
} from '../../domain/catalogue/ocds';
import type { ContractStatus } from '../../domain/catalogue/types';
import { getDb } from '../db/client';

const PAGE_SIZE = 200;

export function ocdsOptions(origin: string) {
	return {
		ocidPrefix: process.env.OCDS_OCID_PREFIX || 'ocds-centrale',
		baseUrl: origin
	};
}

interface Row {
	id: number;
	reference: string;
	title: string;
	description: string;
	theme: string;
	status: ContractStatus;
	procedure: string;
	updatedAt: number;
	interestDeadline: string | null;
	tenderCloseDate: string | null;
	awardDate: string | null;
	startDate: string | null;
	endDate: string | null;
	maxEndDate: string | null;
	estimatedValueCents: number | null;
	maxValueCents: number | null;
	centraleId: number;
	centraleName: string;
	cpvCodes: string;
	predecessorReference: string | null;
}

function statements() {
	const sqlite = getDb().$client;
	return {
		page: sqlite.prepare(
			`select c.id, c.reference, c.title, c.description, c.theme, c.status, c.procedure,
			 c.updated_at as updatedAt, c.interest_deadline as interestDeadline,
			 c.tender_close_date as tenderCloseDate, c.award_date as awardDate, c.start_date as startDate,
			 c.end_date as endDate, c.max_end_date as maxEndDate,
			 c.estimated_value_cents as estimatedValueCents, c.max_value_cents as maxValueCents,
			 c.centrale_id as centraleId, o.name as centraleName, c.cpv_codes as cpvCodes,
			 p.reference as predecessorReference
			 from contracts c join organisations o on o.id = c.centrale_id
			 left join contracts p on p.id = c.predecessor_id
			 where c.id > ? order by c.id limit ?`
		),
		lots: sqlite.prepare(
			`select l.contract_id as contractId, l.id, l.title, l.end_date as endDate, s.id as supplierId,
			 s.name as supplierName, s.vat_number as vatNumber
			 from lots l left join suppliers s on s.id = l.supplier_id
			 where l.contract_id between ? and ? order by l.contract_id, l.number`
		),
		documents: sqlite.prepare(
			`select d.contract_id as contractId, d.id, d.kind, d.title
			 from contract_documents d where d.is_public = 1 and d.contract_id between ? and ? order by d.id`
		)
	};
}

type Stmts = ReturnType<typeof statements>;

/** One page of releases after `afterId`; empty when done. */
function releasePage(s: Stmts, afterId: number, today: string, origin: string) {
	const rows = s.page.all(afterId, PAGE_SIZE) as Row[];
	if (!rows.length) return { releases: [], lastId: afterId };
	const first = rows[0].id;
	const last = rows[rows.length - 1].id;
	const lots = s.lots.all(first, last) as {
		contractId: number;
		id: number;
		title: string;
		endDate: string | null;
		supplierId: number | null;
		supplierName: string | null;
		vatNumber: string | null;
	}[];
	const docs = s.documents.all(first, last) as {
		contractId: number;
		id: number;
		kind: string;
		title: string;
	}[];
	const opts = ocdsOptions(origin);
	const releases = rows.map((row) => {
		const ownLots: OcdsLotInput[] = lots
			.filter((l) => l.contractId === row.id)
			.map((l) => ({
				id: l.id,
				title: l.title,
				endDate: l.endDate,
				valueCents: null,
				supplier:
					l.supplierId === null
						? null
						: { id: l.supplierId, name: l.supplierName!, vatNumber: l.vatNumber }
			}));
		const input: OcdsContractInput = {
			id: row.id,
			reference: row.reference,
			title: row.title,
			description: row.description || null,
			status: effectiveStatus(
				{
					status: row.status,
					lots: [],
					endDate: row.endDate,
					maxEndDate: row.maxEndDate,
					interestDeadline: null,
					tenderCloseDate: null,
					awardDate: null,
					startDate: null,
					hasSuccessor: false
				},
				today
			),
			procedure: isProcedure(row.procedure) ? row.procedure : null,
			mainProcurementCategory: row.theme === 'equipement-informatique' ? 'goods' : 'services',
			updatedAt: row.updatedAt,
			interestDeadline: row.interestDeadline,
			tenderCloseDate: row.tenderCloseDate,
			awardDate: row.awardDate,
			startDate: row.startDate,
			endDate: row.endDate,
			maxEndDate: row.maxEndDate,
			estimatedValueCents: row.estimatedValueCents,
			maxValueCents: row.maxValueCents,
			leadCentrale: { id: row.centraleId, name: row.centraleName },
			lots: ownLots,
			documents: docs
				.filter((d) => d.contractId === row.id && isDocumentKind(d.kind))
				.map((d) => ({
					id: d.id,
					kind: d.kind as OcdsContractInput['documents'][number]['kind'],
					title: d.title,
					url: `/catalogue/${encodeURIComponent(row.reference)}/documents/${d.id}`,
					public: true
				})),
			predecessorOcid: row.predecessorReference
				? ocidOf(row.predecessorReference, opts.ocidPrefix)
				: null,
			cpvCodes: JSON.parse(row.cpvCodes) as string[]
		};
		return toOcdsRelease(input, opts);
	});
	return { releases, lastId: last };
}

/** The release package as a byte stream: `{…header, "releases": [` release, release… `]}`. */
export function ocdsPackageStream(
	origin: string,
	today: string,
	now = new Date()
): ReadableStream<Uint8Array> {
	const encoder = new TextEncoder();
	const header = releasePackageHeader({
		...ocdsOptions(origin),
		packageUri: `${origin}/api/v1/ocds/release-package.json`,
		publisher: { name: 'Centrale — IDEA, IDETA, IGRETEC', uri: origin },
		publishedAt: now.getTime(),
		license: 'https://creativecommons.org/licenses/by/4.0/',
		publicationPolicy: `${origin}/catalogue`
	});
	const s = statements();
	let lastId = 0;
	let first = true;
	let started = false;
	return new ReadableStream<Uint8Array>({
		pull(controller) {
			if (!started) {
				started = true;
				const head = JSON.stringify(header);
				controller.enqueue(encoder.encode(`${head.slice(0, -1)},"releases":[`));
				return;
			}
			const page = releasePage(s, lastId, today, origin);
			if (!page.releases.length) {
				controller.enqueue(encoder.encode(']}\n'));
				controller.close();
				return;
			}
			lastId = page.lastId;
			const chunk = page.releases.map((r) => JSON.stringify(r)).join(',');
			controller.enqueue(encoder.encode((first ? '' : ',') + chunk));
			first = false;
		}
	});
}
