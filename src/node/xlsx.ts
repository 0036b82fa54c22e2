// The xlsx library in a bundle of its own (dist/xlsx.js): the CLI and the extension load it
// only when a spreadsheet is exported or imported, so their start-up does not parse ~1.2 MB.
import ExcelJS from 'exceljs';

export default ExcelJS;
