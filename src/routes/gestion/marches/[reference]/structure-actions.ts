/** The management page's actions on lots, adjudicataires and price items. */
import { invalid, parseForm } from '$lib/server/forms';
import {
	priceItemDeleteSchema,
	priceItemEditSchema,
	priceItemSchema
} from '$lib/server/catalogue/price-item-form';
import { addPriceItem, deletePriceItem, updatePriceItem } from '$lib/server/catalogue/price-items';
import {
	lotDeleteSchema,
	lotEditSchema,
	lotSchema,
	supplierSchema
} from '$lib/server/catalogue/structure-form';
import { addLot, addSupplier, deleteLot, updateLot } from '$lib/server/catalogue/structure';
import type { Actions } from './$types';
import { done, managed } from './managed';

export const structureActions = {
	fournisseur: async (event) => {
		const { user } = managed(event);
		const parsed = parseForm(supplierSchema, await event.request.formData());
		if (!parsed.ok) return invalid(400, parsed.errors, parsed.fields, { action: 'fournisseur' });
		const outcome = addSupplier(parsed.data.name, parsed.data.vatNumber, user.id);
		if (!outcome.ok)
			return invalid(409, { vatNumber: outcome.message }, parsed.data, { action: 'fournisseur' });
		return done('fournisseur', `Adjudicataire « ${parsed.data.name} » ajouté.`);
	},
	lot: async (event) => {
		const { user, contract } = managed(event);
		const parsed = parseForm(lotSchema, await event.request.formData());
		if (!parsed.ok) return invalid(400, parsed.errors, parsed.fields, { action: 'lot' });
		addLot(contract, parsed.data, user.id);
		return done('lot', `Lot « ${parsed.data.title} » ajouté.`);
	},
	lotMaj: async (event) => {
		const { user, contract } = managed(event);
		const parsed = parseForm(lotEditSchema, await event.request.formData());
		if (!parsed.ok) return invalid(400, parsed.errors, parsed.fields, { action: 'lotMaj' });
		const outcome = updateLot(contract, parsed.data.lotId, parsed.data, user.id);
		if (!outcome.ok) return invalid(404, { form: outcome.message }, {}, { action: 'lotMaj' });
		return done('lotMaj', 'Lot mis à jour.');
	},
	lotSuppr: async (event) => {
		const { user, contract } = managed(event);
		const parsed = parseForm(lotDeleteSchema, await event.request.formData());
		if (!parsed.ok) return invalid(400, parsed.errors, parsed.fields, { action: 'lotSuppr' });
		const outcome = deleteLot(contract, parsed.data.lotId, user.id);
		if (!outcome.ok)
			return invalid(409, { form: outcome.message }, parsed.data, { action: 'lotSuppr' });
		return done('lotSuppr', `${outcome.value} supprimé, avec ses postes.`);
	},
	poste: async (event) => {
		const { user, contract } = managed(event);
		const parsed = parseForm(priceItemSchema, await event.request.formData());
		if (!parsed.ok) return invalid(400, parsed.errors, parsed.fields, { action: 'poste' });
		const outcome = addPriceItem(contract, parsed.data, user.id);
		if (!outcome.ok) return invalid(409, { form: outcome.message }, {}, { action: 'poste' });
		return done('poste', `Poste « ${parsed.data.label} » ajouté au bordereau.`);
	},
	posteMaj: async (event) => {
		const { user, contract } = managed(event);
		const parsed = parseForm(priceItemEditSchema, await event.request.formData());
		if (!parsed.ok) return invalid(400, parsed.errors, parsed.fields, { action: 'posteMaj' });
		const { itemId, item } = parsed.data;
		const outcome = updatePriceItem(contract, itemId, item, user.id);
		if (!outcome.ok)
			return invalid(404, { form: outcome.message }, { itemId }, { action: 'posteMaj' });
		return done(
			'posteMaj',
			`Poste « ${item.label} » modifié. Les commandes déjà passées gardent leur prix.`
		);
	},
	posteSuppr: async (event) => {
		const { user, contract } = managed(event);
		const parsed = parseForm(priceItemDeleteSchema, await event.request.formData());
		if (!parsed.ok) return invalid(400, parsed.errors, parsed.fields, { action: 'posteSuppr' });
		const outcome = deletePriceItem(contract, parsed.data.itemId, user.id);
		if (!outcome.ok)
			return invalid(409, { form: outcome.message }, parsed.data, { action: 'posteSuppr' });
		return done('posteSuppr', `Poste « ${outcome.value} » supprimé du bordereau.`);
	}
} satisfies Actions;
