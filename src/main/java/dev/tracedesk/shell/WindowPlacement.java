package dev.tracedesk.shell;

import java.util.Optional;

import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * Restores the window where it was and remembers where it is. It keeps the last unmaximised bounds,
 * because a maximised stage reports the screen's size, which is not the size to come back to.
 */
public final class WindowPlacement {

    private static final double DEFAULT_WIDTH = 1200;
    private static final double DEFAULT_HEIGHT = 780;
    private static final double MIN_WIDTH = 720;
    private static final double MIN_HEIGHT = 480;

    private final Stage stage;
    private double x;
    private double y;
    private double width = DEFAULT_WIDTH;
    private double height = DEFAULT_HEIGHT;

    public WindowPlacement(Stage stage) {
        this.stage = stage;
        stage.setMinWidth(MIN_WIDTH);
        stage.setMinHeight(MIN_HEIGHT);
        stage.xProperty().addListener((observable, before, after) -> rememberNormalBounds());
        stage.yProperty().addListener((observable, before, after) -> rememberNormalBounds());
        stage.widthProperty().addListener((observable, before, after) -> rememberNormalBounds());
        stage.heightProperty().addListener((observable, before, after) -> rememberNormalBounds());
    }

    /** Puts the window where it was, if that is still on a screen; else centres it at a default size. */
    public void restore(Optional<WindowGeometry> saved) {
        Optional<WindowGeometry> onScreen = saved.filter(WindowPlacement::isVisibleOnSomeScreen);
        if (onScreen.isPresent()) {
            WindowGeometry geometry = onScreen.get();
            stage.setX(geometry.x());
            stage.setY(geometry.y());
            stage.setWidth(Math.max(MIN_WIDTH, geometry.width()));
            stage.setHeight(Math.max(MIN_HEIGHT, geometry.height()));
            stage.setMaximized(geometry.maximized());
        } else {
            Rectangle2D screen = Screen.getPrimary().getVisualBounds();
            stage.setWidth(Math.min(DEFAULT_WIDTH, screen.getWidth()));
            stage.setHeight(Math.min(DEFAULT_HEIGHT, screen.getHeight()));
            stage.centerOnScreen();
        }
        rememberNormalBounds();
    }

    public WindowGeometry current() {
        return new WindowGeometry(x, y, width, height, stage.isMaximized());
    }

    private void rememberNormalBounds() {
        if (stage.isMaximized() || stage.isIconified() || stage.isFullScreen()) {
            return;
        }
        if (Double.isFinite(stage.getX()) && Double.isFinite(stage.getY())) {
            x = stage.getX();
            y = stage.getY();
        }
        if (stage.getWidth() > 0 && stage.getHeight() > 0) {
            width = stage.getWidth();
            height = stage.getHeight();
        }
    }

    /** A monitor unplugged since the last run must not leave the window off screen. */
    private static boolean isVisibleOnSomeScreen(WindowGeometry geometry) {
        return !Screen.getScreensForRectangle(geometry.x(), geometry.y(),
                Math.min(geometry.width(), 100), Math.min(geometry.height(), 100)).isEmpty();
    }
}
