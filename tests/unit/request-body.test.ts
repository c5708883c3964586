import { describe, expect, it } from 'vitest';
import {
	bodyLimitFor,
	SMALL_BODY_LIMIT,
	UPLOAD_BODY_LIMIT
} from '../../src/lib/server/request-body';

describe('body limit of a request', () => {
	it.each([
		['/login', SMALL_BODY_LIMIT],
		['/login?/document', SMALL_BODY_LIMIT],
		['/gestion/marches/IGR-2025-AFF-03?/document', UPLOAD_BODY_LIMIT],
		['/gestion/marches/IGR-2025-AFF-03?/document&x=1', UPLOAD_BODY_LIMIT],
		['/gestion/marches/IGR-2025-AFF-03?/enregistrer', SMALL_BODY_LIMIT],
		['/gestion/marches/IGR-2025-AFF-03', SMALL_BODY_LIMIT],
		// SvelteKit runs the first named action: the upload's limit must follow the same one
		['/gestion/marches/IGR-2025-AFF-03?/enregistrer&/document', SMALL_BODY_LIMIT],
		['/gestion/marches/IGR-2025-AFF-03/autre?/document', SMALL_BODY_LIMIT],
		['/gestion/marches?/document', SMALL_BODY_LIMIT],
		// targets no URL parser accepts must not throw in the server's request listener
		['//', SMALL_BODY_LIMIT],
		['//a b?/document', SMALL_BODY_LIMIT],
		['/gestion/marches/%?/document&%zz', UPLOAD_BODY_LIMIT],
		// a decision's signed PDF, with the decision or later
		['/plan-achats?/decision', UPLOAD_BODY_LIMIT],
		['/plan-achats?/pdf', UPLOAD_BODY_LIMIT],
		['/plan-achats?/nature', SMALL_BODY_LIMIT],
		['/plan-achats/12?/decision', SMALL_BODY_LIMIT]
	])('%s → %i bytes', (target, limit) => {
		expect(bodyLimitFor(target)).toBe(limit);
	});

	it('holds the largest text a form accepts, url-encoded at 9 bytes a character', () => {
		expect(SMALL_BODY_LIMIT).toBeGreaterThan(20_000 * 9);
		expect(UPLOAD_BODY_LIMIT).toBeGreaterThan(10 * 1024 * 1024);
	});
});
