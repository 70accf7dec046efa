package dev.tracedesk.shell;

/** Where the window was and how big, as remembered between runs; the bounds are the unmaximised ones. */
public record WindowGeometry(double x, double y, double width, double height, boolean maximized) {
}
