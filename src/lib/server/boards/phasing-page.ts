/**
 * Everything the phasing page shows: the ranked needs, the waves they are planned in, each
 * wave year against a budget calendar, and the contracts the needs already fed.
 */
import { nextVehicle, periodsForYear } from '../../domain/budget-calendar';
import { PROCEDURES, THEMES } from '../../domain/catalogue/labels';
import { BUYING_KINDS, type OrganisationKind } from '../../domain/roles';
import type { SessionUser } from '../auth/session';
import { budgetCalendarFor } from '../budget-calendars';
import { listMembers } from './groups';
import { contractsFedByBoard } from './promote';
import { rankBoard } from './votes';
import { listWaves } from './waves';

type Viewer = Pick<SessionUser, 'organisationId' | 'organisationName' | 'organisationKind'>;

/**
 * Whose budget calendar the timeline shows: the viewer's own authority when it votes a budget;
 * for buyers and admins, the member authority they picked (`asked`), or the defaults.
 */
function calendarOwner(groupId: number, viewer: Viewer, asked: number) {
	if (BUYING_KINDS.includes(viewer.organisationKind))
		return { owner: { id: viewer.organisationId, name: viewer.organisationName }, choices: [] };
	const members = listMembers(groupId)
		.filter((m) => m.status === 'member' && BUYING_KINDS.includes(m.kind as OrganisationKind))
		.map((m) => ({ id: m.organisationId, name: m.name }));
	return { owner: members.find((m) => m.id === asked) ?? null, choices: members };
}

export function phasingPage(
	group: { id: number; boardId: number },
	viewer: Viewer,
	askedCommune: number,
	today: string
) {
	const { owner, choices } = calendarOwner(group.id, viewer, askedCommune);
	const waves = listWaves(group.boardId);
	const years = [...new Set(waves.map((w) => w.year))].sort();
	return {
		today,
		ranking: rankBoard(group.boardId).map((r) => ({
			cardId: r.cardId,
			title: r.title,
			rank: r.rank,
			score: r.score,
			targetYear: r.need.targetYear,
			budgetCents: r.need.estimatedBudgetCents,
			interests: r.interests.length
		})),
		waves,
		calendarOwner: owner,
		calendarChoices: choices,
		calendar: years.map((year) => {
			const own = owner ? budgetCalendarFor(owner.id, year) : null;
			return {
				year,
				own: own != null,
				periods: periodsForYear(year, undefined, own),
				next: nextVehicle(today, year, undefined, own)
			};
		}),
		fed: contractsFedByBoard(group.boardId),
		themes: Object.entries(THEMES).map(([value, label]) => ({ value, label })),
		procedures: Object.entries(PROCEDURES).map(([value, label]) => ({ value, label }))
	};
}
