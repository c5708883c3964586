/**
 * The texts of the generated documents: templates with {placeholders}, kept as data (the built-in
 * version 0 below, then the buyers' versions in the database). A line starting with « # » is the
 * title, « ## » a heading, « - » an item; any other line is a paragraph. Walloon deliberations are
 * written « Vu … / Considérant … / Décide : » (budget.md §5 for the legal references).
 */
import type { DocumentKind } from './documents';

export const PLACEHOLDERS: Record<string, string> = {
	commune: 'nom du pouvoir local',
	nis: 'code INS (NIS) de la commune',
	centrale: 'nom de la centrale d’achat',
	marche: 'référence du marché',
	intitule: 'intitulé du marché',
	lots: 'lot(s) visé(s)',
	quantites: 'postes et quantités envisagés',
	montantHtva: 'montant estimé total hors TVA',
	montantTvac: 'montant estimé total TVA comprise',
	montantsParExercice: 'montants estimés par exercice (une ligne par année)',
	nature: 'service budgétaire suggéré',
	article: 'article budgétaire suggéré, à confirmer',
	exercice: 'premier exercice budgétaire',
	debut: 'mois de début souhaité',
	vehicule: 'véhicule budgétaire (budget initial, MB1, MB2)',
	date: 'date de génération du document'
};

/** The sample commune a buyer previews a template with: every placeholder has a value. */
export const SAMPLE_VALUES: Record<keyof typeof PLACEHOLDERS, string> = {
	commune: 'Commune exemple',
	nis: '99999',
	centrale: 'Centrale exemple',
	marche: 'EX-2026-01',
	intitule: 'Marché exemple',
	lots: 'lot 1 « Lot exemple »',
	quantites: '- Abonnement annuel : 1 forfait à 1 200,00 € HTVA (récurrent, TVA 21 %)',
	montantHtva: '3 600,00 €',
	montantTvac: '4 356,00 €',
	montantsParExercice:
		'- 2027 : 1 200,00 € HTVA (1 452,00 € TVAC)\n- 2028 : 1 200,00 € HTVA (1 452,00 € TVAC)',
	nature: 'service ordinaire',
	article: '104/123-13',
	exercice: '2027',
	debut: 'mars 2027',
	vehicule: 'Budget initial 2027',
	date: '7 décembre 2026'
};

const PLACEHOLDER = /\{([^{}\s]*)\}/g;

/** The placeholders a template uses that do not exist, in order of appearance, without repeats. */
export function unknownPlaceholders(body: string): string[] {
	const unknown = [...body.matchAll(PLACEHOLDER)]
		.map((m) => m[1])
		.filter((name) => !Object.hasOwn(PLACEHOLDERS, name));
	return [...new Set(unknown)];
}

/** A French refusal naming the unknown placeholders and listing the valid ones, or null. */
export function templateProblem(body: string): string | null {
	if (body.trim() === '') return 'Le modèle est vide.';
	const unknown = unknownPlaceholders(body);
	if (unknown.length === 0) return null;
	const valid = Object.keys(PLACEHOLDERS)
		.map((p) => `{${p}}`)
		.join(', ');
	const names = unknown.map((u) => `{${u}}`).join(', ');
	return `Champ${unknown.length > 1 ? 's' : ''} inconnu${unknown.length > 1 ? 's' : ''} : ${names}. Champs valides : ${valid}.`;
}

export function fillTemplate(body: string, values: Record<string, string>): string {
	return body.replace(PLACEHOLDER, (whole, name: string) => values[name] ?? whole);
}

export type BlockKind = 'title' | 'heading' | 'item' | 'paragraph';
export interface Block {
	kind: BlockKind;
	text: string;
}

/** A filled text as blocks, for the .docx and the printable HTML alike. */
export function toBlocks(text: string): Block[] {
	return text
		.split(/\r?\n/)
		.map((line) => line.trim())
		.filter((line) => line !== '')
		.map((line): Block => {
			if (line.startsWith('## ')) return { kind: 'heading', text: line.slice(3) };
			if (line.startsWith('# ')) return { kind: 'title', text: line.slice(2) };
			if (line.startsWith('- ')) return { kind: 'item', text: line.slice(2) };
			return { kind: 'paragraph', text: line };
		});
}

