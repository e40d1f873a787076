/** The workbook port inside Excel (Excel JavaScript API). */
export { OfficeWorkbook, type OfficeWorkbookOptions } from "./officeWorkbook";
export type { ApiVersionCheck, ExcelRun } from "./support";
