export * from './agreement-document';
export { generateDevelopmentP12 } from './dev-certificate';
export type { DevelopmentP12, DevelopmentP12Options } from './dev-certificate';
export { AgreementPdfInputError, SealError } from './errors';
export { setFontDirectory } from './fonts';
export { parseAgreementKeywords } from './metadata';
export type { AgreementIdentity, RenderKind } from './metadata';
export { DEFAULT_CONTENTS_BYTES, addSignaturePlaceholder } from './placeholder';
export { PDF_PRODUCER, renderAgreementPdf } from './render';
export type { RenderOptions } from './render';
export { renderAndSeal, sealAnyPdf, sealPdf } from './seal';
export type { SealOptions } from './seal';
export { createSealer } from './sealer';
export type { Sealer, SealerSource } from './sealer';
export { verifySealedPdf } from './verify';
export type { VerifyOptions, VerifyResult } from './verify';
/** The DejaVu fonts, parsed once per process, for other PDF renderers (libs/report-pdf). */
export { agreementFonts, memoizedFontkit, textWidth } from './fonts';
export type { LoadedFont } from './fonts';
