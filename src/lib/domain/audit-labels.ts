/** French wording of audit actions for the journal; unknown actions show their code. */
const LABELS: Record<string, string> = {
	'session.login': 'Connexion',
	'user.invited': 'Invitation envoyée',
	'user.invitationAccepted': 'Invitation acceptée, compte créé',
	'user.passwordChanged': 'Mot de passe changé',
	'user.passwordResetRequested': 'Réinitialisation du mot de passe demandée',
	'user.passwordReset': 'Mot de passe réinitialisé',
	'user.roleChanged': 'Rôle modifié',
	'user.disabled': 'Compte désactivé',
	'user.enabled': 'Compte réactivé',
	'organisation.created': 'Organisation ajoutée',
	'group.edit': 'Groupe de travail modifié',
	'group.feed.rotate': 'Nouveau lien d’agenda d’un groupe',
	'board.wave.rename': 'Vague renommée',
	'board.wave.move': 'Vague déplacée',
	'board.wave.delete': 'Vague supprimée',
	'budgetCalendar.save': 'Calendrier budgétaire enregistré',
	'budgetCalendar.reset': 'Calendrier budgétaire remis par défaut',
	'supplier.create': 'Adjudicataire ajouté',
	'supplier.update': 'Adjudicataire corrigé'
};

export function auditLabel(action: string): string {
	return LABELS[action] ?? action;
}
