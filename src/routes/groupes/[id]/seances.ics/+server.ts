import { error } from '@sveltejs/kit';
import { getGroup, groupForUser } from '$lib/server/boards/groups';
import { feedTokenMatches, groupCalendar } from '$lib/server/boards/meetings';
import type { RequestHandler } from './$types';

/**
 * The meetings of a group as an iCalendar feed. Calendar apps send no cookie, so:
 * an open group's feed is public (its meetings are an invitation to every commune, and titles,
 * dates and places are not confidential); a members-only group's feed needs the group's secret
 * token, shown to members on the group page, or a session of someone who may see the group.
 * A member may replace the token (link shared by mistake): the old link then answers 404.
 */
export const GET: RequestHandler = ({ params, url, locals }) => {
	const id = Number(params.id);
	const group = Number.isSafeInteger(id) ? getGroup(id, locals.user?.organisationId ?? 0) : null;
	if (!group) error(404, 'Ce groupe de travail n’existe pas.');
	if (group.visibility !== 'open') {
		const jeton = url.searchParams.get('jeton');
		const tokenOk = feedTokenMatches(group.id, jeton);
		const sessionOk = locals.user ? groupForUser(id, locals.user).ok : false;
		// a replaced (or made-up) link no longer exists; no link at all asks to be a member
		if (!tokenOk && !sessionOk && jeton)
			error(404, 'Ce lien d’agenda n’existe pas ou a été remplacé par un nouveau lien.');
		if (!tokenOk && !sessionOk) error(403, 'Ce calendrier est réservé aux membres du groupe.');
	}
	return new Response(groupCalendar(group, url.origin), {
		headers: {
			'content-type': 'text/calendar; charset=utf-8',
			'content-disposition': `inline; filename="groupe-${group.id}.ics"`,
			'cache-control': 'private, max-age=300'
		}
	});
};
