/**
 * Demo experience reports, written as the hub would have stored them: each report's Automerge
 * document created by the server, then its authors' changes (one Automerge actor per person,
 * bound in report_actors) appended to the document store one by one with their dates, the
 * publications frozen (heads and content) and the projection written. Charleroi's report on the
 * guichet citoyen is co-written over several days by its referent and its agent, published,
 * updated, republished and edited again since, so history, versions and diff have something to
 * show; Mons's report on the expiring telephony contract feeds its relaunch; Seneffe keeps a draft.
 */
import { randomBytes } from 'node:crypto';
import * as A from '@automerge/automerge';
import { and, eq } from 'drizzle-orm';
import type { Module } from '../../../domain/catalogue/types';
import type { RatingKey } from '../../../domain/reports/ratings';
import { readReport, type TextField } from '../../../domain/reports/shape';
import { now } from '../../clock';
import { loadAutomergeDoc } from '../../collab/automerge-documents';
import { appendUpdate } from '../../collab/store';
import { bindActor } from '../../reports/actors';
import { reportDocName } from '../../reports/doc-access';
import { createReportDocument, newAutomergeId } from '../../reports/documents';
import { projectReport } from '../../reports/projection';
import type { Db } from '../client';
import { contracts, lots, organisations, reportPublications, reports, users } from '../schema';

type Edit =
	| { text: TextField; add: string }
	/** replaces the first `find` in the field: a correction */
	| { text: TextField; find: string; replace: string }
	| { rating: RatingKey; value: number }
	| { recommend: boolean };

type Step =
	| { by: string; daysAgo: number; hour: number; edits: Edit[] }
	| { publishBy: string; daysAgo: number; hour: number };

interface DemoReport {
	commune: string;
	contract: string;
	lot: number;
	modules: Module[];
	isPublic: boolean;
	publicNamed: boolean;
	/** one change per edit, as typing makes them (the history to show); else one per sitting */
	changePerEdit?: boolean;
	steps: Step[];
}

const say = (field: TextField, ...sentences: string[]): Edit[] =>
	sentences.map((s, i) => ({ text: field, add: i === 0 ? s : ` ${s}` }));

const KARIM = 'referent@charleroi.demo';
const CHLOE = 'agent@charleroi.demo';
const MARC = 'referent@mons.demo';
const NATHALIE = 'referent@seneffe.demo';

