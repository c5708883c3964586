/**
 * Generated documents of a plan: the fiche budgétaire and the model deliberations, filled from
 * an intention with the current template of the contract's centrale (its own version, else the
 * default). Each .docx generation is recorded (who,
 * when, which template version, the values) and can be regenerated identically from the record.
 */
import { and, desc, eq, isNull } from 'drizzle-orm';
import { DOCUMENT_LABELS, type DocumentKind } from '../../domain/plan/documents';
import { BUILT_IN_TEMPLATES, fillTemplate } from '../../domain/plan/templates';
import { getDb } from '../db/client';
import {
	contracts,
	organisations,
	planDocuments,
	planTemplates,
	purchaseIntentions
} from '../db/schema';
import { documentValues } from './document-values';
import { renderDocx, renderHtml } from './docx';
import { listIntentions } from './intentions';
import { planPage } from './plan-page';
import { now as clockNow } from '../clock';

export const DOCUMENT_SLUGS: Record<DocumentKind, string> = {
	budgetSheet: 'fiche-budgetaire',
	councilMembership: 'deliberation-adhesion-centrale',
	collegeInterest: 'deliberation-interet',
	collegeOrder: 'deliberation-commande'
};

export interface TemplateVersion {
	id: number | null;
	version: number;
	body: string;
}

const templateColumns = {
	id: planTemplates.id,
	version: planTemplates.version,
	body: planTemplates.body
};

/**
 * The text a centrale falls back to while it has no version of its own: the latest shared version
 * (saved before templates were per centrale), else the built-in text (version 0).
 */
export function defaultTemplate(kind: DocumentKind): TemplateVersion {
	const row = getDb()
		.select(templateColumns)
		.from(planTemplates)
		.where(and(eq(planTemplates.kind, kind), isNull(planTemplates.centraleId)))
		.orderBy(desc(planTemplates.version))
		.get();
	return row ?? { id: null, version: 0, body: BUILT_IN_TEMPLATES[kind] };
}

/** The latest version of a centrale's template of a kind, else the default one. */
export function currentTemplate(kind: DocumentKind, centraleId: number): TemplateVersion {
	const own = getDb()
		.select(templateColumns)
		.from(planTemplates)
		.where(and(eq(planTemplates.kind, kind), eq(planTemplates.centraleId, centraleId)))
		.orderBy(desc(planTemplates.version))
		.get();
	return own ?? defaultTemplate(kind);
}

function templateById(kind: DocumentKind, id: number | null): TemplateVersion {
	if (id === null) return { id: null, version: 0, body: BUILT_IN_TEMPLATES[kind] };
	const row = getDb()
		.select({ id: planTemplates.id, version: planTemplates.version, body: planTemplates.body })
		.from(planTemplates)
		.where(and(eq(planTemplates.id, id), eq(planTemplates.kind, kind)))
		.get();
	if (!row) throw new Error(`template ${id} of ${kind} is missing`);
	return row;
}

/** The values of one of the commune's intentions, or null when it is not the commune's. */
function valuesFor(organisationId: number, intentionId: number, today: string) {
	const org = getDb()
		.select({ name: organisations.name, nisCode: organisations.nisCode, slug: organisations.slug })
		.from(organisations)
		.where(eq(organisations.id, organisationId))
		.get();
	const row = listIntentions({ organisationId }).find((i) => i.id === intentionId);
	if (!org || !row) return null;
	const planned = planPage({ id: organisationId, name: org.name }, today).intentions.find(
		(i) => i.id === intentionId
	)!;
	const { centraleId } = getDb()
		.select({ centraleId: contracts.centraleId })
		.from(contracts)
		.where(eq(contracts.id, row.contractId))
		.get()!;
	return {
		// documents are written with the template of the contract's centrale
		centraleId,
		values: documentValues(org, row, planned, today),
		slug: org.slug,
		reference: planned.contract.reference
	};
}

export interface GeneratedFile {
	buffer: Buffer;
	filename: string;
	documentId: number;
}

const filename = (kind: DocumentKind, reference: string, slug: string) =>
	`${DOCUMENT_SLUGS[kind]}-${reference}-${slug}.docx`;

export async function generateDocument(
	organisationId: number,
	intentionId: number,
	kind: DocumentKind,
	actorId: number,
	today: string,
	now = clockNow()
): Promise<GeneratedFile | null> {
	const found = valuesFor(organisationId, intentionId, today);
	if (!found) return null;
	const template = currentTemplate(kind, found.centraleId);
	const buffer = await renderDocx(fillTemplate(template.body, found.values), DOCUMENT_LABELS[kind]);
	const { id } = getDb()
		.insert(planDocuments)
		.values({
			intentionId,
			kind,
			templateId: template.id,
			templateVersion: template.version,
			values: found.values,
			generatedBy: actorId,
			generatedAt: now
		})
		.returning({ id: planDocuments.id })
		.get();
	return { buffer, filename: filename(kind, found.reference, found.slug), documentId: id };
}

/** A recorded generation of the commune's again: same template version, same values, same text. */
export async function regenerateDocument(organisationId: number, documentId: number) {
	const row = getDb()
		.select({ doc: planDocuments, slug: organisations.slug })
		.from(planDocuments)
		.innerJoin(purchaseIntentions, eq(purchaseIntentions.id, planDocuments.intentionId))
		.innerJoin(organisations, eq(organisations.id, purchaseIntentions.organisationId))
		.where(
			and(eq(planDocuments.id, documentId), eq(purchaseIntentions.organisationId, organisationId))
		)
		.get();
	if (!row) return null;
	const template = templateById(row.doc.kind, row.doc.templateId);
	const buffer = await renderDocx(
		fillTemplate(template.body, row.doc.values),
		DOCUMENT_LABELS[row.doc.kind]
	);
	return { buffer, filename: filename(row.doc.kind, row.doc.values.marche ?? 'marche', row.slug) };
}

/** The printable view of a document, with the current template. */
export function documentPreview(
	organisationId: number,
	intentionId: number,
	kind: DocumentKind,
	today: string
) {
	const found = valuesFor(organisationId, intentionId, today);
	if (!found) return null;
	const template = currentTemplate(kind, found.centraleId);
	return {
		title: DOCUMENT_LABELS[kind],
		html: renderHtml(fillTemplate(template.body, found.values)),
		templateVersion: template.version
	};
}

/** The generations recorded for the commune's intentions, latest first. */
export function listGeneratedDocuments(organisationId: number) {
	return getDb()
		.select({
			id: planDocuments.id,
			intentionId: planDocuments.intentionId,
			kind: planDocuments.kind,
			templateVersion: planDocuments.templateVersion,
			generatedAt: planDocuments.generatedAt
		})
		.from(planDocuments)
		.innerJoin(purchaseIntentions, eq(purchaseIntentions.id, planDocuments.intentionId))
		.where(eq(purchaseIntentions.organisationId, organisationId))
		.orderBy(desc(planDocuments.id))
		.all();
}
