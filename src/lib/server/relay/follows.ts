/**
 * Follows (domain/relay/follows.ts) stored per person, the default follow of a commune's
 * adhesions, and who follows a contract (reminders, the « abonnés du marché » audience).
 */
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { THEMES, type Theme } from '../../domain/catalogue/labels';
import {
	contractFollowers,
	FOLLOW_KIND_LABELS,
	isFollowing,
	rowAfterClick,
	type FollowKind
} from '../../domain/relay/follows';
import { can, type Actor } from '../../domain/permissions';
import { groupForUser } from '../boards/groups';
import { getDb } from '../db/client';
import { adhesions, contracts, follows, lots, suppliers, users } from '../db/schema';

export interface FollowState {
	kind: FollowKind;
	subject: string;
	/** what the button names, e.g. « le lot 2 : Licences » */
	label: string;
	following: boolean;
}

function storedRow(userId: number, kind: FollowKind, subject: string) {
	return (
		getDb()
			.select({ optOut: follows.optOut })
			.from(follows)
			.where(
				and(
					eq(follows.userId, userId),
					eq(follows.subjectKind, kind),
					eq(follows.subjectId, subject)
				)
			)
			.get() ?? null
	);
}

/** True when the person's commune has an active adhesion to the contract. */
function adheres(organisationId: number, contractId: number): boolean {
	return !!getDb()
		.select({ id: adhesions.id })
		.from(adhesions)
		.where(
			and(
				eq(adhesions.contractId, contractId),
				eq(adhesions.organisationId, organisationId),
				isNull(adhesions.withdrawnAt)
			)
		)
		.get();
}

function followsByDefault(user: Actor, kind: FollowKind, subject: string): boolean {
	return kind === 'contract' && adheres(user.organisationId, Number(subject));
}

export function followState(
	user: Actor,
	kind: FollowKind,
	subject: string | number,
	label: string
): FollowState {
	const id = String(subject);
	return {
		kind,
		subject: id,
		label,
		following: isFollowing(storedRow(user.id, kind, id), followsByDefault(user, kind, id))
	};
}

/** The buttons of a contract page: the contract, each lot, each distinct supplier. */
export function contractFollowPanel(
	user: Actor | null,
	contract: { id: number; title: string }
): FollowState[] {
	if (!user) return [];
	const db = getDb();
	const rows = db
		.select({
			id: lots.id,
			number: lots.number,
			title: lots.title,
			supplierId: suppliers.id,
			supplierName: suppliers.name
		})
		.from(lots)
		.leftJoin(suppliers, eq(suppliers.id, lots.supplierId))
		.where(eq(lots.contractId, contract.id))
		.orderBy(lots.number)
		.all();
	const out = [followState(user, 'contract', contract.id, 'ce marché')];
	if (rows.length > 1)
		for (const lot of rows)
			out.push(followState(user, 'lot', lot.id, `le lot ${lot.number} : ${lot.title}`));
	const seen = new Set<number>();
	for (const lot of rows) {
		if (lot.supplierId === null || seen.has(lot.supplierId)) continue;
		seen.add(lot.supplierId);
		out.push(followState(user, 'supplier', lot.supplierId, `l’adjudicataire ${lot.supplierName}`));
	}
	return out;
}

/** The catalogue filtered on one thématique offers to follow it (nothing for visitors). */
export function themeFollowPanel(user: Actor | null, themes: readonly string[]): FollowState[] {
	if (!user || themes.length !== 1 || !(themes[0] in THEMES)) return [];
	const theme = themes[0] as Theme;
	return [followState(user, 'theme', theme, `la thématique « ${THEMES[theme]} »`)];
}

