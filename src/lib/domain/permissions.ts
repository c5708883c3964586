/**
 * Who may do what: one pure function used by routes, the sync hub and jobs alike.
 * Rights follow ARCHITECTURE.md: agents read and co-draft for their commune, referents commit it
 * and manage its people, buyers run the centrale's work, admins run the platform.
 */
import type { Phase } from './boards/phases';
import { BUYING_KINDS, roleFitsKind, type OrganisationKind, type Role } from './roles';

export interface Actor {
	id: number;
	role: Role;
	organisationId: number;
}

/** An organisation as a permission check needs to see it. */
export interface OrganisationRef {
	organisationId: number;
	kind: OrganisationKind;
}

/** A working group as a permission check needs to see it, from the actor's point of view. */
export interface GroupRef {
	centraleId: number;
	visibility: 'open' | 'members';
	phase: Phase;
	/** the actor's organisation's standing in the group */
	memberStatus: 'member' | 'requested' | 'refused' | null;
	agentsMayVote: boolean;
}

/** A board's group as the sync hub sees it (a board's rights are its group's). */
export interface BoardRef {
	groupId: number;
	centraleId: number;
	visibility: 'open' | 'members';
	phase: Phase;
	/** organisations whose membership is accepted (status `member`) */
	memberOrganisationIds: number[];
}

const runsBoard = (user: Actor, b: BoardRef) =>
	user.role === 'admin' || (user.role === 'buyer' && user.organisationId === b.centraleId);
const memberOfBoard = (user: Actor, b: BoardRef) =>
	b.memberOrganisationIds.includes(user.organisationId);

/** A contract as a permission check needs to see it: who leads it. */
export interface ContractRef {
	centraleId: number;
	/** true when the lead centrale is one of the intercommunales running the portal */
	ledByIntercommunale: boolean;
}

/** A recorded decision's signed PDF: whose decision, about which centrale, of which kind. */
export interface DecisionFileRef extends OrganisationRef {
	/** the centrale the decision concerns */
	centraleId: number | null;
	/** an adhesion deliberation (to the centrale or to a contract): the centrale keeps it on file */
	adhesion: boolean;
}

/** A peer conversation from the actor's point of view. */
export interface ConversationRef {
	/** the actor wrote the first message or received it */
	participant: boolean;
}

/** A rencontre: who published it. */
export interface EventRef {
	organiserId: number;
	organiserOrganisationId: number;
}

/** An experience report as a permission check needs to see it. */
export interface ReportRef {
	/** the local authority whose experience it is */
	organisationId: number;
	status: 'draft' | 'published';
	/** invited co-authors from another organisation (a partner commune, the centrale) */
	coAuthorIds: number[];
	/** lead centrale of the contract it is about; null for a solution bought elsewhere */
	contractCentraleId: number | null;
	/** its commune opened it to everyone, not only members (absent: members only) */
	isPublic?: boolean;
}

