// Errors shaped like OfficeExtension.Error: `code` is one of OfficeExtension.ErrorCodes / Excel.ErrorCodes
// (docs: office-js-docs-pr testing/application-specific-api-error-handling.md), name "RichApi.Error".

export type FakeErrorCode =
  | "AccessDenied"
  | "ApiNotFound"
  | "GeneralException"
  | "InvalidArgument"
  | "InvalidOperation"
  | "InvalidReference"
  | "InvalidRequestContext"
  | "ItemAlreadyExists"
  | "ItemNotFound"
  | "PropertyNotLoaded"
  | "RequestPayloadSizeLimitExceeded"
  | "ResponsePayloadSizeLimitExceeded"
  | "ValueNotLoaded";

const DEFAULT_MESSAGES: Record<FakeErrorCode, string> = {
  AccessDenied: "You cannot perform the requested operation.",
  ApiNotFound: "The API you are trying to use could not be found. It may be available in a newer version of Excel.",
  GeneralException: "An internal error has occurred.",
  InvalidArgument: "The argument is invalid or missing or has an incorrect format.",
  InvalidOperation: "The operation is invalid for this object.",
  InvalidReference: "This reference is not valid for the current operation.",
  InvalidRequestContext: "Cannot use the object across different request contexts.",
  ItemAlreadyExists: "The resource being created already exists.",
  ItemNotFound: "The requested resource doesn't exist.",
  PropertyNotLoaded:
    "The property is not available. Before reading the property's value, call the load method on the containing object and call \"context.sync()\" on the associated request context.",
  RequestPayloadSizeLimitExceeded: "The request payload size has exceeded the limit.",
  ResponsePayloadSizeLimitExceeded: "The response payload size has exceeded the limit.",
  ValueNotLoaded: "The value of the result object has not been loaded yet.",
};

export class FakeOfficeError extends Error {
  override readonly name = "RichApi.Error";
  readonly code: string;
  readonly debugInfo: { code: string; message: string; errorLocation?: string };

  constructor(code: FakeErrorCode | string, message?: string, errorLocation?: string) {
    const text = message ?? DEFAULT_MESSAGES[code as FakeErrorCode] ?? code;
    super(text);
    this.code = code;
    this.debugInfo = { code, message: text, ...(errorLocation ? { errorLocation } : {}) };
  }
}

/** The fake was asked for something it does not model: a bug in the test setup or a gap to fill, never Excel behaviour. */
export class FakeNotModelledError extends Error {
  override readonly name = "FakeNotModelledError";
}

export function officeError(code: FakeErrorCode, location?: string, message?: string): FakeOfficeError {
  return new FakeOfficeError(code, message, location);
}