/** The subject's name, or null when it does not exist or the person may not read it. */
export function followableLabel(user: Actor, kind: FollowKind, subject: string): string | null {
	const db = getDb();
	const id = Number(subject);
	const numeric = Number.isSafeInteger(id) && id > 0;
	switch (kind) {
		case 'contract':
			return numeric
				? (db.select({ t: contracts.title }).from(contracts).where(eq(contracts.id, id)).get()?.t ??
						null)
				: null;
		case 'lot': {
			if (!numeric) return null;
			const lot = db
				.select({ n: lots.number, t: lots.title, c: contracts.title })
				.from(lots)
				.innerJoin(contracts, eq(contracts.id, lots.contractId))
				.where(eq(lots.id, id))
				.get();
			return lot ? `${lot.c} — lot ${lot.n} : ${lot.t}` : null;
		}
		case 'supplier':
			return numeric
				? (db.select({ n: suppliers.name }).from(suppliers).where(eq(suppliers.id, id)).get()?.n ??
						null)
				: null;
		case 'group': {
			if (!numeric) return null;
			const found = groupForUser(id, user);
			return found.ok ? found.group.title : null;
		}
		case 'theme':
			return subject in THEMES ? THEMES[subject as Theme] : null;
	}
}

/** Follows or unfollows; false when the subject is unknown or not the person's to follow. */
export function setFollow(
	user: Actor,
	kind: FollowKind,
	subject: string,
	follow: boolean,
	at: Date
): boolean {
	const label = followableLabel(user, kind, subject);
	if (!can(user, 'subject.follow', { readable: label !== null })) return false;
	const db = getDb();
	const row = rowAfterClick(follow, followsByDefault(user, kind, subject));
	const key = and(
		eq(follows.userId, user.id),
		eq(follows.subjectKind, kind),
		eq(follows.subjectId, subject)
	);
	if (!row) {
		db.delete(follows).where(key).run();
		return true;
	}
	db.insert(follows)
		.values({
			userId: user.id,
			subjectKind: kind,
			subjectId: subject,
			optOut: row.optOut,
			createdAt: at
		})
		.onConflictDoUpdate({
			target: [follows.userId, follows.subjectKind, follows.subjectId],
			set: { optOut: row.optOut }
		})
		.run();
	return true;
}

export interface FollowedItem {
	kind: FollowKind;
	kindLabel: string;
	subject: string;
	label: string;
	link: string;
	/** followed through the commune's adhesion, not by a click */
	byAdhesion: boolean;
}

function linkOf(kind: FollowKind, subject: string, label: string, reference?: string): string {
	switch (kind) {
		case 'contract':
		case 'lot':
			return `/catalogue/${encodeURIComponent(reference ?? '')}`;
		case 'group':
			return `/groupes/${subject}`;
		case 'supplier':
			return `/catalogue?q=${encodeURIComponent(label)}`;
		case 'theme':
			return `/catalogue?thematique=${encodeURIComponent(subject)}`;
	}
}

/** « Mes suivis »: what the person follows, explicitly or through the commune's adhesions. */
export function followsOf(user: Actor): FollowedItem[] {
	const db = getDb();
	const rows = db.select().from(follows).where(eq(follows.userId, user.id)).all();
	const optedOut = new Set(
		rows.filter((r) => r.optOut && r.subjectKind === 'contract').map((r) => r.subjectId)
	);
	const items: FollowedItem[] = [];
	const adhered = db
		.selectDistinct({ id: contracts.id, title: contracts.title, reference: contracts.reference })
		.from(adhesions)
		.innerJoin(contracts, eq(contracts.id, adhesions.contractId))
		.where(and(eq(adhesions.organisationId, user.organisationId), isNull(adhesions.withdrawnAt)))
		.all();
	for (const c of adhered) {
		if (optedOut.has(String(c.id))) continue;
		items.push({
			kind: 'contract',
			kindLabel: FOLLOW_KIND_LABELS.contract,
			subject: String(c.id),
			label: c.title,
			link: linkOf('contract', String(c.id), c.title, c.reference),
			byAdhesion: true
		});
	}
	const adheredIds = new Set(adhered.map((c) => String(c.id)));
	for (const r of rows) {
		if (r.optOut) continue;
		if (r.subjectKind === 'contract' && adheredIds.has(r.subjectId)) continue;
		const label = followableLabel(user, r.subjectKind, r.subjectId);
		if (label === null) continue;
		items.push({
			kind: r.subjectKind,
			kindLabel: FOLLOW_KIND_LABELS[r.subjectKind],
			subject: r.subjectId,
			label,
			link: linkOf(r.subjectKind, r.subjectId, label, referenceOf(r.subjectKind, r.subjectId)),
			byAdhesion: false
		});
	}
	return items;
}

