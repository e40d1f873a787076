/** The in-memory Excel the Office port is tested against (see fakeExcel.ts). */
export {
  FakeExcel,
  FakeOfficeError,
  type CellSnapshot,
  type ChartRecord,
  type FakeCell,
  type FakeHyperlink,
  type FakeOptions,
  type FakeSheetInit,
  type TableRecord,
  type Visibility,
} from "./fakeExcel";
