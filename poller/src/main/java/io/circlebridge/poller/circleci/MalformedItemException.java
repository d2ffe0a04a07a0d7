package io.circlebridge.poller.circleci;

/** A JSON value whose type does not fit the field it fills, for example an object where a string belongs. */
final class MalformedItemException extends RuntimeException {

    MalformedItemException(String message) {
        super(message);
    }
}
