/**
 * A report with a history, written straight to SQLite for the e2e tests: the server's first
 * change, then two authors' changes an hour apart (each Automerge actor bound to its user as the
 * hub would), so the versions page has three versions, two names and something to diff.
 */
import * as A from '@automerge/automerge';
import { generateAutomergeUrl, parseAutomergeUrl } from '@automerge/automerge-repo';
import type { FixtureDb } from './db';

type Report = {
	story: string;
	lessons: string;
	ratings: Record<string, number | null>;
	[field: string]: unknown;
};

const EMPTY = {
	populationBand: '',
	services: '',
	deployed: '',
	deployedWhen: '',
	costBand: '',
	lessons: '',
	pitfalls: '',
	story: '',
	ratings: { fit: null, deployment: null, support: null, value: null, citizens: null },
	wouldRecommend: null
};

export function seedReportWithHistory(
	db: FixtureDb,
	options: { commune: string; first: string; second: string; title: string }
) {
	const organisationId = db.organisationId(options.commune);
	const { documentId } = parseAutomergeUrl(generateAutomergeUrl());
	const seconds = Math.floor(Date.now() / 1000);
	const reportId = Number(
		db.sqlite
			.prepare(
				`insert into reports (organisation_id, solution_name, supplier_name, status, automerge_id, title, created_by)
				 values (?, ?, 'Cimetix SPRL', 'draft', ?, ?, ?)`
			)
			.run(organisationId, options.title, documentId, options.title, db.userId(options.first))
			.lastInsertRowid
	);
	// the server's first change, three hours ago (A.from would date it now)
	let doc = A.change(A.init<Report>(), { time: seconds - 3 * 3600 }, (d) => {
		Object.assign(d, structuredClone(EMPTY));
	});
	const bind = db.sqlite.prepare(
		'insert into report_actors (report_id, actor, user_id) values (?, ?, ?)'
	);
	bind.run(reportId, A.getActorId(doc), null);

	doc = A.clone(doc);
	bind.run(reportId, A.getActorId(doc), db.userId(options.first));
	doc = A.change(doc, { time: seconds - 2 * 3600 }, (d) => {
		A.splice(d, ['story'], 0, 0, 'Le déploiement a pris trois mois. La formation était courte.');
		d.ratings.deployment = 3;
	});

	doc = A.clone(doc);
	bind.run(reportId, A.getActorId(doc), db.userId(options.second));
	doc = A.change(doc, { time: seconds - 3600 }, (d) => {
		A.splice(d, ['story'], d.story.length, 0, ' Le support a été remarquable.');
		A.splice(d, ['lessons'], 0, 0, 'Prévoir une journée de formation de plus.');
		d.ratings.deployment = 4;
	});

	db.sqlite
		.prepare(
			`insert into documents (name, kind, snapshot, snapshot_seq, updated_at) values (?, 'report', ?, 0, ?)`
		)
		.run(`report:${reportId}`, Buffer.from(A.save(doc)), Date.now());
	return reportId;
}
