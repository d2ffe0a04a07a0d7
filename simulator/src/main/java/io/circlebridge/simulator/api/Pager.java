package io.circlebridge.simulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.circlebridge.simulator.fault.PagingFault;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * Cuts lists into {@code {"items": [...], "next_page_token": ...}} pages with opaque cursors.
 *
 * <p>A cursor names the last item of the page it follows, so items added at the head of a newest-first list
 * never shift later pages. It also names the list it belongs to, so a cursor from another list gets 404.
 */
final class Pager {

    /** Items per page. CircleCI has no page-size parameter either. */
    static final int PAGE_SIZE = 20;

    private static final String FORMAT = "v1";

    private Pager() {
    }

    /**
     * Returns one page.
     *
     * @param list names the list and its filters, such as {@code pipelines gh/org/repo branch=main}
     * @param keyOf returns the item's stable key, such as its id
     * @param pageToken the {@code page-token} the client sent, or {@code null} for the first page
     * @throws ApiException 404 {@code Not Found} for a cursor this list did not issue
     */
    static <T> ObjectNode page(List<T> items, String list, Function<T, String> keyOf, Function<T, JsonNode> render,
            String pageToken, PagingFault fault) {
        Cursor cursor = pageToken == null ? new Cursor("", 0) : decode(pageToken, list);
        if (fault == PagingFault.NOT_FOUND_CURSOR && pageToken != null) {
            throw ApiException.notFound();
        }
        int from = startIndex(items, keyOf, cursor);
        int to = Math.min(from + PAGE_SIZE, items.size());
        List<T> page = items.subList(Math.min(from, items.size()), to);
        boolean more = to < items.size();
        String lastKey = page.isEmpty() ? cursor.anchor() : keyOf.apply(page.get(page.size() - 1));

        String next = switch (fault) {
            case NONE -> more ? encode(list, new Cursor(lastKey, 0)) : null;
            case REPEATING_CURSOR -> encode(list, cursor);
            case NOT_FOUND_CURSOR, ENDLESS_CURSOR -> encode(list, new Cursor(lastKey, more ? 0 : cursor.round() + 1));
        };

        ObjectNode body = Json.object();
        ArrayNode array = body.putArray("items");
        page.forEach(item -> array.add(render.apply(item)));
        Json.putNullable(body, "next_page_token", next);
        return body;
    }

    private static <T> int startIndex(List<T> items, Function<T, String> keyOf, Cursor cursor) {
        if (cursor.anchor().isEmpty()) {
            return 0;
        }
        for (int i = 0; i < items.size(); i++) {
            if (keyOf.apply(items.get(i)).equals(cursor.anchor())) {
                return i + 1;
            }
        }
        throw ApiException.notFound();
    }

    private static String encode(String list, Cursor cursor) {
        String plain = FORMAT + "\n" + list + "\n" + cursor.anchor() + "\n" + cursor.round();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    private static Cursor decode(String token, String list) {
        String plain;
        try {
            plain = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound();
        }
        String[] parts = plain.split("\n", -1);
        if (parts.length != 4 || !FORMAT.equals(parts[0]) || !list.equals(parts[1])) {
            throw ApiException.notFound();
        }
        try {
            return new Cursor(parts[2], Integer.parseInt(parts[3]));
        } catch (NumberFormatException e) {
            throw ApiException.notFound();
        }
    }

    /**
     * A position in a list.
     *
     * @param anchor the key of the last item already served; empty for the list's start
     * @param round counts empty pages past the end, so an endless cursor changes on every page
     */
    private record Cursor(String anchor, int round) {
    }
}
