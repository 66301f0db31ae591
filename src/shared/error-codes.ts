/**
 * Every `code` the API answers an error with (`{ error: { code, message, details } }`).
 * The server's DomainError takes only these, so a new code is added here first; the web's
 * catalog must then say it in every language (src/web/i18n/error-codes.test.ts checks both,
 * and that no code is thrown in src/server without being listed here).
 *
 * The server's `message` is in the caller's language (#shared/error-messages.ts has a generic text
 * for every code, which a new code must add too); the web app shows its catalog's text.
 */
export const errorCodes = [
  // ---------------------------------------------------------------- requests, sessions, access
  'VALIDATION_FAILED',
  'BAD_REQUEST',
  'ROUTE_NOT_FOUND',
  'INTERNAL_ERROR',
  'SHUTTING_DOWN',
  'BUSY',
  'TASK_TIMEOUT',
  'TASK_TOO_LARGE',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'CSRF_TOKEN_INVALID',
  'INVALID_TOKEN',
  'INVALID_TOKEN_EXPIRY',
  'TOKEN_NOT_FOUND',
  'SESSION_REQUIRED',
  'SESSION_NOT_FOUND',
  'VERSION_CONFLICT',

  // ---------------------------------------------------------------- sign-in, set-up, users
  'INVALID_CREDENTIALS',
  'TOO_MANY_ATTEMPTS',
  'USER_DEACTIVATED',
  'SSO_NOT_CONFIGURED',
  'SSO_FAILED',
  'SSO_NO_EMAIL',
  'SSO_EMAIL_NOT_VERIFIED',
  'INVALID_SETUP_CODE',
  'SETUP_ALREADY_DONE',
  'USER_NOT_FOUND',
  'USER_EXISTS',
  'USER_HAS_HISTORY',
  'CANNOT_REMOVE_SELF',
  'LAST_ADMINISTRATOR',
  'PASSWORD_REQUIRED',
  'WEAK_PASSWORD',
  'WRONG_PASSWORD',
  'NO_PASSWORD',
  'INVALID_RESET_CODE',

  // ---------------------------------------------------------------- mergers, members
  'MERGER_NOT_FOUND',
  'TOO_FEW_MUNICIPALITIES',
  'UNKNOWN_MUNICIPALITY',
  'DUPLICATE_MUNICIPALITY',
  'MEMBER_NOT_FOUND',
  'ALREADY_MEMBER',
  'ALREADY_INVITED',
  'INVITATION_NOT_FOUND',
  'ROLE_NOT_GRANTABLE',
  'LAST_OWNER',
  'MERGER_ARCHIVED',
  'MERGER_NAME_MISMATCH',
  'MUNICIPALITY_HAS_INVENTORY',
  'MUNICIPALITY_SYSTEMS_IN_USE',
  'RESPONSIBLE_NOT_MEMBER',
  'RESPONSIBLE_AMBIGUOUS',

  // ---------------------------------------------------------------- plan
  'TASK_NOT_FOUND',
  'ACTIVITY_NOT_FOUND',
  'NOT_RELEVANT_REASON_REQUIRED',
  'CATALOG_TASK_TITLE_READONLY',
  'PLANNED_START_AFTER_DUE_DATE',
  'DEPENDENCIES_OPEN',
  'DEPENDENCY_TASK_NOT_FOUND',
  'DEPENDENCY_NOT_FOUND',
  'DEPENDENCY_EXISTS',
  'DEPENDENCY_CYCLE',
  'PHASE_END_BEFORE_START',
  'MILESTONE_NOT_FOUND',
  'OPPORTUNITY_NOT_FOUND',
  'OPPORTUNITY_ALREADY_TAKEN_UP',

  // ---------------------------------------------------------------- decisions, contract deadlines, reports
  'SOLUTION_AREA_NOT_FOUND',
  'DECISION_NOT_FOUND',
  'DECISION_INVALID',
  'DECISION_RECORD_INVALID',
  'DEFERRAL_NOT_APPLICABLE',
  'DEFERRAL_REASON_REQUIRED',
  'CALENDAR_FEED_NOT_FOUND',
  'REPORT_PERIOD_INVALID',
  'REPORT_NOT_FOUND',

  // ---------------------------------------------------------------- risks, benefits
  'RISK_NOT_FOUND',
  'RISK_INVALID',
  'RISK_MATRIX_INVALID',
  'MITIGATION_NOT_FOUND',
  'MITIGATION_INVALID',
  'SUGGESTION_NOT_FOUND',
  'SUGGESTION_ALREADY_ACCEPTED',
  'BENEFIT_NOT_FOUND',
  'BENEFIT_ENABLER_INVALID',
  'INDICATOR_NOT_FOUND',
  'INDICATOR_DATES_INVALID',
  'BASELINE_AFTER_MEASUREMENTS',
  'MEASUREMENT_NOT_FOUND',
  'MEASUREMENT_BEFORE_BASELINE',

  // ---------------------------------------------------------------- inventory, import
  'SYSTEM_NOT_FOUND',
  'DIGITAL_SERVICE_NOT_FOUND',
  'CONTRACT_NOT_FOUND',
  'INTEGRATION_NOT_FOUND',
  'ARCHIVE_NOT_FOUND',
  'INFRASTRUCTURE_NOT_FOUND',
  'IT_ORGANISATION_NOT_FOUND',
  'INTERMUNICIPAL_COOPERATION_NOT_FOUND',
  'SYSTEM_IN_USE',
  'UNKNOWN_KIND',
  'KIND_REQUIRED',
  'FILE_TOO_LARGE',
  'NOT_A_SPREADSHEET',
  'OLD_EXCEL_FORMAT',
  'ODS_NOT_SUPPORTED',
  'PASSWORD_PROTECTED',
  'SPREADSHEET_TOO_SLOW',
  'SPREADSHEET_TOO_LARGE',
  'TOO_MANY_ROWS',
  'NO_KNOWN_SHEETS',
  'IMPORT_INVALID',
  'IMPORT_PREVIEW_OUTDATED',
  'IMPORT_NEEDS_CONFIRMATION',

  // ---------------------------------------------------------------- comments, notifications
  'COMMENT_NOT_FOUND',
  // A member's own words: edited only by them, deleted by them or by prosjektleder and eier.
  'NOT_COMMENT_AUTHOR',
  'NOTIFICATION_NOT_FOUND',
] as const;

export type ErrorCode = (typeof errorCodes)[number];
