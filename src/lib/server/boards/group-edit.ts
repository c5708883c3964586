/**
 * Editing a working group after creation, with an optimistic version check like the catalogue's
 * back office: a save names the version its form was opened at; if someone changed the group
 * since, nothing is written and the refusal names what changed and who changed it.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import { PHASE_LABELS, canSwitchPhase, type Phase } from '../../domain/boards/phases';
import type { Actor } from '../../domain/permissions';
import { audit } from '../audit';
import { getDb } from '../db/client';
import { auditLog, users, workingGroups } from '../db/schema';
import { emit } from '../events';
import type { GroupFieldsInput } from './group-form';
import { notifyPhaseChange, type GroupSummary } from './groups';
import { now as clockNow } from '../clock';

export type GroupEditFields = GroupFieldsInput & { phase: Phase };

/** French names of the fields, for the conflict message */
export const GROUP_FIELD_LABELS: Record<keyof GroupEditFields, string> = {
	title: 'titre',
	theme: 'thématique',
	description: 'description',
	visibility: 'visibilité',
	collectingFrom: 'début du recueil des besoins',
	prioritisingFrom: 'début de la priorisation',
	phasingFrom: 'début du phasage',
	closesOn: 'date de clôture',
	agentsMayVote: 'vote des agents',
	phase: 'phase en cours'
};

const KEYS = Object.keys(GROUP_FIELD_LABELS) as (keyof GroupEditFields)[];

export type EditOutcome =
	| { ok: true; version: number; changed: (keyof GroupEditFields)[] }
	| { ok: false; field: 'form' | 'phase'; message: string };

export function updateGroup(
	group: GroupSummary,
	version: number,
	input: GroupEditFields,
	by: Actor,
	now = clockNow()
): EditOutcome {
	const db = getDb();
	const current = db.select().from(workingGroups).where(eq(workingGroups.id, group.id)).get();
	if (!current) return { ok: false, field: 'form', message: 'Ce groupe n’existe plus.' };
	if (current.version !== version)
		return { ok: false, field: 'form', message: conflictMessage(group.id, version) };
	const phaseMoves = input.phase !== current.phase;
	if (phaseMoves && !canSwitchPhase(current.phase, input.phase))
		return {
			ok: false,
			field: 'phase',
			message: `Depuis « ${PHASE_LABELS[current.phase]} », le groupe ne peut passer qu’à la phase suivante ou revenir à la précédente.`
		};
	const changed = KEYS.filter((k) => (current[k] ?? null) !== (input[k] ?? null));
	if (!changed.length) return { ok: true, version, changed };
	const saved = db.transaction(() => {
		const result = db
			.update(workingGroups)
			.set({ ...input, version: version + 1 })
			.where(and(eq(workingGroups.id, group.id), eq(workingGroups.version, version)))
			.run();
		if (result.changes === 0) return false;
		audit(
			{
				actorId: by.id,
				action: 'group.edit',
				subjectType: 'working_group',
				subjectId: group.id,
				details: {
					fromVersion: version,
					changed,
					before: Object.fromEntries(changed.map((k) => [k, current[k]])),
					after: Object.fromEntries(changed.map((k) => [k, input[k]]))
				}
			},
			now
		);
		return true;
	});
	if (!saved) return { ok: false, field: 'form', message: conflictMessage(group.id, version) };
	// visibility and phase decide who may read or write the board: live sockets recheck
	if (group.boardId && (phaseMoves || changed.includes('visibility')))
		emit('rights.changed', { docName: `board:${group.boardId}` });
	if (phaseMoves) notifyPhaseChange({ id: group.id, title: input.title }, input.phase, now);
	return { ok: true, version: version + 1, changed };
}

function conflictMessage(groupId: number, version: number): string {
	const rows = getDb()
		.select({ details: auditLog.details, action: auditLog.action, name: users.name })
		.from(auditLog)
		.leftJoin(users, eq(users.id, auditLog.actorId))
		.where(
			and(
				eq(auditLog.subjectType, 'working_group'),
				eq(auditLog.subjectId, String(groupId)),
				inArray(auditLog.action, ['group.edit', 'group.phase'])
			)
		)
		.orderBy(asc(auditLog.id))
		.all();
	const changed = new Set<string>();
	const who = new Set<string>();
	for (const row of rows) {
		const details = JSON.parse(row.details ?? '{}') as {
			fromVersion?: number;
			changed?: (keyof GroupEditFields)[];
		};
		if ((details.fromVersion ?? 0) < version) continue;
		if (row.action === 'group.phase') changed.add(GROUP_FIELD_LABELS.phase);
		for (const key of details.changed ?? []) changed.add(GROUP_FIELD_LABELS[key] ?? key);
		if (row.name) who.add(row.name);
	}
	const what = changed.size ? ` Champs modifiés : ${[...changed].join(', ')}.` : '';
	const by = who.size ? ` par ${[...who].join(', ')}` : '';
	return `Ce groupe a été modifié${by} depuis que vous avez ouvert le formulaire : vos changements n’ont pas été enregistrés.${what} Rechargez la page pour voir la version actuelle, puis refaites vos modifications.`;
}
