package io.tracker.launcher.support;

/** The launcher's messages: progress on standard output, warnings on standard error. */
public final class Console {

    private Console() {
    }

    /** A step, printed as {@code ==> message}. */
    public static void say(String message) {
        System.out.println("==> " + message);
        System.out.flush();
    }

    /** A warning, printed to standard error as {@code run: warning: message}. */
    public static void warn(String message) {
        System.err.println("run: warning: " + message);
        System.err.flush();
    }
}
