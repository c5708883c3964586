import { describe, expect, it } from 'vitest';
import { MeetingForm } from '$lib/server/boards/meeting-form';

const meeting = (date: string, time: string) => ({
	title: 'Atelier besoins',
	date,
	time,
	durationMinutes: '90',
	place: 'Hôtel de ville',
	videoLink: '',
	agenda: ''
});

describe('planning a meeting', () => {
	it('takes the date and time as Brussels wall-clock time, summer and winter', () => {
		const summer = MeetingForm.parse(meeting('2027-06-10', '14:00'));
		const winter = MeetingForm.parse(meeting('2027-12-10', '09:30'));
		expect(summer.startsAt.toISOString()).toBe('2027-06-10T12:00:00.000Z');
		expect(winter.startsAt.toISOString()).toBe('2027-12-10T08:30:00.000Z');
	});

	it.each(['25:00', '14:60', '9:30', '14h00'])('refuses %s as a time of day, in French', (time) => {
		const result = MeetingForm.safeParse(meeting('2027-06-10', time));
		expect(result.success).toBe(false);
		expect(result.error?.issues[0].message).toBe('Indiquez l’heure de début, par exemple 14:00.');
	});
});
