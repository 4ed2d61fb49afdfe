package io.tracker.launcher.support;

/** A failure the user can act on; its message is printed as is, without a stack trace. */
public class LaunchException extends RuntimeException {

    public LaunchException(String message) {
        super(message);
    }

    public LaunchException(String message, Throwable cause) {
        super(message, cause);
    }
}
