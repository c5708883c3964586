/**
 * Working groups: creation, membership and join requests, phases. Every change is audited, and
 * changes that may shrink someone's rights emit `rights.changed` so live sockets recheck.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { canSwitchPhase, type Phase } from '../../domain/boards/phases';
import { can, type Actor, type GroupRef } from '../../domain/permissions';
import { audit } from '../audit';
import { getDb } from '../db/client';
import { boards, groupMembers, organisations, workingGroups } from '../db/schema';
import { emit } from '../events';
import { createBoardDocument } from './board-documents';
import { notifyGroupMembers } from '../relay/notifications';
import { now as clockNow } from '../clock';

export type Group = typeof workingGroups.$inferSelect;
export type MemberStatus = 'member' | 'requested' | 'refused';

export interface GroupSummary extends Group {
	centraleName: string;
	boardId: number | null;
	memberStatus: MemberStatus | null;
	memberCount: number;
}

/** The group as `can()` sees it from `user`'s organisation. */
export function groupRef(group: Group, memberStatus: MemberStatus | null): GroupRef {
	return {
		centraleId: group.centraleId,
		visibility: group.visibility,
		phase: group.phase,
		memberStatus,
		agentsMayVote: group.agentsMayVote
	};
}

function summaries(where?: ReturnType<typeof eq>, organisationId?: number): GroupSummary[] {
	const db = getDb();
	const rows = db
		.select({ group: workingGroups, centraleName: organisations.name, boardId: boards.id })
		.from(workingGroups)
		.innerJoin(organisations, eq(organisations.id, workingGroups.centraleId))
		.leftJoin(boards, eq(boards.groupId, workingGroups.id))
		.where(where)
		.orderBy(asc(workingGroups.title))
		.all();
	if (!rows.length) return [];
	const members = db
		.select()
		.from(groupMembers)
		.where(
			inArray(
				groupMembers.groupId,
				rows.map((r) => r.group.id)
			)
		)
		.all();
	return rows.map((r) => {
		const mine = members.find(
			(m) => m.groupId === r.group.id && m.organisationId === organisationId
		);
		return {
			...r.group,
			centraleName: r.centraleName,
			boardId: r.boardId,
			memberStatus: mine?.status ?? null,
			memberCount: members.filter((m) => m.groupId === r.group.id && m.status === 'member').length
		};
	});
}

/** Every group, each with the standing of `organisationId` in it (filter with can()). */
export function listGroups(organisationId: number): GroupSummary[] {
	return summaries(undefined, organisationId);
}

export function getGroup(id: number, organisationId: number): GroupSummary | null {
	return summaries(eq(workingGroups.id, id), organisationId)[0] ?? null;
}

export interface GroupMember {
	organisationId: number;
	name: string;
	kind: string;
	status: MemberStatus;
	at: Date;
}

export function listMembers(groupId: number): GroupMember[] {
	return getDb()
		.select({
			organisationId: groupMembers.organisationId,
			name: organisations.name,
			kind: organisations.kind,
			status: groupMembers.status,
			at: groupMembers.at
		})
		.from(groupMembers)
		.innerJoin(organisations, eq(organisations.id, groupMembers.organisationId))
		.where(eq(groupMembers.groupId, groupId))
		.orderBy(asc(organisations.name))
		.all();
}

export interface NewGroup {
	title: string;
	theme: string;
	description: string;
	visibility: 'open' | 'members';
	collectingFrom?: string | null;
	prioritisingFrom?: string | null;
	phasingFrom?: string | null;
	closesOn?: string | null;
	agentsMayVote?: boolean;
}

/** Creates the group, its board row and the board's first document content. */
export function createGroup(input: NewGroup, by: Actor, now = clockNow()): number {
	const db = getDb();
	const id = db.transaction(() => {
		const group = db
			.insert(workingGroups)
			.values({ ...input, centraleId: by.organisationId, createdBy: by.id, createdAt: now })
			.returning({ id: workingGroups.id })
			.get();
		const board = db
			.insert(boards)
			.values({ groupId: group.id, title: `Besoins — ${input.title}` })
			.returning({ id: boards.id })
			.get();
		createBoardDocument(board.id);
		audit(
			{
				actorId: by.id,
				action: 'group.create',
				subjectType: 'working_group',
				subjectId: group.id,
				details: { title: input.title }
			},
			now
		);
		return group.id;
	});
	return id;
}

function setMembership(
	groupId: number,
	organisationId: number,
	status: MemberStatus,
	by: number | null,
	now: Date
) {
	getDb()
		.insert(groupMembers)
		.values({ groupId, organisationId, status, requestedBy: by, at: now })
		.onConflictDoUpdate({
			target: [groupMembers.groupId, groupMembers.organisationId],
			set: { status, at: now }
		})
		.run();
}

/** Adds an organisation as a member (also accepts a pending request). */
export function addMember(groupId: number, organisationId: number, by: Actor, now = clockNow()) {
	getDb().transaction(() => {
		setMembership(groupId, organisationId, 'member', by.id, now);
		audit(
			{
				actorId: by.id,
				action: 'group.member.add',
				subjectType: 'working_group',
				subjectId: groupId,
				details: { organisationId }
			},
			now
		);
	});
	emit('rights.changed', { organisationId });
}

