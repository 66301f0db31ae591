/**
 * exceljs and pdfkit take most of a second to load, and only exports, imports
 * and reports use them: loading them on first use keeps `npm start` to first
 * answer fast. Node caches the module, so only the first call pays.
 */
export async function loadExcelJs() {
  return (await import('exceljs')).default;
}

export async function loadPdfKit() {
  return (await import('pdfkit')).default;
}
