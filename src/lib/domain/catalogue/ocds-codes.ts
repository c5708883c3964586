/**
 * Our codes on the OCDS 1.1.5 codelists (closed ones checked by the schema: tenderStatus,
 * releaseTag, contractStatus, method; documentType is open).
 */
import type { DocumentKind, Procedure } from './labels';
import type { ContractStatus } from './types';

/** Tender status (closed codelist): the procedure is complete once awarded. */
export const TENDER_STATUS: Record<ContractStatus, string> = {
	planned: 'planned',
	tendering: 'active',
	awarded: 'complete',
	active: 'complete',
	expiring: 'complete',
	ended: 'complete',
	cancelled: 'cancelled'
};

export const TAG: Record<ContractStatus, string> = {
	planned: 'planning',
	tendering: 'tender',
	awarded: 'award',
	active: 'contract',
	expiring: 'contract',
	ended: 'contractTermination',
	cancelled: 'tenderCancellation'
};

/** Contract status per lot (closed contractStatus codelist): not in force until activated. */
export const CONTRACT_STATUS: Partial<Record<ContractStatus, string>> = {
	awarded: 'pending',
	active: 'active',
	expiring: 'active',
	ended: 'terminated'
};

/** Law of 17 June 2016 procedures on the closed method codelist (open, selective, limited). */
export const METHOD: Record<Procedure, string> = {
	ouverte: 'open',
	'negociee-directe-avec-publication': 'open',
	'concurrentielle-avec-negociation': 'selective',
	'dialogue-competitif': 'selective',
	'negociee-sans-publication': 'limited',
	'faible-montant': 'limited'
};

export const DOCUMENT_TYPE: Partial<Record<DocumentKind, string>> = {
	'cahier-des-charges': 'biddingDocuments',
	'convention-adhesion': 'contractAnnexe',
	'fiche-technique': 'technicalSpecifications',
	'bordereau-prix': 'billOfQuantity'
};
