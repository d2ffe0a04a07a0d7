package io.circlebridge.simulator.fault;

/** Cursor misbehaviour on paged list endpoints. */
public enum PagingFault {
    /** Cursors work. */
    NONE,
    /** Every page's {@code next_page_token} leads back to that same page, so a client that follows it loops. */
    REPEATING_CURSOR,
    /** Every page has a {@code next_page_token}, and every request that sends a {@code page-token} gets 404. */
    NOT_FOUND_CURSOR,
    /** {@code next_page_token} is never null: past the last item come empty pages, each with a new token. */
    ENDLESS_CURSOR
}
