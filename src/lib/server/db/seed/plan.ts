/**
 * Demo: Charleroi and Mons have a few purchase intentions in their plan, with wished months
 * relative to the day of seeding (one feasible, one too soon for the budget), so the plan page
 * shows both answers.
 */
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../client';
import {
	contracts,
	lots,
	organisations,
	priceItems,
	purchaseIntentionItems,
	purchaseIntentions
} from '../schema';
import { now as clockNow } from '../../clock';

/** [commune slug, contract reference, lot number, months from now, quantity per item] */
const DEMO_INTENTIONS: [string, string, number, number, number[]][] = [
	['charleroi', 'IGR-2025-EGU-01', 1, 13, [0, 1, 12]],
	['charleroi', 'IGR-2025-EGU-01', 2, 2, [10, 2]],
	['charleroi', 'IMIO-2024-DEL-03', 1, 8, [1, 5]],
	['mons', 'IGR-2025-EGU-01', 1, 10, [0, 1, 8]],
	['mons', 'IGR-2025-EGU-01', 2, 4, [6]]
];

function monthFromNow(months: number): string {
	const d = clockNow();
	const index = d.getUTCFullYear() * 12 + d.getUTCMonth() + months;
	return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

export function seedDemoPlans(db: Db) {
	for (const [slug, reference, lotNumber, ahead, quantities] of DEMO_INTENTIONS) {
		const org = db.select().from(organisations).where(eq(organisations.slug, slug)).get();
		const contract = db.select().from(contracts).where(eq(contracts.reference, reference)).get();
		if (!org || !contract) throw new Error(`demo plans: no ${slug} or ${reference}`);
		const lot = db
			.select()
			.from(lots)
			.where(and(eq(lots.contractId, contract.id), eq(lots.number, lotNumber)))
			.get();
		if (!lot) throw new Error(`demo plans: no lot ${lotNumber} in ${reference}`);
		const items = db
			.select({ id: priceItems.id })
			.from(priceItems)
			.where(eq(priceItems.lotId, lot.id))
			.orderBy(asc(priceItems.id))
			.all();
		const lines = items
			.map((item, i) => ({ priceItemId: item.id, quantityHundredths: (quantities[i] ?? 0) * 100 }))
			.filter((l) => l.quantityHundredths > 0);
		const { id } = db
			.insert(purchaseIntentions)
			.values({
				organisationId: org.id,
				contractId: contract.id,
				lotId: lot.id,
				modules: contract.modules.slice(0, 2),
				targetMonth: monthFromNow(ahead)
			})
			.returning({ id: purchaseIntentions.id })
			.get();
		db.insert(purchaseIntentionItems)
			.values(lines.map((l) => ({ intentionId: id, ...l })))
			.run();
	}
}
