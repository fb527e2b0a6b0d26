export { renderReportPdf } from './report-pdf';
export type { ReportColumn, ReportSection, ReportSpec, StackedBarChart } from './report-pdf';