const REPORTS: DemoReport[] = [
	{
		commune: 'charleroi',
		contract: 'IGR-2025-EGU-01',
		lot: 1,
		modules: ['software', 'support', 'training'],
		isPublic: true,
		publicNamed: true,
		changePerEdit: true,
		steps: [
			{
				by: CHLOE,
				daysAgo: 41,
				hour: 9,
				edits: [
					{ text: 'populationBand', add: 'Plus de 100 000 habitants' },
					{ text: 'services', add: 'Population, état civil, service informatique' },
					{
						text: 'deployed',
						add: 'Le guichet en ligne avec 14 formulaires (compositions de ménage, extraits, certificats)'
					},
					{ text: 'deployedWhen', add: 'De septembre à novembre 2025' }
				]
			},
			{
				by: KARIM,
				daysAgo: 41,
				hour: 14,
				edits: [
					{ text: 'costBand', add: 'Entre 25 000 et 50 000 € la première année' },
					...say(
						'story',
						'Nous avons ouvert le guichet en ligne en trois vagues, en commençant par les documents les plus demandés.',
						'La première vague (composition de ménage et certificat de résidence) a été prête en six semaines.',
						'Le fournisseur a repris nos anciens formulaires PDF sans que nous ayons à les réécrire.'
					)
				]
			},
			{
				by: CHLOE,
				daysAgo: 39,
				hour: 10,
				edits: [
					...say(
						'story',
						'Au guichet physique, la file du lundi matin a nettement diminué dès le deuxième mois.',
						'Les agents ont d’abord craint de perdre le contact avec les citoyens ; ils traitent aujourd’hui les demandes en ligne entre deux rendez-vous.',
						'La signature par itsme a demandé un peu d’accompagnement pour les personnes âgées.',
						'Nous avons installé une borne avec un agent d’accueil pour les aider.'
					),
					{ rating: 'fit', value: 5 },
					{ rating: 'deployment', value: 4 }
				]
			},
			{
				by: KARIM,
				daysAgo: 38,
				hour: 11,
				edits: [
					...say(
						'lessons',
						'Commencer par deux ou trois documents très demandés plutôt que par tout le catalogue.',
						'Impliquer les agents du guichet dès le paramétrage des formulaires.',
						'Prévoir une communication aux citoyens (site, bulletin communal, affiches au guichet).'
					),
					...say(
						'pitfalls',
						'Le lien avec le registre national passe par une demande d’accès qui prend plusieurs semaines : la lancer dès l’adhésion.',
						'Les paiements en ligne ne sont pas inclus dans le lot 1 : il faut un contrat séparé avec un prestataire de paiement.',
						'Les modèles de courriels envoyés aux citoyens sont en anglais par défaut.'
					),
					{ rating: 'support', value: 3 },
					{ rating: 'value', value: 4 },
					{ rating: 'citizens', value: 5 },
					{ recommend: true }
				]
			},
			{
				by: CHLOE,
				daysAgo: 38,
				hour: 15,
				edits: [
					{ text: 'story', find: 'un peu d’accompagnement', replace: 'un vrai accompagnement' },
					...say(
						'pitfalls',
						'Vérifier que les formulaires fonctionnent sur téléphone : deux de nos modèles ne s’affichaient pas correctement.'
					)
				]
			},
			{ publishBy: KARIM, daysAgo: 37, hour: 9 },
			{
				by: CHLOE,
				daysAgo: 12,
				hour: 10,
				edits: [
					...say(
						'story',
						'Trois mois après l’ouverture, 38 % des compositions de ménage sont demandées en ligne.',
						'Le fournisseur a corrigé l’affichage sur téléphone dans sa version 4.2.'
					),
					{ rating: 'support', value: 4 }
				]
			},
			{
				by: KARIM,
				daysAgo: 12,
				hour: 16,
				edits: say(
					'lessons',
					'Mesurer dès le départ la part des demandes en ligne : c’est ce chiffre qui a convaincu le collège d’ouvrir la deuxième vague.'
				)
			},
			{ publishBy: KARIM, daysAgo: 11, hour: 9 },
			// written since the last publication: the authors' draft, which readers never see
			{
				by: CHLOE,
				daysAgo: 2,
				hour: 14,
				edits: say(
					'story',
					'Prochaine étape : le paiement en ligne des redevances, en test avec le service finances.'
				)
			}
		]
	},
	{
		commune: 'mons',
		contract: 'IGR-2025-EGU-01',
		lot: 1,
		modules: ['software'],
		isPublic: true,
		publicNamed: false,
		steps: [
			{
				by: MARC,
				daysAgo: 22,
				hour: 10,
				edits: [
					{ text: 'populationBand', add: 'De 50 000 à 100 000 habitants' },
					{ text: 'services', add: 'Population, urbanisme' },
					{ text: 'deployed', add: 'Guichet en ligne, 6 formulaires, sans le module de formation' },
					{ text: 'deployedWhen', add: 'Depuis octobre 2025' },
					...say(
						'story',
						'Nous avons choisi le guichet pour les demandes d’urbanisme, qui arrivaient auparavant par courrier.',
						'Le paramétrage des pièces jointes volumineuses (plans) a demandé plusieurs échanges avec le fournisseur.'
					),
					...say(
						'lessons',
						'Sans le module de formation, comptez du temps interne pour former les agents.'
					),
					...say(
						'pitfalls',
						'La taille maximale des pièces jointes est de 10 Mo par défaut : trop peu pour des plans.'
					),
					{ rating: 'fit', value: 4 },
					{ rating: 'deployment', value: 3 },
					{ rating: 'support', value: 3 },
					{ rating: 'value', value: 4 },
					{ rating: 'citizens', value: 4 },
					{ recommend: true }
				]
			},
			{ publishBy: MARC, daysAgo: 20, hour: 9 }
		]
	},
	{
		commune: 'mons',
		contract: 'IDETA-2022-TEL-01',
		lot: 1,
		modules: ['software', 'support'],
		isPublic: false,
		publicNamed: false,
		steps: [
			{
				by: MARC,
				daysAgo: 63,
				hour: 11,
				edits: [
					{ text: 'populationBand', add: 'De 50 000 à 100 000 habitants' },
					{ text: 'services', add: 'Tous les services, 420 postes' },
					{ text: 'deployed', add: 'Téléphonie fixe hébergée, standard et files d’attente' },
					{ text: 'deployedWhen', add: 'Migration en mars 2023' },
					...say(
						'story',
						'La migration vers la téléphonie hébergée a supprimé notre vieux central et ses contrats de maintenance.',
						'Le standard et les files d’attente fonctionnent bien au quotidien.',
						'En revanche, le portage de nos numéros a pris quatre mois au lieu des six semaines annoncées, et deux coupures ont touché le service population.'
					),
					...say(
						'lessons',
						'Faire valider le plan de numérotation par chaque service avant la migration.'
					),
					...say(
						'pitfalls',
						'Le cahier des charges ne fixait aucun délai de portage des numéros ni de pénalité : à prévoir dans la relance.',
						'Le niveau de service (SLA) en cas de coupure n’était garanti qu’en heures ouvrables.',
						'Les statistiques d’appels ne sont pas exportables, ce qui empêche de suivre la qualité du standard.'
					),
					{ rating: 'fit', value: 3 },
					{ rating: 'deployment', value: 2 },
					{ rating: 'support', value: 2 },
					{ rating: 'value', value: 4 },
					{ rating: 'citizens', value: 3 },
					{ recommend: false }
				]
			},
			{ publishBy: MARC, daysAgo: 60, hour: 9 }
		]
	},
	{
		commune: 'charleroi',
		contract: 'IDEA-2025-CYB-02',
		lot: 1,
		modules: ['audit'],
		isPublic: false,
		publicNamed: false,
		steps: [
			{
				by: KARIM,
				daysAgo: 16,
				hour: 10,
				edits: [
					{ text: 'populationBand', add: 'Plus de 100 000 habitants' },
					{ text: 'services', add: 'Service informatique, direction générale' },
					{ text: 'deployed', add: 'Audit CyberFundamentals (niveau Essential) et plan d’action' },
					{ text: 'deployedWhen', add: 'Novembre 2025' },
					...say(
						'story',
						'L’audit a duré trois semaines sur place et à distance.',
						'Le rapport classe nos 37 constats par priorité, avec une estimation du coût de chaque mesure.',
						'Nous l’avons présenté au collège, qui a inscrit les mesures urgentes au budget.'
					),
					...say(
						'lessons',
						'Rassembler l’inventaire du matériel et des comptes administrateurs avant l’arrivée des auditeurs fait gagner une semaine.'
					),
					...say(
						'pitfalls',
						'Les sauvegardes hors ligne n’étaient pas dans le périmètre : le préciser si vous en avez.'
					),
					{ rating: 'fit', value: 5 },
					{ rating: 'deployment', value: 4 },
					{ rating: 'support', value: 5 },
					{ rating: 'value', value: 4 },
					{ recommend: true }
				]
			},
			{ publishBy: KARIM, daysAgo: 15, hour: 9 }
		]
	},
	{
		commune: 'seneffe',
		contract: 'PROV-2025-FOR-01',
		lot: 1,
		modules: ['training'],
		isPublic: true,
		publicNamed: true,
		steps: [
			{
				by: NATHALIE,
				daysAgo: 9,
				hour: 13,
				edits: [
					{ text: 'populationBand', add: 'De 10 000 à 20 000 habitants' },
					{ text: 'services', add: 'Secrétariat, travaux, CPAS' },
					{ text: 'deployed', add: 'Huit demi-journées de formation bureautique et collaborative' },
					{ text: 'deployedWhen', add: 'Janvier et février 2026' },
					...say(
						'story',
						'Vingt-quatre agents ont suivi les formations, en petits groupes dans nos locaux.',
						'Le formateur a adapté les exercices à nos propres modèles de courriers et de tableaux.'
					),
					...say(
						'lessons',
						'Former par service plutôt que par niveau : les exemples parlent à tous.'
					),
					...say(
						'pitfalls',
						'Réserver une salle avec un poste par participant : les portables personnels ont fait perdre du temps.'
					),
					{ rating: 'fit', value: 4 },
					{ rating: 'deployment', value: 5 },
					{ rating: 'support', value: 4 },
					{ rating: 'value', value: 5 },
					{ rating: 'citizens', value: 3 },
					{ recommend: true }
				]
			},
			{ publishBy: NATHALIE, daysAgo: 8, hour: 9 }
		]
	},
	{
		// a draft: its commune's people see it, nobody else
		commune: 'seneffe',
		contract: 'IDEA-2025-CYB-02',
		lot: 2,
		modules: ['training'],
		isPublic: false,
		publicNamed: false,
		steps: [
			{
				by: NATHALIE,
				daysAgo: 3,
				hour: 15,
				edits: [
					{ text: 'deployed', add: 'Sensibilisation du personnel et campagne de phishing simulé' },
					...say(
						'story',
						'La campagne de phishing simulé a touché 60 agents ; un sur cinq a cliqué au premier envoi.'
					),
					{ rating: 'fit', value: 4 }
				]
			}
		]
	}
];

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

