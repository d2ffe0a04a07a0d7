package io.circlebridge.poller.circleci;

/** Time span of a workflow insights report, sent as the {@code reporting-window} query parameter. */
public enum ReportingWindow {
    LAST_24_HOURS("last-24-hours"),
    LAST_7_DAYS("last-7-days"),
    LAST_30_DAYS("last-30-days"),
    LAST_60_DAYS("last-60-days"),
    LAST_90_DAYS("last-90-days");

    private final String queryValue;

    ReportingWindow(String queryValue) {
        this.queryValue = queryValue;
    }

    /** Returns the value CircleCI expects in the query string, for example {@code last-7-days}. */
    public String queryValue() {
        return queryValue;
    }
}
