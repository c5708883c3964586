/**
 * The reminders job (server/jobs, daily at 06:00 Brussels): contract and lot ends approaching,
 * relaunches published, interest deadlines approaching, framework ceilings reached, budget votes
 * approaching for communes with declared purchases, group sessions the day before (to members
 * and followers of the group), and the catalogue's changes to the followers of what changed. Each is keyed by what it is about (domain/relay/reminder-keys.ts)
 * and claimed in sent_reminders before it is sent, so job reruns, two processes and restarts
 * never send one twice; when a run comes after a downtime, what is due is computed from today,
 * so a skipped milestone is replaced by the nearest one still true (domain/relay/reminders.ts).
 * Everything goes through notify().
 */
import { and, asc, eq, gt, inArray, isNotNull, isNull, like, lt, lte } from 'drizzle-orm';
import { VEHICLE_LABELS, type BudgetVehicle } from '../../domain/budget-calendar';
import { brusselsDay } from '../../domain/brussels-time';
import { formatDate, formatDateTime, formatMoney } from '../../domain/format';
import { can, type Actor } from '../../domain/permissions';
import { catalogueNews } from '../../domain/relay/catalogue-news';
import { reminderKey, type ReminderSubject } from '../../domain/relay/reminder-keys';
import {
	budgetVoteDue,
	ceilingReached,
	CEILING_PERCENTS,
	endHorizons,
	INTEREST_HORIZONS,
	milestoneDue,
	sessionReminderDue
} from '../../domain/relay/reminders';
import { committedCents } from '../catalogue/contract';
import { now } from '../clock';
import { getDb } from '../db/client';
import {
	adhesions,
	budgetCalendars,
	contractTransitions,
	contracts,
	groupMembers,
	groupSessions,
	interests,
	lots,
	organisations,
	purchaseIntentions,
	suppliers,
	users,
	workingGroups
} from '../db/schema';
import { servedOrganisations } from './audience';
import { claimReminder } from './escalation';
import { contractFollowerIds, explicitFollowerIds } from './follows';
import { notify, type Notice } from './notify';

/** how the communes' finance people name the votes (« MB2 : les propositions… ») */
const VEHICLE_SHORT: Record<BudgetVehicle, string> = {
	initial: 'Budget initial',
	mb1: 'MB1',
	mb2: 'MB2'
};

const OPEN_STATUSES = ['awarded', 'active', 'expiring'] as const;

/** Claims the key and, when this call claimed it, notifies; returns whether it was sent. */
function remindOnce(
	subject: ReminderSubject,
	userIds: number[],
	notice: Notice,
	at: Date
): boolean {
	if (!userIds.length) return false;
	if (!claimReminder(reminderKey(subject), at)) return false;
	notify(userIds, notice, at);
	return true;
}

/** The active people of these organisations. */
function peopleOf(organisationIds: readonly number[]): number[] {
	if (!organisationIds.length) return [];
	return getDb()
		.select({ id: users.id })
		.from(users)
		.where(and(inArray(users.organisationId, [...organisationIds]), isNull(users.disabledAt)))
		.all()
		.map((u) => u.id);
}

const contractLink = (reference: string) => `/catalogue/${encodeURIComponent(reference)}`;

function contractEnds(today: string, horizons: number[], at: Date): number {
	const db = getDb();
	let sent = 0;
	const open = db
		.select({
			id: contracts.id,
			reference: contracts.reference,
			title: contracts.title,
			endDate: contracts.endDate
		})
		.from(contracts)
		.where(and(inArray(contracts.status, [...OPEN_STATUSES]), isNotNull(contracts.endDate)))
		.all();
	for (const c of open) {
		const days = milestoneDue(c.endDate, today, horizons);
		if (days === null) continue;
		const followers = contractFollowerIds(c.id);
		if (
			remindOnce(
				{ kind: 'contract-end', contractId: c.id, daysBefore: days, on: c.endDate! },
				followers,
				{
					kind: 'reminder.contract-end',
					title: `Le marché ${c.reference} se termine le ${formatDate(c.endDate!)}`,
					body: `Le marché « ${c.title} » (${c.reference}) se termine dans ${days} jours au plus, le ${formatDate(c.endDate!)}. Prévoyez la suite : relance, nouvelle adhésion, budget.`,
					link: contractLink(c.reference)
				},
				at
			)
		)
			sent++;
	}
	// a lot that ends before its contract is reminded on its own
	const lotRows = db
		.select({
			id: lots.id,
			number: lots.number,
			title: lots.title,
			endDate: lots.endDate,
			contractId: contracts.id,
			contractEnd: contracts.endDate,
			reference: contracts.reference
		})
		.from(lots)
		.innerJoin(contracts, eq(contracts.id, lots.contractId))
		.where(and(inArray(contracts.status, [...OPEN_STATUSES]), isNotNull(lots.endDate)))
		.all();
	for (const l of lotRows) {
		if (l.endDate === l.contractEnd) continue;
		const days = milestoneDue(l.endDate, today, horizons);
		if (days === null) continue;
		if (
			remindOnce(
				{ kind: 'lot-end', lotId: l.id, daysBefore: days, on: l.endDate! },
				contractFollowerIds(l.contractId),
				{
					kind: 'reminder.lot-end',
					title: `Le lot ${l.number} du marché ${l.reference} se termine le ${formatDate(l.endDate!)}`,
					body: `Le lot ${l.number} « ${l.title} » du marché ${l.reference} se termine dans ${days} jours au plus, le ${formatDate(l.endDate!)}.`,
					link: contractLink(l.reference)
				},
				at
			)
		)
			sent++;
	}
	return sent;
}