const LEGAL_CENTRALE =
	'l’article L1222-7 du Code de la démocratie locale et de la décentralisation et les articles 2, 6° et 7°, et 47 de la loi du 17 juin 2016 relative aux marchés publics';

export const BUILT_IN_TEMPLATES: Record<DocumentKind, string> = {
	budgetSheet: `# Fiche budgétaire — {intitule}
Pouvoir local : {commune} (INS {nis})
Centrale d’achat : {centrale} — marché {marche}, {lots}
Début souhaité : {debut} ; crédit à inscrire : {vehicule}
## Postes et quantités
{quantites}
## Montants estimés par exercice
{montantsParExercice}
Total estimé : {montantHtva} HTVA, soit {montantTvac} TVAC.
## Imputation
Service suggéré : {nature}.
Article : {article} — article à confirmer par le directeur financier.
Document établi le {date} à partir du catalogue de la centrale ; montants estimés sur la base du bordereau de prix.`,
	councilMembership: `# Conseil communal de {commune} — Adhésion à la centrale d’achat {centrale}
## Le Conseil,
Vu le Code de la démocratie locale et de la décentralisation, notamment l’article L1222-7 ;
Vu la loi du 17 juin 2016 relative aux marchés publics, notamment les articles 2, 6° et 7°, et 47 ;
Considérant que {centrale} agit en qualité de centrale d’achat au sens de ${LEGAL_CENTRALE} ;
Considérant qu’un pouvoir adjudicateur qui recourt à une centrale d’achat est dispensé d’organiser lui-même une procédure de passation ;
Considérant que l’adhésion n’emporte aucune obligation de commande ;
Considérant que la commune envisage notamment de recourir au marché {marche} ({intitule}) ;
## Décide :
- Article 1er : d’adhérer à la centrale d’achat {centrale} et d’approuver la convention d’adhésion.
- Article 2 : de charger le Collège communal de l’exécution de la présente délibération.
- Article 3 : de transmettre la présente délibération à {centrale}.
Commune de {commune} — code INS {nis} — {date}`,
	collegeInterest: `# Collège communal de {commune} — Manifestation d’intérêt pour le marché {marche}
## Le Collège,
Vu la loi du 17 juin 2016 relative aux marchés publics, notamment l’article 47 ;
Vu la délibération du Conseil communal portant adhésion à la centrale d’achat {centrale} ;
Considérant que {centrale} prépare le marché {marche} ({intitule}), {lots} ;
Considérant qu’un accord-cadre doit indiquer la quantité ou la valeur maximale des prestations et qu’il est épuisé lorsque cette limite est atteinte (CJUE, 19 décembre 2018, C-216/17, Coopservice ; CJUE, 17 juin 2021, C-23/20, Simonsen & Weel) ;
Considérant les besoins estimés de la commune :
{quantites}
Considérant que le montant maximal estimé s’élève à {montantHtva} HTVA, soit {montantTvac} TVAC ;
## Décide :
- Article 1er : de manifester l’intérêt de la commune de {commune} (INS {nis}) pour le marché {marche} pour les quantités maximales ci-dessus.
- Article 2 : de transmettre la présente décision à {centrale}.
{date}`,
	collegeOrder: `# Collège communal de {commune} — Adhésion au marché {marche} et commande
## Le Collège,
Vu le Code de la démocratie locale et de la décentralisation, notamment les articles L1222-3 et L1124-40 ;
Vu la loi du 17 juin 2016 relative aux marchés publics, notamment l’article 47 ;
Vu la délibération du Conseil communal portant adhésion à la centrale d’achat {centrale} ;
Considérant que {centrale} a attribué le marché {marche} ({intitule}), {lots} ;
Considérant que la commune n’organise dès lors aucune procédure de passation ;
Considérant que le crédit nécessaire est inscrit au budget {exercice}, article {article} ;
Considérant l’avis de légalité du directeur financier lorsqu’il est requis ;
## Décide :
- Article 1er : d’adhérer au marché {marche} de la centrale d’achat {centrale}.
- Article 2 : de commander les prestations suivantes :
{quantites}
- Article 3 : d’engager la dépense estimée à {montantHtva} HTVA, soit {montantTvac} TVAC, sur l’article {article} de l’exercice {exercice} ; bon de commande n° ……
- Article 4 : de transmettre la présente décision à {centrale} et au directeur financier.
Commune de {commune} — code INS {nis} — {date}`
};
