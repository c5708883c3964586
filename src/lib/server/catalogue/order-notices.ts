/**
 * Who hears of an order, in the portal and by mail: the buyers who may decide it when a commune
 * places it, the commune's people who placed it and its referents when a buyer decides it.
 * Called inside the transaction of the step: the notification and the queued mail exist exactly
 * when the step does (the outbox delivers after the commit).
 */
import { and, eq, isNull } from 'drizzle-orm';
import { formatMoney } from '../../domain/format';
import { can } from '../../domain/permissions';
import { publicUrl } from '../config';
import { getDb } from '../db/client';
import { organisations, users } from '../db/schema';
import { enqueueMail } from '../mail/outbox';
import { notifyUsers } from '../relay/notifications';
import type { ContractRow } from './contract';
import { contractRef } from './contract-ref';

export interface OrderNotice {
	orderId: number;
	contract: Pick<ContractRow, 'reference' | 'title' | 'centraleId' | 'centraleKind'>;
	organisationId: number;
	organisationName: string;
	inclVatCents: number;
	exclVatCents: number;
}

const PERSON = {
	id: users.id,
	name: users.name,
	email: users.email,
	role: users.role,
	organisationId: users.organisationId
};
type Person = { [K in keyof typeof PERSON]: (typeof users.$inferSelect)[K] };

const SIGNATURE = "— Centrale, la centrale d'achat de solutions numériques";

function activePeople(where: ReturnType<typeof and>) {
	return getDb()
		.select(PERSON)
		.from(users)
		.innerJoin(organisations, eq(organisations.id, users.organisationId))
		.where(and(where, isNull(users.disabledAt)))
		.all();
}

/** the people of a centrale who may confirm or refuse orders on this contract */
function deciders(notice: OrderNotice): Person[] {
	const ref = contractRef(notice.contract);
	return activePeople(eq(organisations.isCentrale, true)).filter((p) =>
		can(p, 'order.decide', ref)
	);
}

/** the commune's person who placed the order, and those who commit the commune (its referents) */
function communePeople(organisationId: number, placedBy: number | null): Person[] {
	return activePeople(eq(users.organisationId, organisationId)).filter(
		(p) => p.id === placedBy || can(p, 'order.submit', { organisationId })
	);
}

function tell(
	people: Person[],
	kind: string,
	title: string,
	path: string,
	body: string[],
	at: Date
) {
	notifyUsers(
		people.map((p) => p.id),
		kind,
		title,
		path,
		at
	);
	for (const person of people) {
		enqueueMail({
			to: person.email,
			kind,
			subject: `Centrale — ${title}`,
			text: [`Bonjour ${person.name},`, '', ...body, '', publicUrl(path), '', SIGNATURE].join('\n')
		});
	}
}

const amounts = (n: OrderNotice) =>
	`${formatMoney(n.exclVatCents)} HTVA (${formatMoney(n.inclVatCents)} TVAC)`;

export function announceOrderPlaced(notice: OrderNotice, placedBy: number, at: Date) {
	const { reference, title } = notice.contract;
	const placedByName =
		getDb().select({ name: users.name }).from(users).where(eq(users.id, placedBy)).get()?.name ??
		'Un référent';
	tell(
		deciders(notice),
		'order.submitted',
		`Nouvelle commande n° ${notice.orderId} de ${notice.organisationName} (${reference})`,
		`/commandes/${notice.orderId}`,
		[
			`${placedByName} (${notice.organisationName}) a passé la commande n° ${notice.orderId} sur le marché ${title} (${reference}),`,
			`pour ${amounts(notice)}.`,
			'',
			'Confirmez-la ou refusez-la sur le bon de commande :'
		],
		at
	);
}

export function announceOrderDecided(
	notice: OrderNotice,
	decision: 'confirmed' | 'refused',
	reason: string | null,
	placedBy: number | null,
	at: Date
) {
	const { reference, title } = notice.contract;
	const verb = decision === 'confirmed' ? 'confirmée' : 'refusée';
	tell(
		communePeople(notice.organisationId, placedBy),
		`order.${decision}`,
		`Commande n° ${notice.orderId} ${verb} (${reference})`,
		`/commandes/${notice.orderId}`,
		[
			`La centrale a ${verb === 'confirmée' ? 'confirmé' : 'refusé'} la commande n° ${notice.orderId} de ${notice.organisationName}`,
			`sur le marché ${title} (${reference}), pour ${amounts(notice)}.`,
			...(reason ? ['', `Motif du refus : ${reason}`] : []),
			'',
			'Le bon de commande et son historique :'
		],
		at
	);
}