function relaunches(at: Date): number {
	const db = getDb();
	let sent = 0;
	const successors = db
		.select({
			id: contracts.id,
			reference: contracts.reference,
			title: contracts.title,
			predecessorId: contracts.predecessorId,
			interestDeadline: contracts.interestDeadline
		})
		.from(contracts)
		.where(
			and(
				isNotNull(contracts.predecessorId),
				inArray(contracts.status, ['planned', 'tendering', 'awarded', 'active'])
			)
		)
		.all();
	for (const s of successors) {
		const predecessor = db
			.select({ reference: contracts.reference, title: contracts.title })
			.from(contracts)
			.where(eq(contracts.id, s.predecessorId!))
			.get();
		if (!predecessor) continue;
		const adherents = db
			.selectDistinct({ id: adhesions.organisationId })
			.from(adhesions)
			.where(and(eq(adhesions.contractId, s.predecessorId!), isNull(adhesions.withdrawnAt)))
			.all()
			.map((r) => r.id);
		const todo = s.interestDeadline
			? `manifestez l’intérêt de votre commune avant le ${formatDate(s.interestDeadline)}`
			: 'manifestez l’intérêt de votre commune dès que possible';
		if (
			remindOnce(
				{ kind: 'relaunch', contractId: s.predecessorId!, successorId: s.id },
				// every adherent must act, whatever they follow; followers of the old one hear of it too
				[...peopleOf(adherents), ...contractFollowerIds(s.predecessorId!)],
				{
					kind: 'reminder.relaunch',
					title: `Relance du marché ${predecessor.reference} : ${s.reference}`,
					body: [
						`Le marché « ${predecessor.title} » (${predecessor.reference}), auquel votre commune a adhéré, est relancé : « ${s.title} » (${s.reference}).`,
						`C’est une nouvelle procédure : votre adhésion actuelle ne s’y prolonge pas.`,
						`À faire : ${todo}, puis, une fois le marché attribué, adhérez-y par une nouvelle délibération (conseil ou collège selon vos délégations).`
					].join('\n'),
					link: contractLink(s.reference)
				},
				at
			)
		)
			sent++;
	}
	return sent;
}

function interestDeadlines(today: string, at: Date): number {
	const db = getDb();
	let sent = 0;
	const planned = db
		.select({
			id: contracts.id,
			reference: contracts.reference,
			title: contracts.title,
			centraleId: contracts.centraleId,
			interestDeadline: contracts.interestDeadline
		})
		.from(contracts)
		.where(
			and(
				inArray(contracts.status, ['planned', 'tendering']),
				isNotNull(contracts.interestDeadline)
			)
		)
		.all();
	for (const c of planned) {
		const days = milestoneDue(c.interestDeadline, today, INTEREST_HORIZONS);
		if (days === null) continue;
		const answered = new Set(
			db
				.select({ id: interests.organisationId })
				.from(interests)
				.where(eq(interests.contractId, c.id))
				.all()
				.map((r) => r.id)
		);
		const silent = [...servedOrganisations(c.centraleId)].filter((id) => !answered.has(id));
		if (
			remindOnce(
				{ kind: 'interest-deadline', contractId: c.id, daysBefore: days, on: c.interestDeadline! },
				peopleOf(silent),
				{
					kind: 'reminder.interest-deadline',
					title: `Intérêt à manifester avant le ${formatDate(c.interestDeadline!)} : ${c.reference}`,
					body: `Votre commune n’a pas encore manifesté son intérêt pour le marché « ${c.title} » (${c.reference}). Date limite : ${formatDate(c.interestDeadline!)}.`,
					link: contractLink(c.reference)
				},
				at
			)
		)
			sent++;
	}
	return sent;
}

