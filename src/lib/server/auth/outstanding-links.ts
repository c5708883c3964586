/**
 * What a mailed link could still do once a password is set. A reset link left in a mailbox (or
 * an invitation to the same address) would let whoever reads that mailbox later set the password
 * again, so setting a password, by whichever way, spends all of them.
 */
import { and, eq, isNull } from 'drizzle-orm';
import { getDb } from '../db/client';
import { invitations, passwordResets } from '../db/schema';

/** Deletes every reset token of the user and every open invitation to their address. */
export function forgetOutstandingLinks(userId: number, email: string) {
	const db = getDb();
	db.delete(passwordResets).where(eq(passwordResets.userId, userId)).run();
	db.delete(invitations)
		.where(
			and(
				eq(invitations.email, email),
				isNull(invitations.acceptedAt),
				isNull(invitations.revokedAt)
			)
		)
		.run();
}
