/** Invitations: the only way accounts are created (besides demo and reference data). */
import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import { ROLE_LABELS, type Role } from '../../domain/roles';
import { audit } from '../audit';
import { publicUrl } from '../config';
import { getDb } from '../db/client';
import { invitations, organisations, users } from '../db/schema';
import { enqueueMail } from '../mail/outbox';
import { normalizeEmail } from './accounts';
import { forgetOutstandingLinks } from './outstanding-links';
import { hashPassword } from './password';
import { generateToken, hashToken } from './tokens';

export const INVITATION_LIFETIME_MS = 14 * 24 * 60 * 60 * 1000;

export interface InvitationInput {
	email: string;
	name: string;
	role: Role;
	organisationId: number;
}

export type InviteResult = { ok: true; id: number } | { ok: false; message: string };

/**
 * Creates the invitation and emails its link (on the configured public address, never the
 * request's Host). Refuses an address that already has an account.
 */
export function inviteUser(
	input: InvitationInput,
	invitedBy: { id: number; name: string },
	now = new Date()
): InviteResult {
	const db = getDb();
	const email = normalizeEmail(input.email);
	const existing = db.select({ id: users.id }).from(users).where(eq(users.email, email)).get();
	if (existing) return { ok: false, message: 'Un compte existe déjà pour cette adresse e-mail.' };
	const organisation = db
		.select({ name: organisations.name })
		.from(organisations)
		.where(eq(organisations.id, input.organisationId))
		.get();
	if (!organisation) return { ok: false, message: "Cette organisation n'existe pas." };
	const token = generateToken();
	const id = db.transaction(() => {
		// a new invitation replaces any still-open one for the same address
		db.update(invitations)
			.set({ revokedAt: now })
			.where(
				and(
					eq(invitations.email, email),
					isNull(invitations.acceptedAt),
					isNull(invitations.revokedAt)
				)
			)
			.run();
		const row = db
			.insert(invitations)
			.values({
				tokenHash: hashToken(token),
				email,
				name: input.name,
				role: input.role,
				organisationId: input.organisationId,
				invitedBy: invitedBy.id,
				expiresAt: new Date(now.getTime() + INVITATION_LIFETIME_MS)
			})
			.returning({ id: invitations.id })
			.get();
		enqueueMail({
			to: email,
			kind: 'invitation',
			subject: `Centrale — ${invitedBy.name} vous invite`,
			text: [
				`Bonjour ${input.name},`,
				'',
				`${invitedBy.name} vous invite à rejoindre Centrale, le portail de la centrale d'achat de solutions numériques,`,
				`en tant que ${ROLE_LABELS[input.role].toLowerCase()} pour ${organisation.name}.`,
				'',
				'Pour activer votre compte et choisir votre mot de passe, ouvrez ce lien (valable 14 jours) :',
				'',
				publicUrl(`/invitation/${token}`),
				'',
				"— Centrale, la centrale d'achat de solutions numériques"
			].join('\n')
		});
		audit(
			{
				actorId: invitedBy.id,
				action: 'user.invited',
				subjectType: 'invitation',
				subjectId: row.id,
				details: { email, role: input.role, organisationId: input.organisationId }
			},
			now
		);
		return row.id;
	});
	return { ok: true, id };
}

/** An open invitation for this token, with its organisation's name. */
export function findInvitation(token: string, now = new Date()) {
	return getDb()
		.select({
			id: invitations.id,
			email: invitations.email,
			name: invitations.name,
			role: invitations.role,
			organisationId: invitations.organisationId,
			organisationName: organisations.name
		})
		.from(invitations)
		.innerJoin(organisations, eq(organisations.id, invitations.organisationId))
		.where(
			and(
				eq(invitations.tokenHash, hashToken(token)),
				isNull(invitations.acceptedAt),
				isNull(invitations.revokedAt),
				gt(invitations.expiresAt, now)
			)
		)
		.get();
}

/** Creates the account from an open invitation and spends it; null when no longer valid. */
export async function acceptInvitation(
	token: string,
	name: string,
	password: string,
	now = new Date()
) {
	const invitation = findInvitation(token, now);
	if (!invitation) return null;
	const passwordHash = await hashPassword(password);
	const db = getDb();
	return db.transaction(() => {
		const spent = db
			.update(invitations)
			.set({ acceptedAt: now })
			.where(and(eq(invitations.id, invitation.id), isNull(invitations.acceptedAt)))
			.run();
		if (spent.changes === 0) return null;
		const taken = db
			.select({ id: users.id })
			.from(users)
			.where(eq(users.email, invitation.email))
			.get();
		if (taken) return null;
		const user = db
			.insert(users)
			.values({
				email: invitation.email,
				name,
				role: invitation.role,
				organisationId: invitation.organisationId,
				passwordHash
			})
			.returning({ id: users.id })
			.get();
		forgetOutstandingLinks(user.id, invitation.email);
		audit(
			{
				actorId: user.id,
				action: 'user.invitationAccepted',
				subjectType: 'user',
				subjectId: user.id
			},
			now
		);
		return { userId: user.id };
	});
}

/** Open invitations of an organisation (for its referent) or of everyone (admins, buyers). */
export function listOpenInvitations(organisationId: number | null, now = new Date()) {
	const open = and(
		isNull(invitations.acceptedAt),
		isNull(invitations.revokedAt),
		gt(invitations.expiresAt, now)
	);
	return getDb()
		.select({
			id: invitations.id,
			email: invitations.email,
			name: invitations.name,
			role: invitations.role,
			organisationName: organisations.name,
			expiresAt: invitations.expiresAt
		})
		.from(invitations)
		.innerJoin(organisations, eq(organisations.id, invitations.organisationId))
		.where(
			organisationId == null ? open : and(open, eq(invitations.organisationId, organisationId))
		)
		.orderBy(desc(invitations.createdAt))
		.all();
}
