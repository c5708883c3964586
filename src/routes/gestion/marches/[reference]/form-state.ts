/**
 * Which of the page's many forms failed or succeeded. Every answer of this page's actions names
 * its form: `action` on a failure, `done` on a success; each section reads only its own.
 */
import type { ActionData } from './$types';

export function failed(form: ActionData, action: string) {
	return form && 'action' in form && form.action === action ? form : null;
}

/** the failure of one row's form: `key` names the hidden id field that says which row */
export function failedFor(form: ActionData, action: string, key: string, id: number) {
	const f = failed(form, action);
	return f && f.fields[key] === String(id) ? f : null;
}

/** the success message of one of these forms, if one of them just succeeded */
export function succeeded(form: ActionData, actions: string[]): string | null {
	return form && 'done' in form && form.done && actions.includes(form.done) ? form.message : null;
}
