package dev.tracedesk.app;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javafx.application.Platform;

/**
 * A jOOQ listener that catches queries run on the JavaFX application thread, where they would
 * freeze the window. It does not stop them (a frozen moment beats a broken screen) but logs each
 * as an error with the stack that issued it, and records it so tests can demand there are none.
 */
public final class FxThreadQueryGuard implements ExecuteListener {

    private static final Logger LOG = LoggerFactory.getLogger(FxThreadQueryGuard.class);

    private final List<String> violations = new CopyOnWriteArrayList<>();

    @Override
    public void executeStart(ExecuteContext context) {
        if (Platform.isFxApplicationThread()) {
            String sql = context.sql() != null ? context.sql() : String.valueOf(context.query());
            violations.add(sql);
            LOG.error("Query on the JavaFX application thread (run it through the TaskRunner): {}", sql,
                    new IllegalStateException("query issued here"));
        }
    }

    /** The SQL of every query that ran on the FX thread so far, oldest first. */
    public List<String> violations() {
        return List.copyOf(violations);
    }
}
