/** Changing and resetting passwords (logging in is login.ts). */
import { and, eq, gt, isNull } from 'drizzle-orm';
import { audit } from '../audit';
import { publicUrl } from '../config';
import { getDb } from '../db/client';
import { passwordResets, users } from '../db/schema';
import { enqueueMail } from '../mail/outbox';
import { forgetOutstandingLinks } from './outstanding-links';
import { hashPassword, verifyPassword } from './password';
import { invalidateUserSessions } from './session';
import { generateToken, hashToken } from './tokens';

export const RESET_LIFETIME_MS = 60 * 60 * 1000;

export const normalizeEmail = (email: string) => email.trim().toLowerCase();

/**
 * Changes the password after checking the current one; other sessions and outstanding reset
 * links are ended.
 */
export async function changePassword(
	userId: number,
	currentPassword: string,
	newPassword: string,
	keepSessionId: string
): Promise<boolean> {
	const db = getDb();
	const user = db
		.select({ hash: users.passwordHash, email: users.email })
		.from(users)
		.where(eq(users.id, userId))
		.get();
	if (!user || !(await verifyPassword(user.hash, currentPassword))) return false;
	const passwordHash = await hashPassword(newPassword);
	db.transaction(() => {
		db.update(users).set({ passwordHash }).where(eq(users.id, userId)).run();
		forgetOutstandingLinks(userId, user.email);
		invalidateUserSessions(userId, keepSessionId);
		audit({
			actorId: userId,
			action: 'user.passwordChanged',
			subjectType: 'user',
			subjectId: userId
		});
	});
	return true;
}

/**
 * Emails a reset link when the account exists and is active. The caller always shows the same
 * message, so the form cannot be used to learn which addresses have accounts. The link is built
 * on the configured public address, never on the request's Host: whoever sends the request
 * chooses that one, and would receive the victim's token.
 */
export function requestPasswordReset(email: string, now = new Date()) {
	const db = getDb();
	const user = db
		.select({ id: users.id, name: users.name, email: users.email, disabledAt: users.disabledAt })
		.from(users)
		.where(eq(users.email, normalizeEmail(email)))
		.get();
	if (!user || user.disabledAt) return;
	const token = generateToken();
	db.transaction(() => {
		db.insert(passwordResets)
			.values({
				tokenHash: hashToken(token),
				userId: user.id,
				expiresAt: new Date(now.getTime() + RESET_LIFETIME_MS)
			})
			.run();
		enqueueMail({
			to: user.email,
			kind: 'password-reset',
			subject: 'Centrale — réinitialiser votre mot de passe',
			text: [
				`Bonjour ${user.name},`,
				'',
				'Une réinitialisation du mot de passe de votre compte Centrale a été demandée.',
				'Pour choisir un nouveau mot de passe, ouvrez ce lien (valable une heure, une seule fois) :',
				'',
				publicUrl(`/reinitialiser/${token}`),
				'',
				"Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : votre mot de passe reste inchangé.",
				'',
				"— Centrale, la centrale d'achat de solutions numériques"
			].join('\n')
		});
		audit(
			{
				actorId: null,
				action: 'user.passwordResetRequested',
				subjectType: 'user',
				subjectId: user.id
			},
			now
		);
	});
}

/** The user a reset token belongs to, when it is valid, unused and not expired. */
export function findPasswordReset(token: string, now = new Date()) {
	return getDb()
		.select({ id: passwordResets.id, userId: passwordResets.userId, email: users.email })
		.from(passwordResets)
		.innerJoin(users, eq(users.id, passwordResets.userId))
		.where(
			and(
				eq(passwordResets.tokenHash, hashToken(token)),
				isNull(passwordResets.usedAt),
				gt(passwordResets.expiresAt, now)
			)
		)
		.get();
}

/**
 * Sets the new password, spends the token (and every other link that could set it again) and
 * ends every session of the account.
 */
export async function completePasswordReset(token: string, newPassword: string, now = new Date()) {
	const reset = findPasswordReset(token, now);
	if (!reset) return null;
	const passwordHash = await hashPassword(newPassword);
	const db = getDb();
	return db.transaction(() => {
		// spend the token inside the transaction: a second concurrent use finds it used
		const spent = db
			.update(passwordResets)
			.set({ usedAt: now })
			.where(and(eq(passwordResets.id, reset.id), isNull(passwordResets.usedAt)))
			.run();
		if (spent.changes === 0) return null;
		db.update(users).set({ passwordHash }).where(eq(users.id, reset.userId)).run();
		forgetOutstandingLinks(reset.userId, reset.email);
		invalidateUserSessions(reset.userId);
		audit(
			{
				actorId: reset.userId,
				action: 'user.passwordReset',
				subjectType: 'user',
				subjectId: reset.userId
			},
			now
		);
		return { userId: reset.userId };
	});
}