function ceilings(at: Date): number {
	const db = getDb();
	let sent = 0;
	const capped = db
		.select({
			id: contracts.id,
			reference: contracts.reference,
			title: contracts.title,
			centraleId: contracts.centraleId,
			centraleKind: organisations.kind,
			maxValueCents: contracts.maxValueCents
		})
		.from(contracts)
		.innerJoin(organisations, eq(organisations.id, contracts.centraleId))
		.where(and(inArray(contracts.status, [...OPEN_STATUSES]), isNotNull(contracts.maxValueCents)))
		.all();
	let people: Actor[] | null = null;
	for (const c of capped) {
		const committed = committedCents(c.id);
		const reached = ceilingReached(c.maxValueCents, committed);
		if (reached === null) continue;
		people ??= db
			.select({ id: users.id, role: users.role, organisationId: users.organisationId })
			.from(users)
			.where(isNull(users.disabledAt))
			.all();
		const ref = {
			centraleId: c.centraleId,
			ledByIntercommunale: c.centraleKind === 'intercommunale'
		};
		const buyers = people.filter((p) => can(p, 'order.decide', ref)).map((p) => p.id);
		// 100 % reached at once: the 80 % one would say something no longer true
		for (const percent of CEILING_PERCENTS)
			if (percent < reached)
				claimReminder(reminderKey({ kind: 'ceiling', contractId: c.id, percent }), at);
		if (
			remindOnce(
				{ kind: 'ceiling', contractId: c.id, percent: reached },
				buyers,
				{
					kind: 'reminder.ceiling',
					title: `Marché ${c.reference} : ${reached} % du montant maximal atteint`,
					body: `Les commandes du marché « ${c.title} » (${c.reference}) engagent ${formatMoney(committed)} HTVA sur un maximum de ${formatMoney(c.maxValueCents!)}. ${reached === 100 ? 'Le marché est épuisé : toute nouvelle commande sera refusée.' : 'Préparez la relance à temps.'}`,
					link: contractLink(c.reference)
				},
				at
			)
		)
			sent++;
	}
	return sent;
}

function budgetVotes(today: string, at: Date): number {
	const db = getDb();
	let sent = 0;
	const year = Number(today.slice(0, 4));
	const calendars = db
		.select()
		.from(budgetCalendars)
		.where(inArray(budgetCalendars.year, [year, year + 1]))
		.all();
	for (const cal of calendars) {
		const votes: [BudgetVehicle, string | null][] = [
			['initial', cal.initialVote],
			['mb1', cal.mb1],
			['mb2', cal.mb2]
		];
		for (const [vehicle, day] of votes) {
			if (!budgetVoteDue(day, today)) continue;
			const declared = db
				.select({ id: purchaseIntentions.id })
				.from(purchaseIntentions)
				.where(
					and(
						eq(purchaseIntentions.organisationId, cal.organisationId),
						like(purchaseIntentions.targetMonth, `${cal.year}-%`)
					)
				)
				.all().length;
			if (!declared) continue;
			const label = VEHICLE_SHORT[vehicle];
			if (
				remindOnce(
					{ kind: 'budget-deadline', organisationId: cal.organisationId, vehicle, year: cal.year },
					peopleOf([cal.organisationId]),
					{
						kind: 'reminder.budget-deadline',
						title: `${label} ${cal.year} : les propositions doivent être prêtes avant le ${formatDate(day!)}`,
						body: `${VEHICLE_LABELS[vehicle]} ${cal.year} : vote au conseil le ${formatDate(day!)}. Votre plan d’achats compte ${declared} achat(s) prévu(s) en ${cal.year} : inscrivez les crédits nécessaires avant cette date.`,
						link: '/plan-achats'
					},
					at
				)
			)
				sent++;
		}
	}
	return sent;
}

function groupSessionsTomorrow(today: string, at: Date): number {
	const db = getDb();
	let sent = 0;
	const soon = db
		.select({
			id: groupSessions.id,
			groupId: groupSessions.groupId,
			title: groupSessions.title,
			startsAt: groupSessions.startsAt,
			place: groupSessions.place,
			groupTitle: workingGroups.title
		})
		.from(groupSessions)
		.innerJoin(workingGroups, eq(workingGroups.id, groupSessions.groupId))
		.where(
			and(
				gt(groupSessions.startsAt, at),
				lt(groupSessions.startsAt, new Date(at.getTime() + 3 * 86_400_000))
			)
		)
		.all();
	for (const s of soon) {
		const day = brusselsDay(s.startsAt);
		if (!sessionReminderDue(day, s.startsAt.getTime(), today, at.getTime())) continue;
		const members = db
			.select({ id: groupMembers.organisationId })
			.from(groupMembers)
			.where(and(eq(groupMembers.groupId, s.groupId), eq(groupMembers.status, 'member')))
			.all()
			.map((r) => r.id);
		if (
			remindOnce(
				{ kind: 'group-session', sessionId: s.id, on: day },
				[...peopleOf(members), ...explicitFollowerIds('group', s.groupId)],
				{
					kind: 'reminder.group-session',
					title: `Séance « ${s.title} » le ${formatDateTime(s.startsAt)}`,
					body: `Le groupe de travail « ${s.groupTitle} » se réunit le ${formatDateTime(s.startsAt)}${s.place ? ` (${s.place})` : ''}.`,
					link: `/groupes/${s.groupId}`
				},
				at
			)
		)
			sent++;
	}
	return sent;
}

