/** « Nous l'utilisons »: what the viewer's commune uses, and the contracts it can add. */
import { asc, inArray } from 'drizzle-orm';
import { can } from '../../domain/permissions';
import { getDb } from '../db/client';
import { contracts } from '../db/schema';
import { USABLE_STATUSES } from './declarations';
import { listUsageRows } from './usages';
import { ownOrganisation, type Member } from './who-uses-what-page';

/** null when the viewer may not declare for their organisation */
export function ourUsagesPage(member: Member) {
	if (!can(member, 'usage.declare', ownOrganisation(member))) return null;
	const usages = listUsageRows(member.organisationId).sort((a, b) =>
		a.solutionName.localeCompare(b.solutionName, 'fr')
	);
	const contractChoices = getDb()
		.select({
			id: contracts.id,
			reference: contracts.reference,
			title: contracts.title,
			modules: contracts.modules
		})
		.from(contracts)
		.where(inArray(contracts.status, USABLE_STATUSES))
		.orderBy(asc(contracts.title))
		.all();
	return { usages, contractChoices };
}
