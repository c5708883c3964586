/** People management: roles, disabling accounts, organisations (admins and referents). */
import { asc, eq } from 'drizzle-orm';
import { can, type Actor } from '../domain/permissions';
import type { OrganisationKind, Role } from '../domain/roles';
import { normalizeForSearch, slugify } from '../domain/text';
import { audit } from './audit';
import { invalidateUserSessions } from './auth/session';
import { getDb } from './db/client';
import { organisations, users } from './db/schema';
import { now as clockNow } from './clock';

export function getUser(id: number) {
	return (
		getDb()
			.select({
				id: users.id,
				name: users.name,
				email: users.email,
				role: users.role,
				organisationId: users.organisationId,
				organisationKind: organisations.kind,
				disabledAt: users.disabledAt
			})
			.from(users)
			.innerJoin(organisations, eq(organisations.id, users.organisationId))
			.where(eq(users.id, id))
			.get() ?? null
	);
}

export function listUsers() {
	return getDb()
		.select({
			id: users.id,
			name: users.name,
			email: users.email,
			role: users.role,
			organisationId: users.organisationId,
			organisationName: organisations.name,
			organisationKind: organisations.kind,
			disabledAt: users.disabledAt
		})
		.from(users)
		.innerJoin(organisations, eq(organisations.id, users.organisationId))
		.orderBy(asc(organisations.searchName), asc(users.name))
		.all();
}

export function changeRole(actorId: number, userId: number, role: Role) {
	const db = getDb();
	db.transaction(() => {
		db.update(users).set({ role }).where(eq(users.id, userId)).run();
		// a changed role changes rights: live sessions must not keep the old ones
		invalidateUserSessions(userId);
		audit({
			actorId,
			action: 'user.roleChanged',
			subjectType: 'user',
			subjectId: userId,
			details: { role }
		});
	});
}

export type AccountSwitch =
	{ ok: true; message: string } | { ok: false; status: 404 | 403; message: string };

/**
 * Disables (or re-enables) a person's account if `actor` manages it; a disabled person's
 * sessions end at once. The refusal's message is generic: each page may say it its own way.
 */
export function setDisabled(actor: Actor, userId: number, disabled: boolean): AccountSwitch {
	const target = getUser(userId);
	if (!target) return { ok: false, status: 404, message: 'Cette personne n’existe pas.' };
	const ref = { organisationId: target.organisationId, role: target.role, userId: target.id };
	if (!can(actor, 'user.manage', ref))
		return {
			ok: false,
			status: 403,
			message: 'Vous ne pouvez pas gérer le compte de cette personne.'
		};
	writeDisabled(actor.id, userId, disabled);
	return {
		ok: true,
		message: disabled
			? `Le compte de ${target.name} est désactivé.`
			: `Le compte de ${target.name} est réactivé.`
	};
}

function writeDisabled(actorId: number, userId: number, disabled: boolean) {
	const db = getDb();
	db.transaction(() => {
		db.update(users)
			.set({ disabledAt: disabled ? clockNow() : null })
			.where(eq(users.id, userId))
			.run();
		if (disabled) invalidateUserSessions(userId);
		audit({
			actorId,
			action: disabled ? 'user.disabled' : 'user.enabled',
			subjectType: 'user',
			subjectId: userId
		});
	});
}

export interface OrganisationInput {
	name: string;
	kind: OrganisationKind;
	shortName?: string | null;
	nisCode?: string | null;
	website?: string | null;
	isCentrale?: boolean;
}

export type SaveResult = { ok: true; id: number } | { ok: false; message: string };

export function createOrganisation(actorId: number, input: OrganisationInput): SaveResult {
	const db = getDb();
	const slug = slugify(input.shortName || input.name);
	const clash = db
		.select({ id: organisations.id })
		.from(organisations)
		.where(eq(organisations.slug, slug))
		.get();
	if (clash) return { ok: false, message: 'Une organisation porte déjà ce nom.' };
	if (input.nisCode) {
		const nis = db
			.select({ id: organisations.id })
			.from(organisations)
			.where(eq(organisations.nisCode, input.nisCode))
			.get();
		if (nis) return { ok: false, message: 'Ce code INS est déjà attribué.' };
	}
	return db.transaction(() => {
		const row = db
			.insert(organisations)
			.values({
				...input,
				searchName: normalizeForSearch(input.name),
				slug,
				isCentrale:
					input.isCentrale ?? (input.kind === 'intercommunale' || input.kind === 'centrale')
			})
			.returning({ id: organisations.id })
			.get();
		audit({
			actorId,
			action: 'organisation.created',
			subjectType: 'organisation',
			subjectId: row.id,
			details: { ...input }
		});
		return { ok: true as const, id: row.id };
	});
}
