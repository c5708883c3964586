import { error, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { isCalendarDate } from '$lib/domain/catalogue/dates';
import { parseEuroAmount } from '$lib/domain/catalogue/money';
import { parseQuantity } from '$lib/domain/catalogue/quantity';
import { isModule } from '$lib/domain/catalogue/types';
import { can } from '$lib/domain/permissions';
import { ensure, requireUser } from '$lib/server/auth/guard';
import {
	adhereToContract,
	declareInterest,
	withdrawAdhesion
} from '$lib/server/catalogue/commitments';
import { contractOrigins } from '$lib/server/boards/promote';
import { findContract } from '$lib/server/catalogue/contract';
import { contractPage } from '$lib/server/catalogue/page';
import { brusselsToday } from '$lib/server/catalogue/today';
import { fields, invalid, parseForm } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params, locals }) => {
	const contract = findContract(params.reference);
	if (!contract) error(404, 'Ce marché est introuvable.');
	return {
		...contractPage(contract, locals.user, brusselsToday()),
		origins: contractOrigins(contract.id)
	};
};

function loadContract(reference: string) {
	const contract = findContract(reference);
	if (!contract) error(404, 'Ce marché est introuvable.');
	return contract;
}

const interestSchema = z.object({
	maxQuantity: z.string({ error: 'Indiquez une quantité maximale.' }).transform((v, ctx) => {
		const parsed = parseQuantity(v);
		if (parsed.ok && parsed.hundredths === 0)
			ctx.addIssue({ code: 'custom', message: 'Indiquez une quantité plus grande que 0.' });
		else if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.message });
		return parsed.ok ? parsed.hundredths : z.NEVER;
	}),
	estimatedAmount: z.string().transform((v, ctx) => {
		const cents = parseEuroAmount(v);
		if (cents === null || cents < 0) {
			ctx.addIssue({
				code: 'custom',
				message: 'Indiquez un montant en euros, par exemple 12 500,00.'
			});
			return z.NEVER;
		}
		return cents;
	}),
	note: z.string().trim().max(1000, 'Ce texte ne peut pas dépasser 1000 caractères.').optional()
});

const date = (label: string) =>
	z.string({ error: `Indiquez ${label}.` }).refine(isCalendarDate, `Indiquez ${label} valide.`);

const adhesionSchema = z.object({
	decisionReference: fields.requiredText('la référence de la décision du collège', 100),
	decisionDate: date('la date de la décision'),
	modules: z
		.union([z.string(), z.array(z.string())], { error: 'Choisissez au moins une option.' })
		.transform((v) => (Array.isArray(v) ? v : [v]))
		.pipe(
			z
				.array(z.string().refine(isModule, 'Option inconnue.'))
				.min(1, 'Choisissez au moins une option.')
		),
	estimatedQuantities: z.string().trim().max(2000, 'Ce texte est trop long.').default('')
});

export const actions: Actions = {
	interet: async (event) => {
		const user = requireUser(event);
		const contract = loadContract(event.params.reference);
		ensure(can(user, 'contract.declareInterest', { organisationId: user.organisationId }));
		const parsed = parseForm(interestSchema, await event.request.formData());
		if (!parsed.ok) return invalid(400, parsed.errors, parsed.fields, { action: 'interet' });
		const { maxQuantity, estimatedAmount, note } = parsed.data;
		const outcome = declareInterest(
			contract,
			user.organisationId,
			{
				maxQuantityHundredths: maxQuantity,
				estimatedAmountCents: estimatedAmount,
				note: note || null
			},
			user.id,
			brusselsToday()
		);
		if (!outcome.ok) return invalid(409, { form: outcome.message }, {}, { action: 'interet' });
		redirect(303, `/catalogue/${contract.reference}?interet=1#ma-commune`);
	},
	adherer: async (event) => {
		const user = requireUser(event);
		const contract = loadContract(event.params.reference);
		ensure(can(user, 'contract.adhere', { organisationId: user.organisationId }));
		const parsed = parseForm(adhesionSchema, await event.request.formData());
		if (!parsed.ok) return invalid(400, parsed.errors, parsed.fields, { action: 'adherer' });
		const outcome = adhereToContract(
			contract,
			user.organisationId,
			{ ...parsed.data, modules: parsed.data.modules.filter(isModule) },
			user.id,
			brusselsToday()
		);
		if (!outcome.ok) return invalid(409, { form: outcome.message }, {}, { action: 'adherer' });
		redirect(303, `/catalogue/${contract.reference}?adhesion=1#ma-commune`);
	},
	retirer: async (event) => {
		const user = requireUser(event);
		const contract = loadContract(event.params.reference);
		ensure(can(user, 'adhesion.withdraw', { organisationId: user.organisationId }));
		const outcome = withdrawAdhesion(contract, user.organisationId, user.id);
		if (!outcome.ok) return invalid(409, { form: outcome.message }, {}, { action: 'retirer' });
		redirect(303, `/catalogue/${contract.reference}?retrait=1#ma-commune`);
	}
};
