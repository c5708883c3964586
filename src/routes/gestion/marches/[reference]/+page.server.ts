import { error, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { ceilingCheck } from '$lib/domain/catalogue/ceiling';
import { isCalendarDate } from '$lib/domain/catalogue/dates';
import { isDocumentKind } from '$lib/domain/catalogue/labels';
import { allowedTransitions } from '$lib/domain/catalogue/lifecycle';
import { canRelaunch } from '$lib/domain/catalogue/relaunch';
import {
	BUDGET_NATURES,
	RECURRENCES,
	isContractStatus,
	isModule,
	isVatRate
} from '$lib/domain/catalogue/types';
import { can } from '$lib/domain/permissions';
import { ensure, requireUser } from '$lib/server/auth/guard';
import {
	contractSchema,
	optionalEuros,
	toContractFields
} from '$lib/server/catalogue/contract-form';
import {
	committedCents,
	contractDocumentList,
	contractHistory,
	contractLots,
	findContract,
	lifecycleSnapshot,
	relatedContracts
} from '$lib/server/catalogue/contract';
import {
	deleteDocument,
	setDocumentVisibility,
	uploadDocument
} from '$lib/server/catalogue/documents';
import { saveContract, startRelaunch, transitionContract } from '$lib/server/catalogue/manage';
import { contractOrders } from '$lib/server/catalogue/orders';
import {
	addPriceItem,
	deletePriceItem,
	updatePriceItem,
	type PriceItemInput
} from '$lib/server/catalogue/price-items';
import {
	addLot,
	addSupplier,
	contractCommunes,
	deleteLot,
	listSuppliers,
	updateLot
} from '$lib/server/catalogue/structure';
import { brusselsToday } from '$lib/server/catalogue/today';
import { fields, invalid, parseForm } from '$lib/server/forms';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

function managed(event: RequestEvent | Parameters<PageServerLoad>[0]) {
	const user = requireUser(event);
	const contract = findContract(event.params.reference);
	if (!contract) error(404, 'Ce marché est introuvable.');
	const ref = {
		centraleId: contract.centraleId,
		ledByIntercommunale: contract.centraleKind === 'intercommunale'
	};
	ensure(can(user, 'contract.edit', ref));
	return { user, contract, ref };
}

export const load: PageServerLoad = (event) => {
	const { contract } = managed(event);
	const today = brusselsToday();
	const lots = contractLots(contract.id);
	const snapshot = lifecycleSnapshot(contract, lots);
	return {
		contract,
		lots,
		suppliers: listSuppliers(),
		documents: contractDocumentList(contract.id),
		transitions: allowedTransitions(snapshot, today),
		relaunch: canRelaunch(snapshot, today),
		related: relatedContracts(contract),
		communes: contractCommunes(contract.id),
		// a relaunch lists who used the contract it replaces: they are invited to declare interest
		previousAdherents: contract.predecessorId
			? contractCommunes(contract.predecessorId).adhesions.filter((a) => !a.withdrawnAt)
			: [],
		orders: contractOrders(contract.id),
		ceiling: ceilingCheck(contract.maxValueCents, committedCents(contract.id), 0),
		history: contractHistory(contract.id)
	};
};

const optionalDate = z
	.string()
	.optional()
	.transform((v) => v || null)
	.refine((v) => v === null || isCalendarDate(v), 'Indiquez une date valide.');
const optionalId = z
	.string()
	.optional()
	.transform((v) => (v ? Number(v) : null))
	.refine((v) => v === null || Number.isSafeInteger(v), 'Choix invalide.');

const priceFields = {
	label: fields.requiredText('l’intitulé du poste', 200),
	unit: fields.requiredText('l’unité', 40),
	// empty: « prix à fixer », the item is shown but cannot be ordered yet
	unitPrice: optionalEuros(
		'Indiquez un prix en euros, par exemple 780,00, ou laissez vide : prix à fixer.'
	),
	vatRate: z.coerce.number().refine(isVatRate, 'Choisissez un taux de TVA.'),
	recurrence: z.enum(RECURRENCES, { error: 'Choisissez une périodicité.' }),
	budgetNature: z.enum(BUDGET_NATURES, { error: 'Choisissez le service du budget.' }),
	suggestedArticle: z.string().trim().max(40).optional(),
	module: z.string().optional()
};
const priceSchema = z.object({ lotId: fields.id, ...priceFields });
const priceEditSchema = z.object({ itemId: fields.id, ...priceFields });

function toPriceItem(d: Omit<z.infer<typeof priceSchema>, 'lotId'>): Omit<PriceItemInput, 'lotId'> {
	return {
		label: d.label,
		unit: d.unit,
		unitPriceCents: d.unitPrice,
		vatRate: isVatRate(d.vatRate) ? d.vatRate : 21,
		recurrence: d.recurrence,
		budgetNature: d.budgetNature,
		suggestedArticle: d.suggestedArticle || null,
		module: isModule(d.module) ? d.module : null
	};
}

/** deletions are confirmed by a checkbox in the same form: works without JavaScript */
const confirmed = z.literal('1', { error: 'Cochez la case pour confirmer la suppression.' });

/** what a successful edit says, next to the part of the page it changed */
const done = (action: string, message: string) => ({ ok: true as const, done: action, message });

export const actions: Actions = {
	enregistrer: async (event) => {
		const { user, contract } = managed(event);
		const form = await event.request.formData();
		const parsed = parseForm(contractSchema, form);
		const version = Number(form.get('version'));
		if (!parsed.ok) return invalid(400, parsed.errors, parsed.fields, { action: 'enregistrer' });
		const outcome = saveContract(contract, version, toContractFields(parsed.data), user.id);
		if (!outcome.ok)
			return invalid(409, { form: outcome.message }, parsed.data as never, {
				action: 'enregistrer'
			});
		redirect(303, `/gestion/marches/${contract.reference}?enregistre=1`);
	},
	statut: async (event) => {
		const { user, contract, ref } = managed(event);
		ensure(can(user, 'contract.transition', ref));
		const form = await event.request.formData();
		const to = form.get('to');
		const note =
			String(form.get('note') ?? '')
				.trim()
				.slice(0, 500) || null;
		if (!isContractStatus(to))
			return invalid(400, { form: 'Statut inconnu.' }, {}, { action: 'statut' });
		const outcome = transitionContract(contract, to, note, user.id, brusselsToday());
		if (!outcome.ok) return invalid(409, { form: outcome.message }, {}, { action: 'statut' });
		redirect(303, `/gestion/marches/${contract.reference}?statut=1`);
	},
	fournisseur: async (event) => {
		const { user } = managed(event);
		const parsed = parseForm(
			z.object({
				name: fields.requiredText('le nom de l’adjudicataire', 200),
				vatNumber: fields.requiredText('le numéro de TVA', 20)
			}),
			await event.request.formData()
		);
		if (!parsed.ok) return invalid(400, parsed.errors, parsed.fields, { action: 'fournisseur' });
		const outcome = addSupplier(parsed.data.name, parsed.data.vatNumber, user.id);
		if (!outcome.ok)
			return invalid(409, { vatNumber: outcome.message }, parsed.data, { action: 'fournisseur' });
		return done('fournisseur', `Adjudicataire « ${parsed.data.name} » ajouté.`);
	},
	lot: async (event) => {
		const { user, contract } = managed(event);
		const parsed = parseForm(
			z.object({
				title: fields.requiredText('l’intitulé du lot', 200),
				supplierId: optionalId,
				endDate: optionalDate
			}),
			await event.request.formData()
		);
		if (!parsed.ok) return invalid(400, parsed.errors, parsed.fields, { action: 'lot' });
		addLot(contract, parsed.data, user.id);
		return done('lot', `Lot « ${parsed.data.title} » ajouté.`);
	},
	lotMaj: async (event) => {
		const { user, contract } = managed(event);
		const parsed = parseForm(
			z.object({ lotId: fields.id, supplierId: optionalId, endDate: optionalDate }),
			await event.request.formData()
		);
		if (!parsed.ok) return invalid(400, parsed.errors, parsed.fields, { action: 'lotMaj' });
		const outcome = updateLot(contract, parsed.data.lotId, parsed.data, user.id);
		if (!outcome.ok) return invalid(404, { form: outcome.message }, {}, { action: 'lotMaj' });
		return done('lotMaj', 'Lot mis à jour.');
	},
	poste: async (event) => {
		const { user, contract } = managed(event);
		const parsed = parseForm(priceSchema, await event.request.formData());
		if (!parsed.ok) return invalid(400, parsed.errors, parsed.fields, { action: 'poste' });
		const outcome = addPriceItem(
			contract,
			{ lotId: parsed.data.lotId, ...toPriceItem(parsed.data) },
			user.id
		);
		if (!outcome.ok) return invalid(409, { form: outcome.message }, {}, { action: 'poste' });
		return done('poste', `Poste « ${parsed.data.label} » ajouté au bordereau.`);
	},
	posteMaj: async (event) => {
		const { user, contract } = managed(event);
		const parsed = parseForm(priceEditSchema, await event.request.formData());
		if (!parsed.ok) return invalid(400, parsed.errors, parsed.fields, { action: 'posteMaj' });
		const outcome = updatePriceItem(
			contract,
			parsed.data.itemId,
			toPriceItem(parsed.data),
			user.id
		);
		if (!outcome.ok)
			return invalid(
				404,
				{ form: outcome.message },
				{ itemId: parsed.data.itemId },
				{ action: 'posteMaj' }
			);
		return done(
			'posteMaj',
			`Poste « ${parsed.data.label} » modifié. Les commandes déjà passées gardent leur prix.`
		);
	},
	posteSuppr: async (event) => {
		const { user, contract } = managed(event);
		const parsed = parseForm(
			z.object({ itemId: fields.id, confirm: confirmed }),
			await event.request.formData()
		);
		if (!parsed.ok) return invalid(400, parsed.errors, parsed.fields, { action: 'posteSuppr' });
		const outcome = deletePriceItem(contract, parsed.data.itemId, user.id);
		if (!outcome.ok)
			return invalid(409, { form: outcome.message }, parsed.data, { action: 'posteSuppr' });
		return done('posteSuppr', `Poste « ${outcome.value} » supprimé du bordereau.`);
	},
	lotSuppr: async (event) => {
		const { user, contract } = managed(event);
		const parsed = parseForm(
			z.object({ lotId: fields.id, confirm: confirmed }),
			await event.request.formData()
		);
		if (!parsed.ok) return invalid(400, parsed.errors, parsed.fields, { action: 'lotSuppr' });
		const outcome = deleteLot(contract, parsed.data.lotId, user.id);
		if (!outcome.ok)
			return invalid(409, { form: outcome.message }, parsed.data, { action: 'lotSuppr' });
		return done('lotSuppr', `${outcome.value} supprimé, avec ses postes.`);
	},
	document: async (event) => {
		const { user, contract } = managed(event);
		const form = await event.request.formData();
		const file = form.get('file');
		const kind = String(form.get('kind') ?? '');
		const title = String(form.get('title') ?? '')
			.trim()
			.slice(0, 200);
		const errors: Record<string, string> = {};
		if (!(file instanceof File) || file.size === 0) errors.file = 'Choisissez un fichier.';
		if (!isDocumentKind(kind)) errors.kind = 'Choisissez le type de document.';
		if (!title) errors.title = 'Indiquez le titre du document.';
		if (Object.keys(errors).length)
			return invalid(400, errors, { title, kind }, { action: 'document' });
		const outcome = await uploadDocument(
			contract,
			{ kind, title, isPublic: form.get('isPublic') === '1', file: file as File },
			user.id
		);
		if (!outcome.ok)
			return invalid(400, { file: outcome.message }, { title, kind }, { action: 'document' });
		return done('document', `Document « ${title} » déposé.`);
	},
	documentSuppr: async (event) => {
		const { user, contract } = managed(event);
		const parsed = parseForm(
			z.object({ documentId: fields.id, confirm: confirmed }),
			await event.request.formData()
		);
		if (!parsed.ok) return invalid(400, parsed.errors, parsed.fields, { action: 'documentSuppr' });
		const outcome = deleteDocument(contract, parsed.data.documentId, user.id);
		if (!outcome.ok)
			return invalid(404, { form: outcome.message }, parsed.data, { action: 'documentSuppr' });
		return done('documentSuppr', `Document « ${outcome.value.title} » supprimé.`);
	},
	documentVisibilite: async (event) => {
		const { user, contract } = managed(event);
		const parsed = parseForm(
			z.object({
				documentId: fields.id,
				isPublic: z.enum(['0', '1'], { error: 'Choisissez qui peut voir le document.' })
			}),
			await event.request.formData()
		);
		if (!parsed.ok)
			return invalid(400, parsed.errors, parsed.fields, { action: 'documentVisibilite' });
		const isPublic = parsed.data.isPublic === '1';
		const outcome = setDocumentVisibility(contract, parsed.data.documentId, isPublic, user.id);
		if (!outcome.ok)
			return invalid(404, { form: outcome.message }, parsed.data, {
				action: 'documentVisibilite'
			});
		return done(
			'documentVisibilite',
			`Document « ${outcome.value} » : ${isPublic ? 'public, visible par tous' : 'réservé aux membres'}.`
		);
	},
	relancer: async (event) => {
		const { user, contract, ref } = managed(event);
		ensure(can(user, 'contract.relaunch', ref));
		const outcome = startRelaunch(contract, user.id, brusselsToday());
		if (!outcome.ok) return invalid(409, { form: outcome.message }, {}, { action: 'relancer' });
		redirect(303, `/gestion/marches/${outcome.value.reference}?relance=${contract.reference}`);
	}
};
