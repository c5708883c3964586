import { can } from '$lib/domain/permissions';
import { ensure, requireUser } from '$lib/server/auth/guard';
import { supplierEditSchema } from '$lib/server/catalogue/structure-form';
import { suppliersWithContracts, updateSupplier } from '$lib/server/catalogue/structure';
import { invalid, parseForm } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	ensure(can(requireUser(event), 'supplier.manage'));
	return { suppliers: suppliersWithContracts() };
};

export const actions: Actions = {
	corriger: async (event) => {
		const user = requireUser(event);
		ensure(can(user, 'supplier.manage'));
		const parsed = parseForm(supplierEditSchema, await event.request.formData());
		if (!parsed.ok) return invalid(400, parsed.errors, parsed.fields, { action: 'corriger' });
		const { supplierId, name, vatNumber } = parsed.data;
		const outcome = updateSupplier(supplierId, name, vatNumber, user.id);
		if (!outcome.ok)
			return invalid(409, { vatNumber: outcome.message }, parsed.data, { action: 'corriger' });
		return { ok: true as const, supplierId, message: `Adjudicataire « ${name} » enregistré.` };
	}
};
