export { renderReportPdf } from './report-pdf';
export type { ReportColumn, ReportSpec, StackedBarChart } from './report-pdf';
