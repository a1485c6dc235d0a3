// What the history fill copies: bookings the app itself wrote (their encrypted personal data, advice and
// confirmation e-mail), and identity checks as the desk's own decision rule records them.
import { decideIdentity } from '../../src/identity/index.js';
import type { DocumentType } from '../../src/identity/index.js';

/** A query that answers rows: pg (`(sql, p) => pool.query(sql, p).then((r) => r.rows)`) or a TypeORM DataSource. */
export type Rows = <T>(sql: string, params?: unknown[]) => Promise<T[]>;

export interface BookingTemplate {
  applicantEncrypted: string;
  manageTokenEncrypted: string;
  nationality: string;
  countryOfResidence: string;
  language: string;
  documents: DocumentType[];
  witnessAdvice: unknown;
  documentAdvice: unknown;
  /** The confirmation e-mail's encrypted facts, as the outbox keeps them. */
  mail: string;
  /** The identity check the desk records when the control questions pass, and when they fail. */
  passed: IdentityTemplate;
  failed: IdentityTemplate;
}

export interface IdentityTemplate {
  documents: { type: DocumentType; valid: boolean }[];
  controlQuestions: string;
  documentsSufficient: boolean;
  witnessVerified: boolean;
  identityEstablished: boolean;
  witnessRequiredNextTime: boolean;
  problems: unknown[];
}

function identityTemplate(
  documents: DocumentType[],
  controlQuestions: 'passed' | 'failed',
): IdentityTemplate {
  const shown = documents.map((type) => ({ type, valid: true }));
  const decision = decideIdentity({ documents: shown, controlQuestions, witnessMitidMinDays: 30 });
  return {
    documents: shown,
    controlQuestions,
    documentsSufficient: decision.documentsSufficient,
    witnessVerified: decision.witnessVerified,
    identityEstablished: decision.identityEstablished,
    witnessRequiredNextTime: decision.witnessRequiredNextTime,
    problems: decision.problems,
  };
}

/** Up to `limit` bookings the app made (with their confirmation e-mails), as templates for the fill. */
export async function readTemplates(rows: Rows, limit = 8): Promise<BookingTemplate[]> {
  const found = await rows<Omit<BookingTemplate, 'passed' | 'failed'>>(
    `SELECT b.applicant_encrypted AS "applicantEncrypted", b.manage_token_encrypted AS "manageTokenEncrypted",
            b.nationality, b.country_of_residence AS "countryOfResidence", b.language, b.documents,
            b.witness_advice AS "witnessAdvice", b.document_advice AS "documentAdvice", o.content_encrypted AS mail
       FROM booking b JOIN outbox_message o ON o.booking_id = b.id AND o.kind = 'confirmation'
      WHERE b.applicant_encrypted IS NOT NULL AND b.witness_encrypted IS NULL
      ORDER BY b.created_at LIMIT $1`,
    [limit],
  );
  if (found.length === 0) throw new Error('no booking with a confirmation e-mail to copy for the history');
  return found.map((template) => ({
    ...template,
    passed: identityTemplate(template.documents, 'passed'),
    failed: identityTemplate(template.documents, 'failed'),
  }));
}
