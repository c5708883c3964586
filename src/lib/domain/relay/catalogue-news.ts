/**
 * Catalogue news for followers: when a contract appears in the catalogue or moves on in its
 * lifecycle, the people who follow its thématique, one of its adjudicataires or the contract
 * itself hear of it once, whatever the number of those subjects they follow. Pure: the server
 * reads the transitions and the followers (server/relay/reminders.ts) and sends the notice.
 */
import { STATUS_LABELS, THEMES, type Theme } from '../catalogue/labels';
import type { ContractStatus } from '../catalogue/types';

export interface NewsContract {
	reference: string;
	title: string;
	theme: string;
	/** the predecessor's reference when this contract is a relaunch */
	relaunchOf: string | null;
	/** the lots' adjudicataires, each once */
	suppliers: readonly string[];
}

export interface NewsFollowers {
	theme: readonly number[];
	suppliers: readonly number[];
	contract: readonly number[];
}

export interface CatalogueNews {
	recipients: number[];
	title: string;
	body: string;
}

const themeLabel = (theme: string) => (theme in THEMES ? THEMES[theme as Theme] : theme);

/** Each follower once, in id order: following a thématique and a supplier is one notice. */
export function concernedFollowers(f: NewsFollowers): number[] {
	return [...new Set([...f.theme, ...f.suppliers, ...f.contract])].sort((a, b) => a - b);
}

/** Who has what to say, for a contract that reached `status` (`published`: it just appeared). */
export function catalogueNews(
	contract: NewsContract,
	status: ContractStatus,
	published: boolean,
	followers: NewsFollowers
): CatalogueNews | null {
	const recipients = concernedFollowers(followers);
	if (!recipients.length) return null;
	const name = `${contract.title} (${contract.reference})`;
	const theme = themeLabel(contract.theme);
	const by = contract.suppliers.join(', ');
	let title: string;
	if (published)
		title = contract.relaunchOf
			? `Relance du marché ${contract.relaunchOf} dans la thématique ${theme} : ${contract.title}`
			: `Nouveau marché dans la thématique ${theme} : ${contract.title}`;
	else if (status === 'awarded' && by) title = `Attribué à ${by} : ${contract.title}`;
	else title = `${STATUS_LABELS[status]} : ${contract.title}`;
	const lines = [
		published
			? `Le marché « ${name} » est publié au catalogue (thématique ${theme}, statut « ${STATUS_LABELS[status]} »).`
			: `Le marché « ${name} » passe au statut « ${STATUS_LABELS[status]} ».`
	];
	if (by) lines.push(`Adjudicataire${contract.suppliers.length > 1 ? 's' : ''} : ${by}.`);
	lines.push('Vous le recevez parce que vous suivez ce marché, sa thématique ou un adjudicataire.');
	return { recipients, title, body: lines.join('\n') };
}
