/** The document cannot be rendered as asked (e.g. a signed PDF with a signature missing). */
export class AgreementPdfInputError extends Error {
  override readonly name = 'AgreementPdfInputError';
}

/** The PDF or the sealing key cannot be used for a seal. */
export class SealError extends Error {
  override readonly name = 'SealError';
}
