package io.circlebridge.simulator.fault;

/** Kinds of damage that a malformed-body fault does to a JSON response body. The status stays as it was. */
public enum MalformedBody {
    /** An HTML error page from a proxy in place of the JSON. */
    NOT_JSON,
    /** The first half of the real JSON body, cut mid-document. */
    TRUNCATED_JSON
}