/**
 * Catalogue news: every lifecycle move recorded in contract_transitions during (since, at] — a
 * contract created (published), relaunched, awarded, activated, expiring, ended, cancelled — told
 * by someone in the back office is told to the followers of its thématique, of its adjudicataires
 * and of the contract, one notice per person and per (contract, status). The history table is the one place every back-office path
 * (form, relaunch, working group) writes, so reading it here needs no hook in each of them; the
 * job's window is its durable covered period, so a failed or skipped run is retried, and the
 * claimed key keeps a retried or overlapping window from saying anything twice.
 */
function catalogueChanges(since: Date, at: Date): number {
	const db = getDb();
	let sent = 0;
	const moves = db
		.select({
			contractId: contracts.id,
			reference: contracts.reference,
			title: contracts.title,
			theme: contracts.theme,
			predecessorId: contracts.predecessorId,
			fromStatus: contractTransitions.fromStatus,
			toStatus: contractTransitions.toStatus
		})
		.from(contractTransitions)
		.innerJoin(contracts, eq(contracts.id, contractTransitions.contractId))
		.where(
			and(
				gt(contractTransitions.at, since),
				lte(contractTransitions.at, at),
				// a data import (« reprise des données », the demo seed) records no actor: not news
				isNotNull(contractTransitions.byUserId)
			)
		)
		.orderBy(asc(contractTransitions.at), asc(contractTransitions.id))
		.all();
	for (const m of moves) {
		const awardees = db
			.selectDistinct({ id: suppliers.id, name: suppliers.name })
			.from(lots)
			.innerJoin(suppliers, eq(suppliers.id, lots.supplierId))
			.where(eq(lots.contractId, m.contractId))
			.orderBy(asc(suppliers.name))
			.all();
		const relaunchOf = m.predecessorId
			? (db
					.select({ r: contracts.reference })
					.from(contracts)
					.where(eq(contracts.id, m.predecessorId))
					.get()?.r ?? null)
			: null;
		const news = catalogueNews(
			{
				reference: m.reference,
				title: m.title,
				theme: m.theme,
				relaunchOf,
				suppliers: awardees.map((s) => s.name)
			},
			m.toStatus,
			m.fromStatus === null,
			{
				theme: explicitFollowerIds('theme', m.theme),
				suppliers: awardees.flatMap((s) => explicitFollowerIds('supplier', s.id)),
				contract: contractFollowerIds(m.contractId)
			}
		);
		if (!news) continue;
		if (
			remindOnce(
				{ kind: 'catalogue-news', contractId: m.contractId, status: m.toStatus },
				news.recipients,
				{
					kind: 'follow.catalogue',
					title: news.title,
					body: news.body,
					link: contractLink(m.reference)
				},
				at
			)
		)
			sent++;
	}
	return sent;
}

/**
 * Where the catalogue scan starts: a few minutes before the job's covered instant. A back-office
 * change that took its instant before a run's scan and committed after it (another process) would
 * fall between two windows; the overlap catches it, and the claimed keys make it harmless.
 */
function newsSince(since: Date | undefined, at: Date): Date {
	return new Date((since ?? new Date(at.getTime() - 86_400_000)).getTime() - NEWS_OVERLAP_MS);
}

const NEWS_OVERLAP_MS = 5 * 60_000;

/**
 * Runs every reminder rule for the day of `at`, and tells followers of the catalogue's changes
 * made since `since` (the job's last covered instant; a day before `at` when not given);
 * returns how many reminders went out.
 */
export function runReminders(at: Date = now(), since?: Date): number {
	const today = brusselsDay(at);
	const horizons = endHorizons(process.env.REMINDER_END_DAYS);
	return (
		contractEnds(today, horizons, at) +
		relaunches(at) +
		interestDeadlines(today, at) +
		ceilings(at) +
		budgetVotes(today, at) +
		groupSessionsTomorrow(today, at) +
		catalogueChanges(newsSince(since, at), at)
	);
}