function referenceOf(kind: FollowKind, subject: string): string | undefined {
	const db = getDb();
	if (kind === 'contract')
		return db
			.select({ r: contracts.reference })
			.from(contracts)
			.where(eq(contracts.id, Number(subject)))
			.get()?.r;
	if (kind === 'lot')
		return db
			.select({ r: contracts.reference })
			.from(lots)
			.innerJoin(contracts, eq(contracts.id, lots.contractId))
			.where(eq(lots.id, Number(subject)))
			.get()?.r;
	return undefined;
}

/**
 * The active people who follow a contract: explicit follows of it or of one of its lots, and the
 * people of its adhering communes (minus their opt-outs).
 */
export function contractFollowerIds(contractId: number): number[] {
	const db = getDb();
	const lotIds = db
		.select({ id: lots.id })
		.from(lots)
		.where(eq(lots.contractId, contractId))
		.all()
		.map((l) => String(l.id));
	const contractRows = db
		.select({ userId: follows.userId, optOut: follows.optOut })
		.from(follows)
		.where(and(eq(follows.subjectKind, 'contract'), eq(follows.subjectId, String(contractId))))
		.all();
	const lotRows = lotIds.length
		? db
				.select({ userId: follows.userId })
				.from(follows)
				.where(
					and(
						eq(follows.subjectKind, 'lot'),
						inArray(follows.subjectId, lotIds),
						eq(follows.optOut, false)
					)
				)
				.all()
		: [];
	const adherentPeople = db
		.selectDistinct({ id: users.id })
		.from(adhesions)
		.innerJoin(users, eq(users.organisationId, adhesions.organisationId))
		.where(
			and(
				eq(adhesions.contractId, contractId),
				isNull(adhesions.withdrawnAt),
				isNull(users.disabledAt)
			)
		)
		.all()
		.map((u) => u.id);
	const followerIds = contractFollowers({
		explicit: [
			...contractRows.filter((r) => !r.optOut).map((r) => r.userId),
			...lotRows.map((r) => r.userId)
		],
		optedOut: contractRows.filter((r) => r.optOut).map((r) => r.userId),
		adherentPeople
	});
	if (!followerIds.length) return [];
	// disabled people follow nothing
	return db
		.select({ id: users.id })
		.from(users)
		.where(and(inArray(users.id, followerIds), isNull(users.disabledAt)))
		.all()
		.map((u) => u.id)
		.sort((a, b) => a - b);
}

/** The organisations of a contract's followers (the « abonnés du marché » audience). */
export function contractFollowerOrganisations(contractId: number): number[] {
	const ids = contractFollowerIds(contractId);
	if (!ids.length) return [];
	return [
		...new Set(
			getDb()
				.select({ org: users.organisationId })
				.from(users)
				.where(inArray(users.id, ids))
				.all()
				.map((r) => r.org)
		)
	];
}

/** The active people who clicked « Suivre » on a subject (a group, a supplier, a thématique). */
export function explicitFollowerIds(kind: FollowKind, subject: string | number): number[] {
	return getDb()
		.select({ id: users.id })
		.from(follows)
		.innerJoin(users, eq(users.id, follows.userId))
		.where(
			and(
				eq(follows.subjectKind, kind),
				eq(follows.subjectId, String(subject)),
				eq(follows.optOut, false),
				isNull(users.disabledAt)
			)
		)
		.all()
		.map((r) => r.id);
}
