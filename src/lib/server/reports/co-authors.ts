/**
 * Co-authors of a report: the commune's own people invite a person of a partner commune or of
 * the centrale who shared the deployment, and may remove them. The invited person writes the
 * draft (the hub asks `can()` on every request) but does not publish or invite. Removing one
 * tells open sockets to recheck, so a removed co-author's editor stops writing at once. Addresses
 * are only ever typed by the inviter, never shown back.
 */
import { and, asc, eq } from 'drizzle-orm';
import { can, type Actor } from '../../domain/permissions';
import { coAuthorVerdict } from '../../domain/reports/co-authors';
import { audit } from '../audit';
import { normalizeEmail } from '../auth/accounts';
import { getDb } from '../db/client';
import { organisations, reportAuthors, reports, users } from '../db/schema';
import { emit } from '../events';
import { notify } from '../relay/notify';
import { reportDocName, reportRef } from './doc-access';
import { refused, type ReportResult } from './reports';

/** The page: who writes the report, and whether the viewer may change that. null: not found. */
export function coAuthorsPage(viewer: Actor, reportId: number) {
	const ref = reportRef(reportId);
	// only those who write it see who does; anyone else is told the draft does not exist
	if (!ref || !can(viewer, 'report.edit', ref)) return null;
	const db = getDb();
	const report = db
		.select({ id: reports.id, title: reports.title, communeName: organisations.name })
		.from(reports)
		.innerJoin(organisations, eq(organisations.id, reports.organisationId))
		.where(eq(reports.id, reportId))
		.get()!;
	const coAuthors = db
		.select({
			id: users.id,
			name: users.name,
			organisation: organisations.name,
			organisationShortName: organisations.shortName
		})
		.from(reportAuthors)
		.innerJoin(users, eq(users.id, reportAuthors.userId))
		.innerJoin(organisations, eq(organisations.id, users.organisationId))
		.where(eq(reportAuthors.reportId, reportId))
		.orderBy(asc(users.name))
		.all()
		.map(({ organisationShortName, organisation, ...person }) => ({
			...person,
			organisation: organisationShortName ?? organisation
		}));
	return { report, coAuthors, canManage: can(viewer, 'report.manageAuthors', ref) };
}

export function inviteCoAuthor(
	inviter: Actor & { name: string },
	reportId: number,
	email: string
): ReportResult<string> {
	const ref = reportRef(reportId);
	if (!ref) return refused('Ce retour est introuvable.', 404);
	if (!can(inviter, 'report.manageAuthors', ref))
		return refused('Seules les personnes de la commune choisissent qui écrit son retour.');
	const db = getDb();
	const found = db
		.select({
			id: users.id,
			name: users.name,
			role: users.role,
			organisationId: users.organisationId,
			disabledAt: users.disabledAt
		})
		.from(users)
		.where(eq(users.email, normalizeEmail(email)))
		.get();
	const candidate = found
		? {
				id: found.id,
				organisationId: found.organisationId,
				disabled: !!found.disabledAt,
				mayCoWrite: can(found, 'report.coWrite', ref)
			}
		: null;
	const verdict = coAuthorVerdict(ref, candidate);
	if (!verdict.ok) return refused(verdict.message, 400, 'email');
	const person = found!;
	db.insert(reportAuthors).values({ reportId, userId: person.id }).onConflictDoNothing().run();
	const title = db
		.select({ title: reports.title })
		.from(reports)
		.where(eq(reports.id, reportId))
		.get()!.title;
	notify([person.id], {
		// writing together, as in a working group: the same preference
		kind: 'group.report-co-author',
		title: `${inviter.name} vous invite à co-écrire « ${title} »`,
		body: `${inviter.name} vous invite à co-écrire le retour d'expérience « ${title} ». Vous pouvez le compléter dès maintenant ; sa commune le publiera.`,
		link: `/retours/${reportId}`
	});
	audit({
		actorId: inviter.id,
		action: 'report.coAuthor.add',
		subjectType: 'report',
		subjectId: reportId,
		details: { userId: person.id }
	});
	return { ok: true, value: person.name };
}

export function removeCoAuthor(
	actor: Actor,
	reportId: number,
	userId: number
): ReportResult<string> {
	const ref = reportRef(reportId);
	if (!ref) return refused('Ce retour est introuvable.', 404);
	if (!can(actor, 'report.manageAuthors', ref))
		return refused('Seules les personnes de la commune choisissent qui écrit son retour.');
	const db = getDb();
	const person = db.select({ name: users.name }).from(users).where(eq(users.id, userId)).get();
	const removed = db
		.delete(reportAuthors)
		.where(and(eq(reportAuthors.reportId, reportId), eq(reportAuthors.userId, userId)))
		.run().changes;
	if (!removed || !person) return refused('Cette personne n’est pas co-auteur de ce retour.', 400);
	// their open editor must stop writing now, not at their next connection
	emit('rights.changed', { userId, docName: reportDocName(reportId) });
	audit({
		actorId: actor.id,
		action: 'report.coAuthor.remove',
		subjectType: 'report',
		subjectId: reportId,
		details: { userId }
	});
	return { ok: true, value: person.name };
}