function applyEdit(d: Record<string, unknown>, edit: Edit) {
	if ('rating' in edit) (d.ratings as Record<string, number>)[edit.rating] = edit.value;
	else if ('recommend' in edit) d.wouldRecommend = edit.recommend;
	else if ('add' in edit) {
		// a later passage of the same field starts a new sentence: a space, as an author would type
		const current = d[edit.text] as string;
		const space = current && !/\s$/.test(current) && !/^\s/.test(edit.add) ? ' ' : '';
		A.splice(d, [edit.text], current.length, 0, space + edit.add);
	} else {
		const at = (d[edit.text] as string).indexOf(edit.find);
		if (at < 0) throw new Error(`demo report: « ${edit.find} » not in ${edit.text}`);
		A.splice(d, [edit.text], at, edit.find.length, edit.replace);
	}
}

function seedReport(db: Db, spec: DemoReport, userIds: Map<string, number>, base: number) {
	const organisationId = db
		.select({ id: organisations.id })
		.from(organisations)
		.where(eq(organisations.slug, spec.commune))
		.get()!.id;
	const contract = db
		.select({ id: contracts.id, title: contracts.title })
		.from(contracts)
		.where(eq(contracts.reference, spec.contract))
		.get()!;
	const lot = db
		.select({ id: lots.id })
		.from(lots)
		.where(and(eq(lots.contractId, contract.id), eq(lots.number, spec.lot)))
		.get()!;
	const first = spec.steps[0];
	const createdAt = new Date(base - first.daysAgo * DAY_MS + (first.hour - 1) * HOUR_MS);
	const firstAuthor = userIds.get('by' in first ? first.by : first.publishBy)!;
	const reportId = db
		.insert(reports)
		.values({
			organisationId,
			contractId: contract.id,
			lotId: lot.id,
			modules: spec.modules,
			automergeId: newAutomergeId(),
			title: contract.title,
			isPublic: spec.isPublic,
			publicNamed: spec.publicNamed,
			createdBy: firstAuthor,
			createdAt,
			updatedAt: createdAt
		})
		.returning({ id: reports.id })
		.get().id;
	createReportDocument(reportId, createdAt);
	const name = reportDocName(reportId);
	const created = loadAutomergeDoc<Record<string, unknown>>(name)!;
	let doc = created.doc;
	/** what the store holds for the document, as the size limit counts it */
	let bytes = created.bytes;
	// one Automerge actor per person, as each person's browser has its own
	const actors = new Map<number, string>();
	let firstPublishedAt: Date | null = null;
	let publishedAt: Date | null = null;
	for (const step of spec.steps) {
		const day = base - step.daysAgo * DAY_MS + step.hour * HOUR_MS;
		if ('publishBy' in step) {
			const at = new Date(day);
			db.insert(reportPublications)
				.values({
					reportId,
					heads: A.getHeads(doc),
					content: readReport(A.toJS(doc)),
					publishedBy: userIds.get(step.publishBy)!,
					publishedAt: at
				})
				.run();
			firstPublishedAt ??= at;
			publishedAt = at;
			continue;
		}
		const userId = userIds.get(step.by)!;
		let actor = actors.get(userId);
		if (!actor) {
			actor = randomBytes(16).toString('hex');
			actors.set(userId, actor);
			bindActor(reportId, actor, userId);
		}
		const mine = A.clone(doc, actor);
		A.free(doc);
		doc = mine;
		// each change a few minutes after the previous one: one sitting, one version
		const sittings = spec.changePerEdit ? step.edits.map((e) => [e]) : [step.edits];
		sittings.forEach((edits, i) => {
			const at = day + i * 3 * 60_000;
			doc = A.change(doc, { time: Math.floor(at / 1000) }, (d) => {
				for (const edit of edits) applyEdit(d, edit);
			});
			const change = A.getLastLocalChange(doc)!;
			appendUpdate(name, change, userId, at);
			bytes += change.byteLength;
		});
	}
	db.update(reports)
		.set({
			status: publishedAt ? 'published' : 'draft',
			firstPublishedAt,
			publishedAt,
			updatedAt: publishedAt ?? createdAt
		})
		.where(eq(reports.id, reportId))
		.run();
	projectReport(reportId, A.toJS(doc), bytes);
	A.free(doc);
}

export function seedDemoReports(db: Db) {
	const userIds = new Map(
		db
			.select({ email: users.email, id: users.id })
			.from(users)
			.all()
			.map((u) => [u.email, u.id])
	);
	// whole days back from the morning of today, so the steps keep their hours of the day
	const morning = new Date(now());
	morning.setUTCHours(0, 0, 0, 0);
	db.transaction(() => {
		for (const spec of REPORTS) seedReport(db, spec, userIds, morning.getTime());
	});
}
