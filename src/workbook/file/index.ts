/** The workbook port on .xlsx files (ExcelJS). */
export { FileWorkbook, MAX_FILE_BYTES, openWorkbookFile } from "./fileWorkbook";
export { serialFromDate } from "./cellValues";
