package io.circlebridge.simulator.api;

/** Ends a request with an HTTP error status and CircleCI's error body {@code {"message": "..."}}. */
final class ApiException extends RuntimeException {

    private final int status;

    ApiException(int status, String message) {
        super(message);
        this.status = status;
    }

    static ApiException notFound() {
        return new ApiException(404, "Not Found");
    }

    static ApiException badRequest(String message) {
        return new ApiException(400, message);
    }

    int status() {
        return status;
    }
}
