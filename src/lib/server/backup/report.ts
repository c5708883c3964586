/** Tells the people who run the platform that a backup failed: in the portal and by mail. */
import { isNull } from 'drizzle-orm';
import { can } from '../../domain/permissions';
import { formatDateTime } from '../../domain/format';
import { now } from '../clock';
import { publicUrl } from '../config';
import { getDb } from '../db/client';
import { users } from '../db/schema';
import { enqueueMail } from '../mail/outbox';
import { notifyUsers } from '../relay/notifications';
import type { BackupManifest } from './store';

export const BACKUPS_PAGE = '/admin/sauvegardes';

export function reportBackupFailure(backup: BackupManifest) {
	const admins = getDb()
		.select({
			id: users.id,
			role: users.role,
			organisationId: users.organisationId,
			email: users.email
		})
		.from(users)
		.where(isNull(users.disabledAt))
		.all()
		.filter((user) => can(user, 'backup.manage'));
	const when = formatDateTime(new Date(backup.takenAt));
	const title = `La sauvegarde du ${when} a échoué : ${backup.problems[0] ?? 'cause inconnue'}`;
	notifyUsers(
		admins.map((a) => a.id),
		'backup.failed',
		title,
		BACKUPS_PAGE,
		now()
	);
	const text = [
		`La sauvegarde du ${when} (${backup.name}) n'a pas passé sa vérification.`,
		'',
		...backup.problems.map((p) => `- ${p}`),
		'',
		'Les sauvegardes précédentes restent disponibles. Détails et marche à suivre :',
		publicUrl(BACKUPS_PAGE)
	].join('\n');
	for (const admin of admins)
		enqueueMail({
			to: admin.email,
			subject: 'Centrale : une sauvegarde a échoué',
			text,
			kind: 'backup.failed'
		});
}
