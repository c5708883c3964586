/** The form « Ajouter à mon plan d'achats » of one contract: its lots and their price items. */
import { MODULE_LABELS } from '../../domain/catalogue/labels';
import { addMonths, monthOf } from '../../domain/plan/months';
import { contractLots, type ContractRow } from '../catalogue/contract';
import { contractEnd } from './intentions';

export function newIntentionPage(contract: ContractRow, today: string) {
	// a sensible first wish: the same month next year, when budgets can still carry it
	const next = addMonths(monthOf(today), 12);
	return {
		contract: {
			reference: contract.reference,
			title: contract.title,
			status: contract.status,
			end: contractEnd(contract),
			centraleName: contract.centraleName
		},
		modules: contract.modules.map((m) => ({ code: m, label: MODULE_LABELS[m] })),
		lots: contractLots(contract.id)
			.filter((lot) => lot.items.length > 0)
			.map((lot) => ({ id: lot.id, number: lot.number, title: lot.title, items: lot.items })),
		defaultMonth: Number(next.slice(5, 7)),
		defaultYear: Number(next.slice(0, 4))
	};
}
