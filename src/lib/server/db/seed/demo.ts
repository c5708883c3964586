/** Demo accounts (all with the password `centrale-demo`), created only in demo mode. */
import { eq } from 'drizzle-orm';
import type { Role } from '../../../domain/roles';
import { hashPassword } from '../../auth/password';
import type { Db } from '../client';
import { organisations, users } from '../schema';

export const DEMO_PASSWORD = 'centrale-demo';

export const DEMO_ACCOUNTS: { email: string; name: string; role: Role; organisation: string }[] = [
	{ email: 'admin@centrale.demo', name: 'Alice Admin', role: 'admin', organisation: 'plateforme' },
	{
		email: 'acheteur@igretec.demo',
		name: 'Isabelle Gérard',
		role: 'buyer',
		organisation: 'igretec'
	},
	{ email: 'acheteur@idea.demo', name: 'Damien Lambert', role: 'buyer', organisation: 'idea' },
	{
		email: 'acheteur@ideta.demo',
		name: 'Tania Vanderplancke',
		role: 'buyer',
		organisation: 'ideta'
	},
	{
		email: 'referent@charleroi.demo',
		name: 'Karim Benali',
		role: 'referent',
		organisation: 'charleroi'
	},
	{ email: 'agent@charleroi.demo', name: 'Chloé Dumont', role: 'agent', organisation: 'charleroi' },
	{ email: 'referent@mons.demo', name: 'Marc Delvaux', role: 'referent', organisation: 'mons' },
	{ email: 'agent@tournai.demo', name: 'Sophie Leclercq', role: 'agent', organisation: 'tournai' },
	{
		email: 'referent@seneffe.demo',
		name: 'Nathalie Hubert',
		role: 'referent',
		organisation: 'seneffe'
	}
];

export async function seedDemoAccounts(db: Db) {
	// one hash for all: the accounts share the password, and argon2 is deliberately slow
	const passwordHash = await hashPassword(DEMO_PASSWORD);
	db.transaction((tx) => {
		for (const account of DEMO_ACCOUNTS) {
			const org = tx
				.select({ id: organisations.id })
				.from(organisations)
				.where(eq(organisations.slug, account.organisation))
				.get();
			if (!org) throw new Error(`demo seed: no organisation ${account.organisation}`);
			tx.insert(users)
				.values({
					email: account.email,
					name: account.name,
					role: account.role,
					organisationId: org.id,
					passwordHash
				})
				.onConflictDoNothing()
				.run();
		}
	});
}
