/**
 * Demo working groups: an open group on e-guichet and citizen services (prioritising, with
 * points already spread by three communes) and a members-only group on cybersecurity
 * (collecting needs). Board content is written as real Yjs documents through the sync store.
 */
import { eq, inArray } from 'drizzle-orm';
import type * as Y from 'yjs';
import { addCard, addComment, listColumns, type NewCard } from '../../../collab/board';
import { createBoardDocument } from '../../boards/board-documents';
import { projectBoard } from '../../boards/projection';
import type { Db } from '../client';
import {
	boardVotes,
	boards,
	groupMembers,
	groupSessions,
	needInterests,
	organisations,
	users,
	workingGroups
} from '../schema';

type DemoCard = Omit<NewCard, 'column' | 'communes'> & { communes?: string[]; column?: number };

const EGUICHET: DemoCard[] = [
	{
		title: 'Guichet en ligne avec paiement',
		module: 'software',
		targetYear: 2027,
		budgetCents: 4_500_000,
		communes: ['charleroi', 'chatelet', 'fleurus'],
		description: [
			'Les citoyens demandent leurs documents d’état civil et de population en ligne, paient et suivent leur demande.',
			'Le guichet doit parler aux logiciels métier existants (population, état civil).'
		],
		requirements: [
			{ text: 'Authentification itsme et eID (CSAM)', moscow: 'must' },
			{ text: 'Paiement en ligne (Bancontact, virement)', moscow: 'must' },
			{ text: 'Suivi de la demande par le citoyen', moscow: 'should' },
			{ text: 'Formulaires modifiables par la commune sans développeur', moscow: 'should' }
		],
		column: 2
	},
	{
		title: 'Prise de rendez-vous en ligne',
		module: 'software',
		targetYear: 2027,
		budgetCents: 1_200_000,
		communes: ['mons', 'la-louviere'],
		description: ['Rendez-vous pour la population, l’urbanisme et l’état civil, avec rappels SMS.'],
		requirements: [
			{ text: 'Rappel par SMS et e-mail', moscow: 'must' },
			{ text: 'Agenda par service et par guichet', moscow: 'must' },
			{ text: 'Export des statistiques de fréquentation', moscow: 'could' }
		],
		column: 2
	},
	{
		title: 'Signalements de voirie géolocalisés',
		module: 'software',
		targetYear: 2028,
		budgetCents: 800_000,
		communes: ['fleurus'],
		description: [
			'Un citoyen signale un dépôt clandestin ou un nid-de-poule avec une photo et un point sur la carte.'
		],
		requirements: [
			{ text: 'Application mobile et version web', moscow: 'must' },
			{ text: 'Transmission au service travaux avec suivi', moscow: 'should' }
		],
		column: 1
	},
	{
		title: 'Accompagnement à l’inclusion numérique',
		module: 'support',
		targetYear: 2027,
		budgetCents: 600_000,
		communes: ['charleroi', 'mons'],
		description: [
			'Des permanences d’aide aux démarches en ligne dans les bibliothèques et les maisons de quartier.'
		],
		requirements: [
			{ text: 'Formation des agents d’accueil', moscow: 'must' },
			{ text: 'Supports en langage clair', moscow: 'should' }
		],
		column: 0
	},
	{
		title: 'Formation des agents au guichet numérique',
		module: 'training',
		targetYear: 2027,
		budgetCents: 250_000,
		communes: ['chatelet'],
		description: ['Sessions courtes pour les agents population et état civil.'],
		requirements: [{ text: 'Sessions en présentiel et à distance', moscow: 'should' }],
		column: 0
	}
];

const CYBER: DemoCard[] = [
	{
		title: 'Audit de cybersécurité des communes',
		module: 'audit',
		targetYear: 2027,
		budgetCents: 1_800_000,
		communes: ['charleroi', 'binche'],
		description: [
			'Un audit par commune selon le cadre CyberFundamentals, avec un plan d’action chiffré.'
		],
		requirements: [
			{ text: 'Référentiel CyberFundamentals (CCB)', moscow: 'must' },
			{ text: 'Test d’intrusion externe', moscow: 'should' },
			{ text: 'Restitution au collège', moscow: 'should' }
		],
		column: 1
	},
	{
		title: 'Sauvegardes hors site immuables',
		module: 'software',
		targetYear: 2027,
		budgetCents: 2_400_000,
		communes: ['mons', 'la-louviere'],
		description: [
			'Sauvegardes chiffrées, immuables, hors du réseau communal, restaurées à l’essai chaque trimestre.'
		],
		requirements: [
			{ text: 'Copie immuable (WORM) hors site', moscow: 'must' },
			{ text: 'Test de restauration trimestriel', moscow: 'must' },
			{ text: 'Hébergement en Belgique', moscow: 'should' }
		],
		column: 0
	},
	{
		title: 'Sensibilisation au hameçonnage',
		module: 'training',
		targetYear: 2027,
		budgetCents: 300_000,
		communes: ['binche'],
		description: ['Campagnes de faux hameçonnage et modules courts pour tout le personnel.'],
		requirements: [{ text: 'Rapports par service, anonymisés', moscow: 'should' }],
		column: 0
	}
];

const DAY = 86_400_000;
/** a day `days` from `now`, at 14:00 in Brussels in winter (13:00 UTC) */
const at14 = (now: number, days: number) =>
	new Date(Math.floor((now + days * DAY) / DAY) * DAY + 13 * 3_600_000);

