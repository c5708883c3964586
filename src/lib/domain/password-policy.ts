/** Password rules (NIST 800-63B: length over composition rules). Returns a French message or null. */
export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 200;

export function passwordProblem(password: string, email?: string): string | null {
	if (password.length < MIN_PASSWORD_LENGTH)
		return `Le mot de passe doit compter au moins ${MIN_PASSWORD_LENGTH} caractères.`;
	if (password.length > MAX_PASSWORD_LENGTH)
		return `Le mot de passe ne peut pas dépasser ${MAX_PASSWORD_LENGTH} caractères.`;
	if (email && password.toLowerCase() === email.toLowerCase())
		return 'Le mot de passe ne peut pas être votre adresse e-mail.';
	if (/^(.)\1+$/.test(password)) return 'Choisissez un mot de passe moins prévisible.';
	return null;
}
