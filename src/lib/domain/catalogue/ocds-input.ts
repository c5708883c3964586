/**
 * What the OCDS mapping needs about a contract, as plain data, and the options of a publication.
 * Dates are 'YYYY-MM-DD'; money is integer cents of euro.
 *
 * This is the one definition of the mapping's input. It is not derived from the database schema
 * because domain code imports nothing with I/O; instead server/catalogue/ocds.ts builds it from
 * rows typed by the schema and checks the result with `satisfies OcdsContractInput`, so a column
 * whose type drifts fails the type check there. The calendar is the shared `ContractDates`.
 */
import type { DocumentKind, Procedure } from './labels';
import type { ContractDates, ContractStatus } from './types';

export interface OcdsSupplierInput {
	id: number;
	name: string;
	/** 'BE0123456789' for a Belgian enterprise; other countries are published without identifier. */
	vatNumber: string | null;
}

export interface OcdsLotInput {
	id: number;
	title: string;
	supplier: OcdsSupplierInput | null;
	endDate: string | null;
	valueCents: number | null;
}

export interface OcdsDocumentInput {
	id: number;
	kind: DocumentKind;
	title: string;
	/** Absolute, or relative to `baseUrl`. */
	url: string;
	/** Members-only documents are never published. */
	public: boolean;
}

export interface OcdsContractInput extends ContractDates {
	id: number;
	reference: string;
	title: string;
	description: string | null;
	/** The status to publish: pass `effectiveStatus(...)` so an expired contract shows as ended. */
	status: ContractStatus;
	procedure: Procedure | null;
	mainProcurementCategory: 'services' | 'goods';
	/** Last change of the contract, UTC milliseconds: the release date. */
	updatedAt: number;
	estimatedValueCents: number | null;
	maxValueCents: number | null;
	leadCentrale: { id: number; name: string };
	lots: readonly OcdsLotInput[];
	documents: readonly OcdsDocumentInput[];
	/** The framework this one relaunches: published as a related process 'prior'. */
	predecessorOcid: string | null;
	/**
	 * Accepted but not published: the relatedProcess codelist only has codes for a process that
	 * came before (the successor's release points back to this one).
	 */
	successorOcid?: string | null;
	/** '72000000-5' or '72000000'; published without the check digit. */
	cpvCodes: readonly string[];
}

export interface OcdsReleaseOptions {
	/** The registered ocid prefix, e.g. 'ocds-abc123'. */
	ocidPrefix: string;
	/** The portal's origin, to make document links absolute. */
	baseUrl: string;
}

export interface OcdsPackageOptions extends OcdsReleaseOptions {
	/** The URI of the package itself. */
	packageUri: string;
	publisher: { name: string; scheme?: string; uid?: string; uri?: string };
	/** Date of the last change to the package contents, UTC milliseconds. */
	publishedAt: number;
	license?: string;
	publicationPolicy?: string;
}
