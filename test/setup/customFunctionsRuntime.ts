/**
 * Excel's custom-functions runtime provides the global `CustomFunctions` (Error and ErrorCode).
 * Jest runs outside Excel, so this installs a stand-in with the same shape: the codes are the
 * runtime's own strings, and an error keeps its code and message as Excel would show them.
 */
class CustomFunctionError {
  constructor(
    public code: string,
    public message?: string,
  ) {}
}

const ErrorCode = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
};

Object.assign(globalThis, { CustomFunctions: { Error: CustomFunctionError, ErrorCode } });
