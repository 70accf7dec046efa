package dev.tracedesk.core.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

class ImmediateTaskRunnerTest {

    private final ImmediateTaskRunner runner = new ImmediateTaskRunner();
    private final AtomicReference<Object> result = new AtomicReference<>();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    @Test
    void deliversTheResultBeforeSubmitReturns() {
        runner.submit("Adding", context -> 1 + 2, result::set, failure::set);

        assertThat(result.get()).isEqualTo(3);
        assertThat(failure.get()).isNull();
    }

    @Test
    void deliversWhatTheWorkThrewToTheFailureCallback() {
        IOException broken = new IOException("disk gone");

        runner.submit("Reading", context -> {
            throw broken;
        }, result::set, failure::set);

        assertThat(failure.get()).isSameAs(broken);
        assertThat(result.get()).isNull();
    }

    @Test
    void workThatStopsAfterCancelEndsAsCancelledNotFailed() {
        List<Integer> processed = new ArrayList<>();

        runner.submit("Counting", context -> {
            for (int i = 0; i < 10; i++) {
                if (i == 3) {
                    runner.activity().cancelCurrent();
                }
                context.stopIfCancelled();
                processed.add(i);
            }
            return processed.size();
        }, result::set, failure::set);

        assertThat(processed).containsExactly(0, 1, 2);
        assertThat(failure.get()).isInstanceOf(CancellationException.class);
        assertThat(result.get()).isNull();
    }

    @Test
    void activityShowsTheRunningTaskWithItsProgressAndIsIdleAfterwards() {
        TaskActivity activity = runner.activity();
        List<String> seenWhileRunning = new ArrayList<>();

        TaskHandle handle = runner.submit("Importing", context -> {
            context.progress(1, 4, "record 1");
            seenWhileRunning.add(activity.isBusy() + " " + activity.titleProperty().get() + " "
                    + activity.progressProperty().get() + " " + activity.messageProperty().get());
            return null;
        }, result::set, failure::set);

        assertThat(seenWhileRunning).containsExactly("true Importing 0.25 record 1");
        assertThat(activity.isBusy()).isFalse();
        assertThat(activity.titleProperty().get()).isEmpty();
        assertThat(handle.doneProperty().get()).isTrue();
    }

    @Test
    void unknownTotalMeansIndeterminateProgress() {
        AtomicReference<Double> progress = new AtomicReference<>();

        runner.submit("Scanning", context -> {
            context.progress(5, 0, "");
            progress.set(runner.activity().progressProperty().get());
            return null;
        }, result::set, failure::set);

        assertThat(progress.get()).isEqualTo(TaskHandle.INDETERMINATE);
    }

    @Test
    void anOutcomeHandlerThatThrowsDoesNotLeaveTheTaskRunning() {
        runner.submit("Faulty", context -> "ok", value -> {
            throw new IllegalStateException("handler bug");
        }, failure::set);

        assertThat(runner.activity().isBusy()).isFalse();
        assertThat(failure.get()).isNull();
    }
}
