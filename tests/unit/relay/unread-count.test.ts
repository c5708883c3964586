/** unreadCount on a real temp database: the root layout's badge on every page. */
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '../../../src/lib/server/db/client';
import { notifications, organisations, users } from '../../../src/lib/server/db/schema';
import { unreadCount } from '../../../src/lib/server/relay/notifications';
import { useTempDatabase } from '../../support/temp-db';

useTempDatabase('unread-count');

let ada: number;
let bob: number;

beforeAll(() => {
	const db = getDb();
	const organisationId = db
		.insert(organisations)
		.values({ kind: 'commune', name: 'Test', searchName: 'test', slug: 'test' })
		.returning({ id: organisations.id })
		.get().id;
	const user = (email: string) =>
		db
			.insert(users)
			.values({ email, name: email, role: 'agent', organisationId, passwordHash: 'x' })
			.returning({ id: users.id })
			.get().id;
	ada = user('ada@test.demo');
	bob = user('bob@test.demo');
	const at = new Date('2026-03-01T09:00:00Z');
	const notification = { kind: 'test', title: 'Titre', link: '/' };
	db.insert(notifications)
		.values([
			{ ...notification, userId: ada },
			{ ...notification, userId: ada },
			{ ...notification, userId: ada, readAt: at },
			{ ...notification, userId: ada, archivedAt: at },
			{ ...notification, userId: bob }
		])
		.run();
});

describe('unreadCount', () => {
	it("counts the user's own notifications neither read nor archived", () => {
		expect(unreadCount(ada)).toBe(2);
		expect(unreadCount(bob)).toBe(1);
		expect(unreadCount(bob + 1)).toBe(0);
	});
});
