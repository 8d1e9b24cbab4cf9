export { ImportError, isImportError, type ImportErrorCode } from './errors';
export { decodeCsvBytes, sniffDelimiter, DELIMITERS, type CsvEncoding, type Delimiter } from './sniff';
export { parseCsv, parseCsvAsync, type ParsedCsv, type ParseOptions } from './parse';
export { readCsvFile, type CsvFile } from './read';
export { MAX_COLUMNS, MAX_CELL_CHARS } from './limits';
export { guessMapping, looksLikePhoneNumber, normaliseHeader, type ColumnMapping, type MappingConfidence } from './mapping';
export { normaliseMsisdn, isCountryCode, type MsisdnResult, type CountryCode } from './phone';
export { parseMergeFields, renderMessage, mergedSmsParts, type MergeFields } from './merge';
export {
  analyseImport,
  MAX_IMPORT_BYTES,
  DEFAULT_MAX_PARTS,
  REJECT_KINDS,
  type RejectKind,
  type AcceptedRow,
  type RejectedRow,
  type ImportAnalysis,
  type ImportInput,
} from './import';
