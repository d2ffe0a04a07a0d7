package io.circlebridge.poller.circleci;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import okhttp3.HttpUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Walks a cursor-paged CircleCI list: each page is {@code {"items": [...], "next_page_token": ...}} and the token goes
 * back as the {@code page-token} query parameter until it is null.
 *
 * <p>CircleCI's cursors are not trusted to end: the walk stops at the page cap, at a token it has seen before, and at
 * the first failing page after the first. Items read until then are returned with {@code complete = false}. A failing
 * first page throws, because there is nothing to return. A malformed item is skipped and the rest of its page kept.
 */
final class Paginator {

    private static final Logger LOG = LoggerFactory.getLogger(Paginator.class);

    static final String PAGE_TOKEN = "page-token";

    private final RequestExecutor executor;
    private final ClientCounters counters;

    Paginator(RequestExecutor executor, ClientCounters counters) {
        this.executor = executor;
        this.counters = counters;
    }

    /**
     * Reads up to {@code maxPages} pages.
     *
     * @param what name of the list for logs, for example "pipelines of gh/org/repo"
     * @param firstPage URL of the first page, with every query parameter except the page token
     * @param projectSlug project the list belongs to, for error messages; null when none
     * @param itemMapper maps one item; throws {@link MalformedItemException} for an item it cannot read
     */
    <T> PagedResult<T> readAll(String what, HttpUrl firstPage, String projectSlug, int maxPages,
            Function<JsonNode, T> itemMapper) {
        List<T> items = new ArrayList<>();
        Set<String> seenTokens = new HashSet<>();
        String token = null;

        for (int page = 1; ; page++) {
            HttpUrl url = firstPage;
            if (token != null) {
                url = firstPage.newBuilder().setQueryParameter(PAGE_TOKEN, token).build();
            }
            JsonNode body;
            try {
                ApiResponse response = executor.get(url, projectSlug);
                body = response.body();
                readItems(what, page, url, response, itemMapper, items);
            } catch (CircleCiException e) {
                if (page == 1) {
                    throw e;
                }
                LOG.warn("Listing {} stopped at page {}, which failed; keeping the {} items of the pages before it. "
                        + "Cause: {}", what, page, items.size(), e.getMessage());
                return new PagedResult<>(items, false, "page " + page + " failed: " + e.getMessage());
            }

            String next = JsonFields.nonBlankText(body, "next_page_token");
            if (next == null) {
                return new PagedResult<>(items, true, null);
            }
            if (!seenTokens.add(next)) {
                String reason = "CircleCI returned page token '" + next + "' a second time after page " + page;
                LOG.warn("Listing {} stopped: {}; keeping the {} items read", what, reason, items.size());
                return new PagedResult<>(items, false, reason);
            }
            if (page >= maxPages) {
                String reason = "stopped at the cap of " + maxPages + " pages; more pages exist";
                LOG.debug("Listing {} {}", what, reason);
                return new PagedResult<>(items, false, reason, true);
            }
            token = next;
        }
    }

    private <T> void readItems(String what, int page, HttpUrl url, ApiResponse response,
            Function<JsonNode, T> itemMapper, List<T> items) {
        JsonNode body = response.body();
        JsonNode array = body.get("items");
        if (body.isObject() && (array == null || array.isNull())) {
            return;
        }
        if (array == null || !array.isArray()) {
            String message = "GET " + url.encodedPath() + " returned a list page without an items array: "
                    + Excerpts.of(body.toString());
            throw new CircleCiException(CircleCiException.Kind.MALFORMED_RESPONSE, response.status(), "GET",
                    url.encodedPath(), null, false, message, null);
        }
        int index = 0;
        for (JsonNode item : array) {
            try {
                items.add(itemMapper.apply(item));
            } catch (MalformedItemException e) {
                counters.skippedItem();
                LOG.warn("Skipped item {} on page {} of {}: {}", index, page, what, e.getMessage());
            }
            index++;
        }
    }
}