export type Permission =
	| { action: 'organisation.viewMembers'; resource: { organisationId: number } }
	| { action: 'organisation.manage'; resource?: undefined }
	| { action: 'invitation.send'; resource?: undefined }
	| { action: 'invitation.viewAll'; resource?: undefined }
	| { action: 'user.invite'; resource: OrganisationRef & { role: Role } }
	| { action: 'user.manage'; resource: { organisationId: number; role: Role; userId: number } }
	| { action: 'user.listAll'; resource?: undefined }
	| { action: 'user.changeRole'; resource: { userId: number } }
	| { action: 'outbox.read'; resource?: undefined }
	| { action: 'audit.read'; resource?: undefined }
	| { action: 'backup.manage'; resource?: undefined }
	| { action: 'group.create'; resource?: undefined }
	| { action: 'group.view'; resource: GroupRef }
	| { action: 'group.manage'; resource: GroupRef }
	| { action: 'group.requestJoin'; resource: GroupRef }
	| { action: 'group.vote'; resource: GroupRef }
	| { action: 'group.viewRanking'; resource: GroupRef }
	| { action: 'group.planWaves'; resource: GroupRef }
	| { action: 'group.promote'; resource: GroupRef }
	| { action: 'group.readFeedToken'; resource: GroupRef }
	| { action: 'group.rotateFeed'; resource: GroupRef }
	| { action: 'board.view'; resource: BoardRef }
	| { action: 'board.edit'; resource: BoardRef }
	// catalogue: `isMember` says whether the user's own organisation has joined the centrale
	| { action: 'catalogue.viewPrices'; resource: { isMember: boolean } }
	| { action: 'catalogue.viewMembersDocuments'; resource: { isMember: boolean } }
	// commitments of a commune: `organisationId` is the commune acted for
	| { action: 'contract.declareInterest'; resource: { organisationId: number } }
	| { action: 'contract.adhere'; resource: { organisationId: number } }
	| { action: 'adhesion.withdraw'; resource: { organisationId: number } }
	| { action: 'order.submit'; resource: { organisationId: number } }
	| { action: 'commune.viewPurchases'; resource: { organisationId: number } }
	// a local authority's own budget calendar
	| { action: 'budgetCalendar.viewAll'; resource?: undefined }
	| { action: 'budgetCalendar.view'; resource: OrganisationRef }
	| { action: 'budgetCalendar.edit'; resource: OrganisationRef }
	// a local authority's purchase plan (« Plan d'achats ») and the documents it generates
	| { action: 'plan.view'; resource: OrganisationRef }
	| { action: 'plan.edit'; resource: OrganisationRef }
	| { action: 'plan.recordDecision'; resource: OrganisationRef }
	| { action: 'plan.chooseNature'; resource: OrganisationRef }
	| { action: 'plan.readDecisionFile'; resource: DecisionFileRef }
	| { action: 'plan.viewAggregate'; resource: ContractRef }
	// `centraleId`: the centrale whose templates are edited
	| { action: 'planTemplate.edit'; resource: { centraleId: number } }
	| { action: 'contract.create'; resource?: undefined }
	| { action: 'supplier.manage'; resource?: undefined }
	| { action: 'contract.edit'; resource: ContractRef }
	| { action: 'contract.transition'; resource: ContractRef }
	| { action: 'contract.relaunch'; resource: ContractRef }
	| { action: 'order.decide'; resource: ContractRef }
	// peers: « nous l'utilisons », contact a peer, rencontres (`organisationId`: the commune)
	| { action: 'usage.declare'; resource: OrganisationRef }
	| { action: 'usage.viewAll'; resource?: undefined }
	| { action: 'peer.contact'; resource: { organisationId: number } }
	| { action: 'peer.reply'; resource: ConversationRef }
	| { action: 'peer.reportAbuse'; resource: ConversationRef & { authorId: number } }
	| { action: 'abuse.review'; resource?: undefined }
	| { action: 'event.publish'; resource?: undefined }
	| { action: 'event.manage'; resource: EventRef }
	| { action: 'event.register'; resource: OrganisationRef }
	| { action: 'event.viewMembersDetails'; resource?: undefined }
	// experience reports: `organisationId` is the local authority the report speaks for
	| { action: 'report.create'; resource: OrganisationRef }
	| { action: 'report.read'; resource: ReportRef }
	| { action: 'report.edit'; resource: ReportRef }
	| { action: 'report.publish'; resource: ReportRef }
	| { action: 'report.manageAuthors'; resource: ReportRef }
	| { action: 'report.coWrite'; resource: ReportRef }
	| { action: 'report.reply'; resource: ReportRef }
	// announcements: `centraleId` is the announcing centrale, `organisationId` a reached commune
	| { action: 'announcement.publish'; resource: { centraleId: number } }
	| { action: 'announcement.viewReceipts'; resource: { centraleId: number } }
	// a commune's calendar feed (its secret address): `organisationId` is the commune
	| { action: 'communeCalendar.read'; resource: OrganisationRef }
	| { action: 'communeCalendar.rotate'; resource: OrganisationRef }
	// follows: `readable` says whether the person may read the subject (a members-only group…)
	| { action: 'subject.follow'; resource: { readable: boolean } }
	| {
			action: 'announcement.acknowledge';
			resource: { organisationId: number; ackByReferent: boolean };
	  };

export type Action = Permission['action'];
type ResourceOf<A extends Action> = Extract<Permission, { action: A }>['resource'];

type Rule<A extends Action> = (user: Actor, resource: ResourceOf<A>) => boolean;