function fill(doc: Y.Doc, cards: DemoCard[], orgIds: Map<string, number>): string[] {
	const columns = listColumns(doc);
	return cards.map((c) =>
		addCard(doc, {
			...c,
			column: columns[c.column ?? 0].id,
			communes: (c.communes ?? []).map((slug) => orgIds.get(slug)!).filter(Boolean)
		})
	);
}

export function seedDemoBoards(db: Db) {
	const slugs = [
		'igretec',
		'idea',
		'charleroi',
		'mons',
		'chatelet',
		'fleurus',
		'la-louviere',
		'binche'
	];
	const orgIds = new Map(
		db
			.select({ id: organisations.id, slug: organisations.slug })
			.from(organisations)
			.where(inArray(organisations.slug, slugs))
			.all()
			.map((o) => [o.slug, o.id])
	);
	for (const slug of slugs) if (!orgIds.has(slug)) throw new Error(`demo boards: no ${slug}`);
	const buyer = (email: string) =>
		db.select({ id: users.id }).from(users).where(eq(users.email, email)).get()?.id ?? null;
	const now = Date.now();

	db.transaction(() => {
		const make = (
			group: typeof workingGroups.$inferInsert,
			members: string[],
			cards: DemoCard[],
			comment: string
		) => {
			const { id } = db
				.insert(workingGroups)
				.values(group)
				.returning({ id: workingGroups.id })
				.get();
			db.insert(groupMembers)
				.values(
					members.map((slug) => ({
						groupId: id,
						organisationId: orgIds.get(slug)!,
						status: 'member' as const,
						at: new Date(now)
					}))
				)
				.run();
			const board = db
				.insert(boards)
				.values({ groupId: id, title: `Besoins — ${group.title}` })
				.returning({ id: boards.id })
				.get();
			let cardIds: string[] = [];
			const doc = createBoardDocument(board.id, (d) => {
				cardIds = fill(d, cards, orgIds);
				addComment(d, cardIds[0], {
					author: 'Karim Benali (Charleroi)',
					text: comment,
					at: now - DAY
				});
			});
			projectBoard(board.id, doc);
			db.insert(groupSessions)
				.values([
					{
						groupId: id,
						title: 'Séance de lancement',
						startsAt: at14(now, -20),
						place: 'Charleroi, Hôtel de ville, salle du collège',
						agenda: 'Présentation de la démarche\nTour de table des besoins',
						minutes: 'Cinq communes présentes. Les besoins seront rédigés sur le tableau partagé.'
					},
					{
						groupId: id,
						title: 'Séance de priorisation',
						startsAt: at14(now, 14),
						videoLink: 'https://visio.example.be/groupe-' + id,
						agenda: 'Résultats des votes\nPremières vagues'
					}
				])
				.run();
			return { groupId: id, boardId: board.id, cardIds };
		};

		const open = make(
			{
				title: 'E-guichet et services aux citoyens',
				theme: 'Services en ligne',
				description:
					'Identifier ensemble les démarches à proposer en ligne et l’outillage commun à acheter.',
				visibility: 'open',
				centraleId: orgIds.get('igretec')!,
				phase: 'prioritising',
				collectingFrom: '2026-09-01',
				prioritisingFrom: '2026-11-16',
				phasingFrom: '2026-12-14',
				closesOn: '2027-01-31',
				createdBy: buyer('acheteur@igretec.demo')
			},
			['charleroi', 'mons', 'chatelet', 'fleurus', 'la-louviere'],
			EGUICHET,
			'Vu avec notre directeur financier : crédit ordinaire possible en 2027.'
		);
		make(
			{
				title: 'Cybersécurité des administrations communales',
				theme: 'Cybersécurité',
				description: 'Des audits, des sauvegardes et de la sensibilisation achetés en commun.',
				visibility: 'members',
				centraleId: orgIds.get('idea')!,
				phase: 'collecting',
				collectingFrom: '2026-10-01',
				prioritisingFrom: '2027-01-11',
				phasingFrom: '2027-02-15',
				closesOn: '2027-03-31',
				createdBy: buyer('acheteur@idea.demo')
			},
			['charleroi', 'mons', 'binche', 'la-louviere'],
			CYBER,
			'Nous avons eu un incident en 2025 : priorité pour nous.'
		);

		// three communes have already spread their points on the open group's board
		const [guichet, rdv, voirie, inclusion, formation] = open.cardIds;
		const ballots: [string, [string, number, number][]][] = [
			[
				'chatelet',
				[
					[guichet, 50, 1],
					[formation, 30, 12],
					[inclusion, 20, 0]
				]
			],
			[
				'fleurus',
				[
					[voirie, 60, 1],
					[guichet, 40, 1]
				]
			],
			[
				'la-louviere',
				[
					[rdv, 70, 1],
					[guichet, 20, 1],
					[inclusion, 10, 1]
				]
			]
		];
		for (const [slug, lines] of ballots) {
			const organisationId = orgIds.get(slug)!;
			const at = new Date(now - DAY);
			db.insert(boardVotes)
				.values(
					lines.map(([cardId, points]) => ({
						boardId: open.boardId,
						cardId,
						organisationId,
						points,
						at
					}))
				)
				.run();
			const interested = lines.filter(([, , q]) => q > 0);
			db.insert(needInterests)
				.values(
					interested.map(([cardId, , quantity]) => ({
						boardId: open.boardId,
						cardId,
						organisationId,
						quantity,
						at
					}))
				)
				.run();
		}
	});
}
