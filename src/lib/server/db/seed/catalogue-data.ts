/**
 * Demo catalogue: realistic marchés for Walloon communes with clearly fictional suppliers
 * (names « Exemple… », « Démo… », « Fictif… » and VAT numbers in the unused BE0999 range).
 * Dates are offsets in months from the day of seeding, so statuses stay coherent.
 */
import type { ContractStatus, Module } from '../../../domain/catalogue/types';
import type { Procedure, Theme } from '../../../domain/catalogue/labels';

export const DEMO_SUPPLIERS = [
	'Exemple Logiciels SA',
	'Démo Conseil SRL',
	'Fictif Matériel SA',
	'Illustration Télécom SA',
	'Exemple Cyberdéfense SRL',
	'Modèle Formation ASBL',
	'Exemple Cloud Wallonie SA',
	'Démo Capteurs SRL',
	'Fictif Paiements SA',
	'Exemple Cartographie SRL'
];

/** label, unit, unit price in euros, VAT %, recurrence, budget nature, module */
export type DemoItem = [
	string,
	string,
	number,
	21 | 6 | 0,
	'one_off' | 'yearly' | 'monthly',
	'ordinaire' | 'extraordinaire',
	Module
];

export interface DemoLot {
	title: string;
	supplier: number | null;
	items: DemoItem[];
}

export interface DemoContract {
	ref: string;
	title: string;
	theme: Theme;
	centrale: string;
	status: ContractStatus;
	procedure: Procedure;
	modules: Module[];
	summary: string;
	cpv: string[];
	/** months from today: start and end; the maximum end adds extensions */
	start: number;
	end: number;
	extension?: number;
	/** euros */
	estimated: number;
	maximum: number;
	lots: DemoLot[];
	sourceUrl?: string;
	predecessorRef?: string;
}

/** a yearly subscription, VAT 21 %, ordinaire */
const saas = (label: string, euros: number, module: Module = 'software'): DemoItem => [
	label,
	'an',
	euros,
	21,
	'yearly',
	'ordinaire',
	module
];
/** a day of service, VAT 21 %, ordinaire */
const perDay = (label: string, euros: number, module: Module): DemoItem => [
	label,
	'jour',
	euros,
	21,
	'one_off',
	'ordinaire',
	module
];
/** hardware bought once, VAT 21 %, extraordinaire */
const kit = (label: string, euros: number, unit = 'pièce'): DemoItem => [
	label,
	unit,
	euros,
	21,
	'one_off',
	'extraordinaire',
	'software'
];

