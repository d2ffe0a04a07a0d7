package io.circlebridge.poller.circleci;

/** Short, single-line excerpts of response bodies for error and log messages. */
final class Excerpts {

    /** Maximum excerpt length, in characters, before an ellipsis. */
    static final int MAX_LENGTH = 200;

    private Excerpts() {
    }

    /** Collapses whitespace and cuts the text to {@link #MAX_LENGTH} characters. */
    static String of(String text) {
        if (text == null || text.isBlank()) {
            return "(empty body)";
        }
        String singleLine = text.strip().replaceAll("\\s+", " ");
        if (singleLine.length() <= MAX_LENGTH) {
            return singleLine;
        }
        return singleLine.substring(0, MAX_LENGTH) + "...";
    }
}