const isAdmin = (user: Actor) => user.role === 'admin';
const isBuyer = (user: Actor) => user.role === 'buyer';
const sameOrganisation = (user: Actor, organisationId: number) =>
	user.organisationId === organisationId;

/** only a commune's referent commits it, and only for their own commune */
const commitsFor = (user: Actor, r: { organisationId: number }) =>
	user.role === 'referent' && sameOrganisation(user, r.organisationId);
/** buyers of the lead intercommunale; any buyer for contracts of other centrales */
const managesContract = (user: Actor, r: ContractRef) =>
	isAdmin(user) ||
	(isBuyer(user) && (!r.ledByIntercommunale || sameOrganisation(user, r.centraleId)));
/** the local authorities that buy vote a budget with its amendments (MB1, MB2) */
const hasBudget = (r: OrganisationRef) => BUYING_KINDS.includes(r.kind);
/** the buyers of the centrale running the group, and admins */
const runsGroup = (user: Actor, g: GroupRef) =>
	isAdmin(user) || (isBuyer(user) && sameOrganisation(user, g.centraleId));
/** an agent or referent of that organisation */
const belongsTo = (user: Actor, r: { organisationId: number }) =>
	(user.role === 'agent' || user.role === 'referent') && sameOrganisation(user, r.organisationId);
const writesReport = (user: Actor, r: ReportRef) =>
	belongsTo(user, r) || r.coAuthorIds.includes(user.id);
const seesMembersContent = (user: Actor, r: { isMember: boolean }) =>
	isAdmin(user) || isBuyer(user) || r.isMember;