export const DEMO_CONTRACTS: DemoContract[] = [
	{
		ref: 'IGR-2025-EGU-01',
		title: 'Guichet citoyen en ligne et formulaires électroniques',
		theme: 'e-guichet',
		centrale: 'igretec',
		status: 'active',
		procedure: 'ouverte',
		modules: ['software', 'support', 'training'],
		summary:
			'Plateforme de démarches en ligne pour les citoyens : formulaires, paiement, suivi des demandes et connexion avec itsme®.',
		cpv: ['72212000-4', '72260000-5'],
		start: -10,
		end: 38,
		extension: 12,
		estimated: 900_000,
		maximum: 1_200_000,
		lots: [
			{
				title: 'Plateforme de guichet en ligne',
				supplier: 0,
				items: [
					saas('Abonnement guichet en ligne — commune < 20 000 habitants', 6_800),
					saas('Abonnement guichet en ligne — commune ≥ 20 000 habitants', 14_500),
					perDay('Paramétrage des formulaires', 780, 'software')
				]
			},
			{
				title: 'Accompagnement et formation',
				supplier: 1,
				items: [
					perDay('Accompagnement au changement', 850, 'support'),
					perDay('Formation des agents (groupe de 10)', 720, 'training')
				]
			}
		]
	},
	{
		ref: 'IMIO-2024-DEL-03',
		title: 'Gestion des courriers et des délibérations',
		theme: 'courriers-deliberations',
		centrale: 'imio',
		status: 'active',
		procedure: 'negociee-directe-avec-publication',
		modules: ['software', 'training'],
		summary:
			'Logiciel de gestion du courrier entrant et sortant, des projets de délibération du collège et du conseil, et de leur publication.',
		cpv: ['48311000-1'],
		start: -20,
		end: 28,
		estimated: 600_000,
		maximum: 800_000,
		sourceUrl: 'https://www.imio.be',
		lots: [
			{
				title: 'Courrier et délibérations',
				supplier: 0,
				items: [
					saas('Licence annuelle courrier et délibérations', 5_400),
					perDay('Reprise des données existantes', 800, 'software'),
					perDay('Formation des secrétariats', 650, 'training')
				]
			}
		]
	},
	{
		ref: 'IDEA-2025-CYB-02',
		title: 'Audit de cybersécurité et sensibilisation du personnel',
		theme: 'cybersecurite',
		centrale: 'idea',
		status: 'active',
		procedure: 'ouverte',
		modules: ['audit', 'training', 'support'],
		summary:
			"Audit de la sécurité informatique de l'administration (NIS2, CyberFundamentals), plan d'action et sensibilisation des agents.",
		cpv: ['72800000-8', '80500000-9'],
		start: -8,
		end: 16,
		extension: 12,
		estimated: 120_000,
		maximum: 150_000,
		lots: [
			{
				title: 'Audit CyberFundamentals',
				supplier: 4,
				items: [
					[
						'Audit CyberFundamentals — niveau Basic',
						'audit',
						7_900,
						21,
						'one_off',
						'ordinaire',
						'audit'
					],
					['Test d’intrusion externe', 'audit', 5_600, 21, 'one_off', 'ordinaire', 'audit']
				]
			},
			{
				title: 'Sensibilisation et formation',
				supplier: 5,
				items: [
					[
						'Session de sensibilisation (20 agents)',
						'session',
						950,
						0,
						'one_off',
						'ordinaire',
						'training'
					],
					saas('Plateforme d’e-learning cybersécurité (par agent)', 18, 'training')
				]
			}
		]
	},
	{
		ref: 'IGR-2025-EQU-04',
		title: 'Équipement informatique : postes de travail, portables et écrans',
		theme: 'equipement-informatique',
		centrale: 'igretec',
		status: 'active',
		procedure: 'ouverte',
		modules: ['software', 'support'],
		summary:
			'Fourniture de postes fixes, portables et écrans avec garantie de cinq ans sur site, reprise et effacement certifié des anciens appareils.',
		cpv: ['30213000-5', '30231300-0'],
		start: -6,
		end: 30,
		estimated: 2_000_000,
		maximum: 2_600_000,
		lots: [
			{
				title: 'Postes de travail et portables',
				supplier: 2,
				items: [
					kit('Poste de travail bureautique', 790),
					kit('Ordinateur portable 14 pouces', 1_040),
					kit('Écran 24 pouces', 165)
				]
			},
			{
				title: 'Reprise et effacement certifié',
				supplier: 2,
				items: [
					['Effacement certifié et reprise', 'appareil', 18, 21, 'one_off', 'ordinaire', 'support']
				]
			}
		]
	},
	{
		ref: 'IDETA-2022-TEL-01',
		title: 'Téléphonie IP et mobile',
		theme: 'telephonie',
		centrale: 'ideta',
		status: 'expiring',
		procedure: 'ouverte',
		modules: ['software', 'support'],
		summary:
			'Centrale téléphonique hébergée, abonnements mobiles et accompagnement à la migration. Le marché arrive à échéance : sa relance est en préparation.',
		cpv: ['64210000-1'],
		start: -44,
		end: 3,
		estimated: 700_000,
		maximum: 900_000,
		lots: [
			{
				title: 'Téléphonie fixe hébergée',
				supplier: 3,
				items: [
					[
						'Poste téléphonique IP hébergé',
						'poste/mois',
						9.5,
						21,
						'monthly',
						'ordinaire',
						'software'
					],
					perDay('Migration et paramétrage', 690, 'support')
				]
			},
			{
				title: 'Abonnements mobiles',
				supplier: 3,
				items: [
					[
						'Abonnement mobile voix et 20 Go',
						'ligne/mois',
						12,
						21,
						'monthly',
						'ordinaire',
						'software'
					]
				]
			}
		]
	},
	{
		ref: 'IDETA-2026-TEL-02',
		title: 'Téléphonie IP et mobile (relance)',
		theme: 'telephonie',
		centrale: 'ideta',
		status: 'planned',
		procedure: 'ouverte',
		modules: ['software', 'support'],
		summary:
			'Relance du marché de téléphonie : communes adhérentes au marché actuel, indiquez vos besoins avant la publication.',
		cpv: ['64210000-1'],
		start: 4,
		end: 52,
		estimated: 800_000,
		maximum: 1_000_000,
		predecessorRef: 'IDETA-2022-TEL-01',
		lots: [
			{ title: 'Téléphonie fixe hébergée', supplier: null, items: [] },
			{ title: 'Abonnements mobiles', supplier: null, items: [] }
		]
	},
	{
		ref: 'IDEA-2026-SAL-01',
		title: 'Gestion des salles et réservations en ligne',
		theme: 'salles-reservations',
		centrale: 'idea',
		status: 'tendering',
		procedure: 'ouverte',
		modules: ['software', 'training'],
		summary:
			'Réservation en ligne des salles communales, du matériel et des infrastructures sportives, avec paiement et contrôle d’accès.',
		cpv: ['48000000-8'],
		start: 4,
		end: 52,
		estimated: 250_000,
		maximum: 350_000,
		lots: [{ title: 'Logiciel de réservation', supplier: null, items: [] }]
	},
	{
		ref: 'IGR-2026-SMC-01',
		title: 'Smart city : capteurs environnementaux et données ouvertes',
		theme: 'smart-city',
		centrale: 'igretec',
		status: 'tendering',
		procedure: 'concurrentielle-avec-negociation',
		modules: ['software', 'support'],
		summary:
			'Capteurs de qualité de l’air et de bruit, plateforme de données et publication en open data.',
		cpv: ['38000000-5', '72300000-8'],
		start: 5,
		end: 53,
		estimated: 400_000,
		maximum: 500_000,
		lots: [
			{ title: 'Capteurs et connectivité', supplier: null, items: [] },
			{ title: 'Plateforme de données', supplier: null, items: [] }
		]
	},
	{
		ref: 'IDEA-2024-DPO-01',
		title: 'DPO mutualisé et accompagnement RGPD',
		theme: 'rgpd-dpo',
		centrale: 'idea',
		status: 'active',
		procedure: 'ouverte',
		modules: ['support', 'audit', 'training'],
		summary:
			'Délégué à la protection des données partagé entre communes et CPAS, registre des traitements et analyses d’impact.',
		cpv: ['79411000-8'],
		start: -14,
		end: 22,
		estimated: 300_000,
		maximum: 400_000,
		lots: [
			{
				title: 'DPO mutualisé',
				supplier: 1,
				items: [
					saas('Mission de DPO — commune et CPAS', 4_200, 'support'),
					perDay('Analyse d’impact (AIPD)', 820, 'audit')
				]
			}
		]
	},
	{
		ref: 'PROV-2025-FOR-01',
		title: 'Formation au numérique des agents communaux',
		theme: 'formation-numerique',
		centrale: 'province-de-hainaut',
		status: 'active',
		procedure: 'ouverte',
		modules: ['training'],
		summary:
			'Catalogue de formations bureautique, outils collaboratifs et inclusion numérique, en présentiel dans le Hainaut ou à distance.',
		cpv: ['80533100-0'],
		start: -4,
		end: 32,
		estimated: 150_000,
		maximum: 200_000,
		sourceUrl: 'https://www.hainaut.be',
		lots: [
			{
				title: 'Formations bureautiques et collaboratives',
				supplier: 5,
				items: [
					[
						'Journée de formation (12 participants)',
						'jour',
						640,
						0,
						'one_off',
						'ordinaire',
						'training'
					],
					['Module e-learning (par agent)', 'agent', 35, 0, 'one_off', 'ordinaire', 'training']
				]
			}
		]
	},
	{
		ref: 'IGR-2025-TRV-02',
		title: 'Logiciel de gestion des travaux et des interventions',
		theme: 'gestion-travaux',
		centrale: 'igretec',
		status: 'awarded',
		procedure: 'ouverte',
		modules: ['software', 'training'],
		summary:
			'Demandes d’intervention, planification des équipes, suivi des chantiers et application mobile pour les ouvriers communaux.',
		cpv: ['48000000-8'],
		start: 1,
		end: 49,
		estimated: 350_000,
		maximum: 450_000,
		lots: [
			{
				title: 'Logiciel et application mobile',
				supplier: 0,
				items: [
					saas('Licence annuelle gestion des travaux', 4_900),
					perDay('Formation des équipes', 700, 'training')
				]
			}
		]
	},
	{
		ref: 'SPW-2024-PAI-07',
		title: 'Paiement en ligne et terminaux de paiement',
		theme: 'paiement-en-ligne',
		centrale: 'spw',
		status: 'active',
		procedure: 'ouverte',
		modules: ['software'],
		summary:
			'Module de paiement en ligne pour les démarches et terminaux de paiement pour les guichets, à commission négociée.',
		cpv: ['66110000-4'],
		start: -16,
		end: 20,
		estimated: 500_000,
		maximum: 700_000,
		sourceUrl: 'https://marchespublics.wallonie.be',
		lots: [
			{
				title: 'Paiement en ligne et terminaux',
				supplier: 8,
				items: [
					['Terminal de paiement', 'terminal/mois', 14, 21, 'monthly', 'ordinaire', 'software'],
					saas('Module de paiement en ligne', 900)
				]
			}
		]
	},
	{
		ref: 'IDEA-2021-WEB-02',
		title: 'Audit de sécurité des sites web communaux',
		theme: 'cybersecurite',
		centrale: 'idea',
		status: 'ended',
		procedure: 'negociee-sans-publication',
		modules: ['audit'],
		summary: 'Audit de vulnérabilités des sites communaux (marché terminé).',
		cpv: ['72800000-8'],
		start: -48,
		end: -6,
		estimated: 90_000,
		maximum: 120_000,
		lots: [
			{
				title: 'Audit des sites web',
				supplier: 4,
				items: [['Audit d’un site web', 'site', 2_400, 21, 'one_off', 'ordinaire', 'audit']]
			}
		]
	},
	{
		ref: 'IGR-2024-FIN-01',
		title: 'Logiciel de gestion financière et comptable',
		theme: 'gestion-financiere',
		centrale: 'igretec',
		status: 'active',
		procedure: 'ouverte',
		modules: ['software', 'support', 'training'],
		summary:
			'Comptabilité communale conforme au RGCC, budget et modifications budgétaires, interface avec les tutelles (eComptes).',
		cpv: ['48440000-4'],
		start: -18,
		end: 42,
		estimated: 1_100_000,
		maximum: 1_400_000,
		lots: [
			{
				title: 'Logiciel de comptabilité',
				supplier: 0,
				items: [
					saas('Licence annuelle comptabilité', 7_800),
					perDay('Assistance à la clôture des comptes', 760, 'support')
				]
			}
		]
	},
	{
		ref: 'IDETA-2025-RH-01',
		title: 'Logiciel de paie et gestion du personnel',
		theme: 'ressources-humaines',
		centrale: 'ideta',
		status: 'active',
		procedure: 'ouverte',
		modules: ['software', 'training'],
		summary: 'Paie, absences, évaluations et portail de l’agent, avec les déclarations ONSS.',
		cpv: ['48450000-7'],
		start: -3,
		end: 45,
		estimated: 700_000,
		maximum: 900_000,
		lots: [
			{
				title: 'Paie et ressources humaines',
				supplier: 0,
				items: [
					['Calcul de paie (par fiche)', 'fiche', 4.2, 21, 'monthly', 'ordinaire', 'software'],
					perDay('Formation du service du personnel', 690, 'training')
				]
			}
		]
	},
	{
		ref: 'IGR-2027-POP-01',
		title: 'Gestion de la population et de l’état civil',
		theme: 'population-etat-civil',
		centrale: 'igretec',
		status: 'planned',
		procedure: 'ouverte',
		modules: ['software', 'training'],
		summary:
			'Besoin identifié : logiciel de population et d’état civil connecté à la BAEC et au Registre national.',
		cpv: ['48000000-8'],
		start: 10,
		end: 58,
		estimated: 900_000,
		maximum: 1_200_000,
		lots: [{ title: 'Population et état civil', supplier: null, items: [] }]
	},
	{
		ref: 'IDEA-2025-CLD-03',
		title: 'Hébergement cloud souverain et sauvegardes',
		theme: 'infrastructure-cloud',
		centrale: 'idea',
		status: 'active',
		procedure: 'ouverte',
		modules: ['software', 'support'],
		summary:
			'Hébergement en centre de données belge, sauvegardes externalisées chiffrées et plan de reprise.',
		cpv: ['72415000-2'],
		start: -9,
		end: 39,
		estimated: 600_000,
		maximum: 800_000,
		lots: [
			{
				title: 'Hébergement et sauvegardes',
				supplier: 6,
				items: [
					[
						'Sauvegarde externalisée (par To)',
						'To/mois',
						32,
						21,
						'monthly',
						'ordinaire',
						'software'
					],
					['Machine virtuelle standard', 'VM/mois', 58, 21, 'monthly', 'ordinaire', 'software']
				]
			}
		]
	},
	{
		ref: 'IDETA-2024-WEB-01',
		title: 'Création et hébergement de sites web communaux',
		theme: 'site-web',
		centrale: 'ideta',
		status: 'active',
		procedure: 'ouverte',
		modules: ['software', 'training'],
		summary:
			'Sites web accessibles (WCAG 2.1 AA), hébergement, maintenance et formation des rédacteurs.',
		cpv: ['72413000-8'],
		start: -12,
		end: 24,
		estimated: 400_000,
		maximum: 550_000,
		lots: [
			{
				title: 'Sites web',
				supplier: 1,
				items: [
					kit('Création du site communal', 14_500, 'site'),
					saas('Hébergement et maintenance', 1_900),
					perDay('Formation des rédacteurs', 600, 'training')
				]
			}
		]
	},
	{
		ref: 'IGR-2026-SIG-02',
		title: 'Cartographie communale et système d’information géographique',
		theme: 'cartographie-sig',
		centrale: 'igretec',
		status: 'tendering',
		procedure: 'ouverte',
		modules: ['software', 'training'],
		summary:
			'Géoportail communal, cadastre des voiries et de l’éclairage public, intégration du PICC.',
		cpv: ['72000000-5'],
		start: 3,
		end: 51,
		estimated: 300_000,
		maximum: 400_000,
		lots: [{ title: 'Géoportail et SIG', supplier: null, items: [] }]
	},
	{
		ref: 'IMIO-2025-ARC-02',
		title: 'Archivage électronique et gestion documentaire',
		theme: 'gestion-documentaire',
		centrale: 'imio',
		status: 'active',
		procedure: 'negociee-directe-avec-publication',
		modules: ['software', 'support'],
		summary: 'Archivage à valeur probante, plan de classement et versement aux Archives de l’État.',
		cpv: ['72512000-7'],
		start: -5,
		end: 43,
		estimated: 350_000,
		maximum: 450_000,
		sourceUrl: 'https://www.imio.be',
		lots: [
			{
				title: 'Archivage électronique',
				supplier: 6,
				items: [
					saas('Archivage électronique (par 100 Go)', 1_200),
					perDay('Plan de classement', 780, 'support')
				]
			}
		]
	},
	{
		ref: 'IDEA-2025-WIF-01',
		title: 'Wifi public dans les bâtiments communaux',
		theme: 'infrastructure-cloud',
		centrale: 'idea',
		status: 'cancelled',
		procedure: 'ouverte',
		modules: ['software'],
		summary: 'Procédure annulée : aucune offre régulière. Le besoin sera revu avec les communes.',
		cpv: ['32412000-4'],
		start: -2,
		end: 34,
		estimated: 200_000,
		maximum: 250_000,
		lots: [{ title: 'Bornes wifi', supplier: null, items: [] }]
	},
	{
		ref: 'IGR-2021-TAB-01',
		title: 'Tablettes pour les conseillers communaux',
		theme: 'equipement-informatique',
		centrale: 'igretec',
		status: 'ended',
		procedure: 'ouverte',
		modules: ['software'],
		summary: 'Tablettes et gestion de flotte pour les conseils communaux (marché terminé).',
		cpv: ['30213200-7'],
		start: -54,
		end: -5,
		estimated: 250_000,
		maximum: 300_000,
		lots: [{ title: 'Tablettes', supplier: 2, items: [kit('Tablette 11 pouces', 520)] }]
	},
	{
		ref: 'IDETA-2025-IMP-03',
		title: 'Imprimantes multifonctions et gestion des impressions',
		theme: 'equipement-informatique',
		centrale: 'ideta',
		status: 'awarded',
		procedure: 'ouverte',
		modules: ['software', 'support'],
		summary: 'Location de multifonctions, badge d’impression et maintenance tout compris.',
		cpv: ['30232110-8'],
		start: 0,
		end: 61,
		estimated: 500_000,
		maximum: 650_000,
		lots: [
			{
				title: 'Multifonctions',
				supplier: 2,
				items: [
					[
						'Location multifonction A3 couleur',
						'appareil/mois',
						39,
						21,
						'monthly',
						'ordinaire',
						'software'
					]
				]
			}
		]
	},
	{
		ref: 'PROV-2027-PHI-01',
		title: 'Sensibilisation au phishing : campagnes simulées',
		theme: 'cybersecurite',
		centrale: 'province-de-hainaut',
		status: 'planned',
		procedure: 'faible-montant',
		modules: ['training', 'audit'],
		summary: 'Campagnes d’hameçonnage simulées et formation ciblée des agents qui cliquent.',
		cpv: ['80500000-9'],
		start: 6,
		end: 30,
		estimated: 28_000,
		maximum: 29_900,
		sourceUrl: 'https://www.hainaut.be',
		lots: [{ title: 'Campagnes et formation', supplier: null, items: [] }]
	},
	{
		ref: 'IGR-2025-AFF-03',
		title: 'Bornes interactives et affichage dynamique',
		theme: 'smart-city',
		centrale: 'igretec',
		status: 'active',
		procedure: 'ouverte',
		modules: ['software', 'support'],
		summary:
			'Écrans d’information dans les bâtiments communaux et bornes de démarches en libre-service.',
		cpv: ['32351200-0'],
		start: -7,
		end: 41,
		estimated: 300_000,
		maximum: 400_000,
		lots: [
			{
				title: 'Affichage et bornes',
				supplier: 7,
				items: [
					kit('Borne interactive intérieure', 4_900),
					saas('Licence de diffusion (par écran)', 240)
				]
			}
		]
	},
	{
		ref: 'IDEA-2027-LOR-01',
		title: 'Réseau LoRaWAN et capteurs de stationnement',
		theme: 'smart-city',
		centrale: 'idea',
		status: 'planned',
		procedure: 'dialogue-competitif',
		modules: ['software', 'support'],
		summary:
			'Besoin identifié par le groupe de travail smart city : réseau bas débit et capteurs de parking.',
		cpv: ['32412000-4'],
		start: 12,
		end: 60,
		estimated: 450_000,
		maximum: 600_000,
		lots: [{ title: 'Réseau et capteurs', supplier: null, items: [] }]
	},
	{
		ref: 'SPW-2025-SIG-04',
		title: 'Signature électronique et horodatage',
		theme: 'gestion-documentaire',
		centrale: 'spw',
		status: 'active',
		procedure: 'ouverte',
		modules: ['software'],
		summary: 'Signature électronique qualifiée des actes et parapheur en ligne, horodatage eIDAS.',
		cpv: ['48000000-8'],
		start: -11,
		end: 25,
		estimated: 250_000,
		maximum: 300_000,
		sourceUrl: 'https://marchespublics.wallonie.be',
		lots: [
			{
				title: 'Parapheur et signature',
				supplier: 0,
				items: [saas('Parapheur électronique (par signataire)', 96)]
			}
		]
	}
];
