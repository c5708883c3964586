/**
 * The OCDS release package of the whole catalogue, STREAMED: the header, then each release as its
 * contract is read from SQLite in pages of PAGE_SIZE (keyset pagination), so memory stays flat
 * whatever the number of contracts. The mapping itself is domain/catalogue/ocds.
 */
import { and, asc, between, eq, gt, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { effectiveStatus } from '../../domain/catalogue/lifecycle';
import { isDocumentKind, isProcedure } from '../../domain/catalogue/labels';
import {
	ocidOf,
	releasePackageHeader,
	toOcdsRelease,
	type OcdsContractInput,
	type OcdsLotInput
} from '../../domain/catalogue/ocds';
import { publicOrigin, publicUrl } from '../config';
import { epochMs } from '../db/expressions';
import { preparedQueries } from '../db/prepared';
import { contractDocuments, contracts, lots, organisations, suppliers } from '../db/schema';
import { now as clockNow } from '../clock';

const PAGE_SIZE = 200;

/** links in releases start at the portal's public address, never the Host a request claims */
export function ocdsOptions() {
	return {
		ocidPrefix: process.env.OCDS_OCID_PREFIX || 'ocds-centrale',
		baseUrl: publicOrigin()
	};
}

const predecessor = alias(contracts, 'predecessor');
const first = sql.placeholder('first');
const last = sql.placeholder('last');

const queries = preparedQueries((db) => ({
	page: db
		.select({
			id: contracts.id,
			reference: contracts.reference,
			title: contracts.title,
			description: contracts.description,
			theme: contracts.theme,
			status: contracts.status,
			procedure: contracts.procedure,
			updatedAt: epochMs(contracts.updatedAt),
			interestDeadline: contracts.interestDeadline,
			tenderCloseDate: contracts.tenderCloseDate,
			awardDate: contracts.awardDate,
			startDate: contracts.startDate,
			endDate: contracts.endDate,
			maxEndDate: contracts.maxEndDate,
			estimatedValueCents: contracts.estimatedValueCents,
			maxValueCents: contracts.maxValueCents,
			centraleId: contracts.centraleId,
			centraleName: organisations.name,
			cpvCodes: contracts.cpvCodes,
			predecessorReference: predecessor.reference
		})
		.from(contracts)
		.innerJoin(organisations, eq(organisations.id, contracts.centraleId))
		.leftJoin(predecessor, eq(predecessor.id, contracts.predecessorId))
		.where(gt(contracts.id, sql.placeholder('afterId')))
		.orderBy(asc(contracts.id))
		.limit(PAGE_SIZE)
		.prepare(),
	lots: db
		.select({
			contractId: lots.contractId,
			id: lots.id,
			title: lots.title,
			endDate: lots.endDate,
			supplierId: suppliers.id,
			supplierName: suppliers.name,
			vatNumber: suppliers.vatNumber
		})
		.from(lots)
		.leftJoin(suppliers, eq(suppliers.id, lots.supplierId))
		.where(between(lots.contractId, first, last))
		.orderBy(asc(lots.contractId), asc(lots.number))
		.prepare(),
	documents: db
		.select({
			contractId: contractDocuments.contractId,
			id: contractDocuments.id,
			kind: contractDocuments.kind,
			title: contractDocuments.title
		})
		.from(contractDocuments)
		.where(
			and(eq(contractDocuments.isPublic, true), between(contractDocuments.contractId, first, last))
		)
		.orderBy(asc(contractDocuments.id))
		.prepare()
}));

type Queries = ReturnType<typeof queries>;
type ContractPageRow = ReturnType<Queries['page']['all']>[number];
type LotPageRow = ReturnType<Queries['lots']['all']>[number];
type DocumentPageRow = ReturnType<Queries['documents']['all']>[number];

/** One page of releases after `afterId`; empty when done. */
function releasePage(afterId: number, today: string) {
	const q = queries();
	const rows = q.page.all({ afterId });
	if (!rows.length) return { releases: [], lastId: afterId };
	const range = { first: rows[0].id, last: rows[rows.length - 1].id };
	const lots = q.lots.all(range);
	const docs = q.documents.all(range);
	const opts = ocdsOptions();
	const releases = rows.map((row) =>
		toOcdsRelease(
			releaseInput(
				row,
				lots.filter((l) => l.contractId === row.id),
				docs.filter((d) => d.contractId === row.id),
				today,
				opts.ocidPrefix
			),
			opts
		)
	);
	return { releases, lastId: range.last };
}

/** The mapping's plain-data input, from rows typed by the schema (checked by `satisfies`). */
function releaseInput(
	row: ContractPageRow,
	lots: LotPageRow[],
	docs: DocumentPageRow[],
	today: string,
	ocidPrefix: string
) {
	const { centraleId, centraleName, predecessorReference, theme, ...contract } = row;
	return {
		...contract,
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
		mainProcurementCategory: theme === 'equipement-informatique' ? 'goods' : 'services',
		leadCentrale: { id: centraleId, name: centraleName },
		lots: lots.map((l): OcdsLotInput => ({
			id: l.id,
			title: l.title,
			endDate: l.endDate,
			valueCents: null,
			supplier:
				l.supplierId === null
					? null
					: { id: l.supplierId, name: l.supplierName!, vatNumber: l.vatNumber }
		})),
		documents: docs.flatMap((d) =>
			isDocumentKind(d.kind)
				? [
						{
							id: d.id,
							kind: d.kind,
							title: d.title,
							url: `/catalogue/${encodeURIComponent(row.reference)}/documents/${d.id}`,
							public: true
						}
					]
				: []
		),
		predecessorOcid: predecessorReference ? ocidOf(predecessorReference, ocidPrefix) : null
	} satisfies OcdsContractInput;
}

/** The release package as a byte stream: `{…header, "releases": [` release, release… `]}`. */
export function ocdsPackageStream(today: string, now = clockNow()): ReadableStream<Uint8Array> {
	const encoder = new TextEncoder();
	const header = releasePackageHeader({
		...ocdsOptions(),
		packageUri: publicUrl('/api/v1/ocds/release-package.json'),
		publisher: { name: 'Centrale — IDEA, IDETA, IGRETEC', uri: publicOrigin() },
		publishedAt: now.getTime(),
		license: 'https://creativecommons.org/licenses/by/4.0/',
		publicationPolicy: publicUrl('/catalogue')
	});
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
			const page = releasePage(lastId, today);
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
