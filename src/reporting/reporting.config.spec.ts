import { loadReportingConfig } from './reporting.config';

describe('reporting configuration', () => {
  it('rebuilds the country summary every 60 s unless told otherwise, fractions allowed', () => {
    expect(loadReportingConfig({}).outcomeSummaryRefreshMs).toBe(60_000);
    expect(
      loadReportingConfig({ OUTCOME_SUMMARY_REFRESH_SECONDS: '0.5' }).outcomeSummaryRefreshMs,
    ).toBe(500);
  });

  it.each(['0', 'soon', '-5', '100000'])('refuses OUTCOME_SUMMARY_REFRESH_SECONDS=%s', (value) => {
    expect(() => loadReportingConfig({ OUTCOME_SUMMARY_REFRESH_SECONDS: value })).toThrow(
      /OUTCOME_SUMMARY_REFRESH_SECONDS must be a number of seconds from 0.1 to 86400/,
    );
  });
});
