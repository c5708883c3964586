/**
 * The public JSON of the catalogue (GET /api/v1/contracts…): no prices, no members-only data.
 * Links are the portal's public address (publicUrl), never the Host a request claims.
 */
import { publicUrl } from '../config';
import type { ContractListItem } from './list';
import { contractDocumentList, contractLots, relatedContracts, type ContractRow } from './contract';

export function publicListItem(c: ContractListItem) {
	return {
		id: c.id,
		reference: c.reference,
		title: c.title,
		summary: c.summary,
		theme: c.theme,
		status: c.shownStatus,
		centrale: { id: c.centraleId, name: c.centraleName },
		modules: c.modules,
		startDate: c.startDate,
		endDate: c.endDate,
		maxEndDate: c.maxEndDate,
		interestDeadline: c.interestDeadline,
		sourceUrl: c.sourceUrl,
		successorReference: c.successorReference,
		url: publicUrl(`/catalogue/${encodeURIComponent(c.reference)}`),
		apiUrl: publicUrl(`/api/v1/contracts/${c.id}`)
	};
}

export function publicContract(c: ContractRow, shownStatus: string) {
	const { predecessor, successors } = relatedContracts(c);
	return {
		id: c.id,
		reference: c.reference,
		title: c.title,
		summary: c.summary,
		description: c.description,
		theme: c.theme,
		cpvCodes: c.cpvCodes,
		status: shownStatus,
		procedure: c.procedure,
		centrale: { id: c.centraleId, name: c.centraleName },
		sourceUrl: c.sourceUrl,
		dates: {
			interestDeadline: c.interestDeadline,
			tenderClose: c.tenderCloseDate,
			award: c.awardDate,
			start: c.startDate,
			end: c.endDate,
			maxEnd: c.maxEndDate
		},
		estimatedValueCents: c.estimatedValueCents,
		maxValueCents: c.maxValueCents,
		currency: 'EUR',
		modules: c.modules,
		lots: contractLots(c.id).map((l) => ({
			number: l.number,
			title: l.title,
			supplier: l.supplierName ? { name: l.supplierName, vatNumber: l.supplierVat } : null,
			endDate: l.endDate
		})),
		documents: contractDocumentList(c.id)
			.filter((d) => d.isPublic)
			.map((d) => ({
				kind: d.kind,
				title: d.title,
				mime: d.mime,
				size: d.size,
				url: publicUrl(`/catalogue/${encodeURIComponent(c.reference)}/documents/${d.id}`)
			})),
		predecessorReference: predecessor?.reference ?? null,
		successorReferences: successors.map((s) => s.reference),
		url: publicUrl(`/catalogue/${encodeURIComponent(c.reference)}`)
	};
}
