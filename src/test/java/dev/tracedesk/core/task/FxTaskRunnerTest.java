package dev.tracedesk.core.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import javafx.application.Platform;

class FxTaskRunnerTest {

    private final FxTaskRunner runner = new FxTaskRunner();

    @BeforeAll
    static void startToolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void closeRunner() {
        runner.close();
    }

    @Test
    void workRunsOffTheFxThreadAndItsOutcomeArrivesOnIt() throws Exception {
        CompletableFuture<String> delivered = new CompletableFuture<>();

        WaitForAsyncUtils.asyncFx(() -> runner.submit("Where am I",
                context -> Platform.isFxApplicationThread() ? "work on FX thread" : "work off FX thread",
                value -> delivered.complete(value + ", outcome " + (Platform.isFxApplicationThread() ? "on" : "off")
                        + " FX thread"),
                delivered::completeExceptionally));

        assertThat(delivered.get(10, TimeUnit.SECONDS)).isEqualTo("work off FX thread, outcome on FX thread");
    }

    @Test
    void cancellingTheCurrentTaskStopsItAndClearsTheIndicator() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CompletableFuture<Throwable> failed = new CompletableFuture<>();

        WaitForAsyncUtils.asyncFx(() -> runner.submit("Waiting for cancel", context -> {
            started.countDown();
            while (true) {
                context.progress(1, 2, "halfway");
                context.stopIfCancelled();
                Thread.sleep(5);
            }
        }, value -> failed.complete(null), failed::complete));
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> runner.activity().progressProperty().get() == 0.5);

        assertThat(WaitForAsyncUtils.asyncFx(() -> runner.activity().isBusy()).get()).isTrue();
        assertThat(WaitForAsyncUtils.asyncFx(() -> runner.activity().titleProperty().get()).get())
                .isEqualTo("Waiting for cancel");
        WaitForAsyncUtils.asyncFx(() -> runner.activity().cancelCurrent()).get();

        assertThat(failed.get(10, TimeUnit.SECONDS)).isInstanceOf(CancellationException.class);
        assertThat(WaitForAsyncUtils.asyncFx(() -> runner.activity().isBusy()).get()).isFalse();
    }
}