export function removeMember(groupId: number, organisationId: number, by: Actor, now = clockNow()) {
	getDb().transaction(() => {
		getDb()
			.delete(groupMembers)
			.where(
				and(eq(groupMembers.groupId, groupId), eq(groupMembers.organisationId, organisationId))
			)
			.run();
		audit(
			{
				actorId: by.id,
				action: 'group.member.remove',
				subjectType: 'working_group',
				subjectId: groupId,
				details: { organisationId }
			},
			now
		);
	});
	emit('rights.changed', { organisationId });
}

export function requestToJoin(group: GroupSummary, by: Actor, now = clockNow()) {
	getDb().transaction(() => {
		setMembership(group.id, by.organisationId, 'requested', by.id, now);
		audit(
			{
				actorId: by.id,
				action: 'group.join.request',
				subjectType: 'working_group',
				subjectId: group.id
			},
			now
		);
	});
	notifyCentraleBuyers(group, 'group.join', `Demande d’adhésion au groupe « ${group.title} »`, now);
}

/** The buyer's answer to a pending request; false when there was no pending request. */
export function decideJoinRequest(
	groupId: number,
	organisationId: number,
	accept: boolean,
	by: Actor,
	now = clockNow()
): boolean {
	const db = getDb();
	const pending = db
		.select()
		.from(groupMembers)
		.where(
			and(
				eq(groupMembers.groupId, groupId),
				eq(groupMembers.organisationId, organisationId),
				eq(groupMembers.status, 'requested')
			)
		)
		.get();
	if (!pending) return false;
	db.transaction(() => {
		setMembership(groupId, organisationId, accept ? 'member' : 'refused', by.id, now);
		audit(
			{
				actorId: by.id,
				action: accept ? 'group.join.accept' : 'group.join.refuse',
				subjectType: 'working_group',
				subjectId: groupId,
				details: { organisationId }
			},
			now
		);
	});
	emit('rights.changed', { organisationId });
	const group = getGroup(groupId, organisationId);
	if (group)
		notifyGroupMembers(
			groupId,
			'group.join',
			accept
				? `Votre commune a rejoint le groupe « ${group.title} »`
				: `Votre demande d’adhésion au groupe « ${group.title} » n’a pas été acceptée`,
			`/groupes/${groupId}`,
			now,
			{ onlyOrganisation: organisationId }
		);
	return true;
}

/** Moves the group to another phase; false when the move is not allowed. */
export function changePhase(group: GroupSummary, to: Phase, by: Actor, now = clockNow()): boolean {
	if (!canSwitchPhase(group.phase, to)) return false;
	getDb().transaction(() => {
		getDb()
			.update(workingGroups)
			.set({ phase: to, version: sql`${workingGroups.version} + 1` })
			.where(eq(workingGroups.id, group.id))
			.run();
		audit(
			{
				actorId: by.id,
				action: 'group.phase',
				subjectType: 'working_group',
				subjectId: group.id,
				details: { from: group.phase, to, fromVersion: group.version }
			},
			now
		);
	});
	if (group.boardId) emit('rights.changed', { docName: `board:${group.boardId}` });
	notifyPhaseChange(group, to, now);
	return true;
}

/** Tells the members in the portal that the group moved to phase `to`. */
export function notifyPhaseChange(group: { id: number; title: string }, to: Phase, now: Date) {
	notifyGroupMembers(
		group.id,
		'group.phase',
		phaseMessage(group.title, to),
		`/groupes/${group.id}`,
		now
	);
}

function phaseMessage(title: string, to: Phase): string {
	const words: Record<Phase, string> = {
		collecting: 'recueille les besoins',
		prioritising: 'passe à la priorisation : répartissez vos 100 points',
		phasing: 'passe au phasage',
		closed: 'est clôturé'
	};
	return `Le groupe « ${title} » ${words[to]}.`;
}

function notifyCentraleBuyers(group: GroupSummary, kind: string, title: string, now: Date) {
	notifyGroupMembers(group.id, kind, title, `/groupes/${group.id}/membres`, now, {
		onlyOrganisation: group.centraleId
	});
}

/** Communes and other local authorities a buyer may add to a group. */
export function listCandidateOrganisations(groupId: number) {
	const db = getDb();
	const taken = new Set(
		db
			.select({ id: groupMembers.organisationId })
			.from(groupMembers)
			.where(and(eq(groupMembers.groupId, groupId), eq(groupMembers.status, 'member')))
			.all()
			.map((r) => r.id)
	);
	return db
		.select({ id: organisations.id, name: organisations.name })
		.from(organisations)
		.where(inArray(organisations.kind, ['commune', 'cpas', 'zone', 'province']))
		.orderBy(asc(organisations.name))
		.all()
		.filter((o) => !taken.has(o.id));
}

/** The group as seen by `user`, or the reason it cannot be seen. */
export function groupForUser(
	id: number,
	user: Actor
): { ok: true; group: GroupSummary; ref: GroupRef } | { ok: false; status: 403 | 404 } {
	const group = Number.isSafeInteger(id) ? getGroup(id, user.organisationId) : null;
	if (!group) return { ok: false, status: 404 };
	const ref = groupRef(group, group.memberStatus);
	return can(user, 'group.view', ref) ? { ok: true, group, ref } : { ok: false, status: 403 };
}