const RULES: { [A in Action]: Rule<A> } = {
	'organisation.viewMembers': (user, r) =>
		isAdmin(user) || isBuyer(user) || sameOrganisation(user, r.organisationId),
	'organisation.manage': (user) => isAdmin(user),
	// referents invite their commune's agents; buyers and admins invite more (see user.invite)
	'invitation.send': (user) => isAdmin(user) || isBuyer(user) || user.role === 'referent',
	// buyers and admins follow every open invitation; a referent only those of their commune
	'invitation.viewAll': (user) => isAdmin(user) || isBuyer(user),
	'user.invite': (user, r) => {
		// the role must make sense for the organisation: no buyer inside a commune
		if (!roleFitsKind(r.role, r.kind)) return false;
		if (!can(user, 'invitation.send')) return false;
		if (isAdmin(user)) return true;
		// buyers invite commune people and fellow buyers, never platform admins (no escalation)
		if (isBuyer(user)) return r.role !== 'admin';
		// a referent commits their own commune only, and adds agents, never fellow referents
		return sameOrganisation(user, r.organisationId) && r.role === 'agent';
	},
	'user.manage': (user, r) => {
		if (user.id === r.userId) return false; // nobody disables or demotes themselves
		if (isAdmin(user)) return true;
		return (
			user.role === 'referent' && sameOrganisation(user, r.organisationId) && r.role === 'agent'
		);
	},
	// the platform's list of every person, with their addresses: admins only
	'user.listAll': (user) => isAdmin(user),
	'user.changeRole': (user, r) => isAdmin(user) && user.id !== r.userId,
	'outbox.read': (user) => isAdmin(user),
	'audit.read': (user) => isAdmin(user),
	// backups hold every commune's data: admins read their state, take one, and are told of failures
	'backup.manage': (user) => isAdmin(user),
	'group.create': (user) => isAdmin(user) || isBuyer(user),
	'group.view': (user, g) =>
		g.visibility === 'open' || g.memberStatus === 'member' || runsGroup(user, g),
	// the buyers of the centrale running the group (and admins) run it
	'group.manage': runsGroup,
	// a referent commits the commune: asks once (a refusal is final until a buyer adds it)
	'group.requestJoin': (user, g) =>
		g.visibility === 'open' &&
		g.phase !== 'closed' &&
		g.memberStatus === null &&
		user.role === 'referent',
	// points are spread only while the group prioritises, by the referent or, if allowed, agents
	'group.vote': (user, g) =>
		g.phase === 'prioritising' &&
		g.memberStatus === 'member' &&
		(user.role === 'referent' || (user.role === 'agent' && g.agentsMayVote)),
	// while the vote is open the ranking is the centrale's only: showing it would sway the votes
	'group.viewRanking': (user, g) =>
		can(user, 'group.view', g) && (g.phase !== 'prioritising' || runsGroup(user, g)),
	// waves are planned on a settled ranking: after the vote, and no longer once the group closes
	'group.planWaves': (user, g) => g.phase === 'phasing' && runsGroup(user, g),
	// a contract is drawn from ranked needs: from phasing on, and still after the group closes
	'group.promote': (user, g) =>
		(g.phase === 'phasing' || g.phase === 'closed') && runsGroup(user, g),
	// a members-only group's feed link carries a secret that its members and runners hold…
	'group.readFeedToken': (user, g) =>
		g.visibility === 'members' && (g.memberStatus === 'member' || runsGroup(user, g)),
	// …and any holder may replace it (a link shared by mistake)
	'group.rotateFeed': (user, g) => can(user, 'group.readFeedToken', g),
	// members co-draft while needs are collected and ranked; afterwards the board is a record
	'board.edit': (user, b) =>
		b.phase !== 'closed' &&
		(runsBoard(user, b) ||
			(memberOfBoard(user, b) && (b.phase === 'collecting' || b.phase === 'prioritising'))),
	'board.view': (user, b) =>
		b.visibility === 'open' || runsBoard(user, b) || memberOfBoard(user, b),
	'catalogue.viewPrices': seesMembersContent,
	'catalogue.viewMembersDocuments': seesMembersContent,
	'contract.declareInterest': commitsFor,
	'contract.adhere': commitsFor,
	'adhesion.withdraw': commitsFor,
	'order.submit': commitsFor,
	'commune.viewPurchases': (user, r) =>
		isAdmin(user) || isBuyer(user) || sameOrganisation(user, r.organisationId),
	// buyers and admins plan purchases on every authority's calendar: they pick the one to read
	'budgetCalendar.viewAll': (user) => isAdmin(user) || isBuyer(user),
	// agents read their commune's calendar, and those who read them all read it too
	'budgetCalendar.view': (user, r) =>
		hasBudget(r) &&
		(can(user, 'budgetCalendar.viewAll') || sameOrganisation(user, r.organisationId)),
	// the referent keeps the commune's dates: the finance director's calendar, not the centrale's
	'budgetCalendar.edit': (user, r) => hasBudget(r) && commitsFor(user, r),
	// a plan is the commune's own preparation: only its members see and change it (agents and
	// referents draft it together), not the centrale, which sees the aggregates of its contracts
	'plan.view': (user, r) => hasBudget(r) && sameOrganisation(user, r.organisationId),
	'plan.edit': (user, r) => hasBudget(r) && sameOrganisation(user, r.organisationId),
	// a decision on file commits the commune: its referent records it
	'plan.recordDecision': (user, r) => hasBudget(r) && commitsFor(user, r),
	// the finance director's choice of budget service is a decision of the commune: its referent
	// records it, like the other decisions on file
	'plan.chooseNature': (user, r) => hasBudget(r) && commitsFor(user, r),
	// the commune's members read its signed decisions; the buyers of the centrale concerned read
	// its adhesion deliberations (« délibération d'adhésion au dossier »), nothing else of the plan
	'plan.readDecisionFile': (user, r) =>
		(hasBudget(r) && sameOrganisation(user, r.organisationId)) ||
		(r.adhesion && isBuyer(user) && r.centraleId !== null && sameOrganisation(user, r.centraleId)),
	// the figures a centrale needs to set a framework's maximum (Coopservice): its buyers
	'plan.viewAggregate': managesContract,
	// the model deliberations are the centrale's text: buyers keep them (not platform admins)
	// each centrale's buyers keep their own centrale's texts
	'planTemplate.edit': (user, r) => isBuyer(user) && sameOrganisation(user, r.centraleId),
	'contract.create': (user) => isAdmin(user) || isBuyer(user),
	// adjudicataires are shared by every centrale's contracts: any buyer corrects a name or number
	'supplier.manage': (user) => isAdmin(user) || isBuyer(user),
	'contract.edit': managesContract,
	'contract.transition': managesContract,
	'contract.relaunch': managesContract,
	'order.decide': managesContract,
	// the people of a commune (or CPAS…) say what it uses; the centrale reads, it does not declare
	'usage.declare': (user, r) => hasBudget(r) && belongsTo(user, r),
	// usages whose commune refused contact are shown to members, not to the open web
	'usage.viewAll': () => true,
	// any member writes to the users of a solution elsewhere; writing to one's own commune is a
	// corridor conversation, not the portal's
	'peer.contact': (user, r) => !sameOrganisation(user, r.organisationId),
	'peer.reply': (_user, c) => c.participant,
	// a participant reports what someone else wrote, never their own words
	'peer.reportAbuse': (user, c) => c.participant && c.authorId !== user.id,
	'abuse.review': (user) => isAdmin(user),
	// the centrale's buyers and communes' referents organise rencontres
	'event.publish': (user) => isBuyer(user) || user.role === 'referent',
	// the organiser, fellow organisers of the same organisation (a colleague on leave), admins
	'event.manage': (user, e) =>
		isAdmin(user) ||
		user.id === e.organiserId ||
		(can(user, 'event.publish') && sameOrganisation(user, e.organiserOrganisationId)),
	// members register their own commune's participants
	'event.register': (user, r) => hasBudget(r) && belongsTo(user, r),
	// the video link, minutes and slides are for signed-in members, not whoever finds the agenda
	'event.viewMembersDetails': () => true,
	// a report is a local authority's own experience: its people write it, nobody writes for it
	'report.create': (user, r) => hasBudget(r) && belongsTo(user, r),
	// a draft is its authors' only; once published every signed-in member of the portal reads it
	'report.read': (user, r) => r.status === 'published' || writesReport(user, r),
	// authors keep editing after publishing: readers see the frozen published version meanwhile
	'report.edit': writesReport,
	// publishing speaks for the authority: its own people decide, not an invited co-author
	'report.publish': (user, r) => belongsTo(user, r),
	// and so does choosing who writes with it: a co-author does not bring in others
	'report.manageAuthors': (user, r) => belongsTo(user, r),
	// who may be invited: a person of a partner commune or of a centrale, never a platform admin
	// (who speaks for no authority) nor the commune's own people (who write by right)
	'report.coWrite': (user, r) => !isAdmin(user) && !sameOrganisation(user, r.organisationId),
	// the centrale answers a published report on its contract (any buyer for one bought elsewhere)
	'report.reply': (user, r) =>
		r.status === 'published' &&
		(isAdmin(user) ||
			(isBuyer(user) &&
				(r.contractCentraleId === null || sameOrganisation(user, r.contractCentraleId)))),
	// a centrale speaks through its own buyers only: nobody announces in another's name
	'announcement.publish': (user, r) => isBuyer(user) && sameOrganisation(user, r.centraleId),
	'announcement.viewReceipts': (user, r) =>
		isAdmin(user) || (isBuyer(user) && sameOrganisation(user, r.centraleId)),
	// the commune's people share its calendar address; its referent replaces a leaked one
	'communeCalendar.read': (user, r) => hasBudget(r) && belongsTo(user, r),
	'communeCalendar.rotate': (user, r) => hasBudget(r) && commitsFor(user, r),
	// every signed-in person follows what they may read (anonymous visitors follow nothing)
	'subject.follow': (_user, r) => r.readable,
	// a commune acknowledges for itself only, through its referent when the buyer asked for it
	'announcement.acknowledge': (user, r) =>
		sameOrganisation(user, r.organisationId) &&
		(user.role === 'referent' || (user.role === 'agent' && !r.ackByReferent))
};

/**
 * What a visitor who is not signed in may do: read a report its commune made public (anonymised
 * as it chose, by the page). Nothing else.
 */
const VISITOR_RULES: { [A in Action]?: (resource: ResourceOf<A>) => boolean } = {
	'report.read': (r) => r.status === 'published' && r.isPublic === true
};

/** true when `user` may perform `action` on `resource`; anonymous users only what VISITOR_RULES allow. */
export function can<A extends Action>(
	user: Actor | null | undefined,
	action: A,
	...[resource]: ResourceOf<A> extends undefined ? [] : [ResourceOf<A>]
): boolean {
	if (!user) {
		const rule = VISITOR_RULES[action] as ((r: ResourceOf<A>) => boolean) | undefined;
		return rule ? rule(resource as ResourceOf<A>) : false;
	}
	const rule = RULES[action] as Rule<A>;
	return rule(user, resource as ResourceOf<A>);
}
