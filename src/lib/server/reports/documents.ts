/**
 * A report's Automerge document: created by the server with the report's row, so every browser
 * edits the same fields of the same first change (two browsers each creating the fields would
 * make conflicting objects, and one side's text would be hidden).
 */
import * as A from '@automerge/automerge';
import { generateAutomergeUrl, parseAutomergeUrl } from '@automerge/automerge-repo';
import { emptyReport } from '../../domain/reports/shape';
import { createAutomergeDoc } from '../collab/automerge-documents';
import { bindActor } from './actors';
import { reportDocName } from './doc-access';

/** A fresh automerge-repo DocumentId (random, base58check), under which browsers sync a report. */
export function newAutomergeId(): string {
	return parseAutomergeUrl(generateAutomergeUrl()).documentId;
}

/**
 * Stores the first state of report `reportId`'s document; its actor is bound to nobody. `at`
 * dates that first change (the demo's back-dated reports); by default, now.
 */
export function createReportDocument(reportId: number, at?: Date) {
	const doc = at
		? A.change(
				A.init<Record<string, unknown>>(),
				{ time: Math.floor(at.getTime() / 1000) },
				(d) => {
					Object.assign(d, emptyReport());
				}
			)
		: A.from<Record<string, unknown>>({ ...emptyReport() });
	createAutomergeDoc(reportDocName(reportId), 'report', doc);
	bindActor(reportId, A.getActorId(doc), null);
	A.free(doc);
}
