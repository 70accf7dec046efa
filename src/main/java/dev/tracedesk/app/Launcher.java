package dev.tracedesk.app;

/**
 * The main class of the jar and the app image. It must not extend {@code Application}: with
 * JavaFX on the class path the JDK's launcher refuses such a main class (STACK.md, "Launching").
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        int exitCode = TracedeskCommand.execute(args);
        if (exitCode != TracedeskCommand.GUI_STARTED) {
            System.exit(exitCode);
        }
    }
}
