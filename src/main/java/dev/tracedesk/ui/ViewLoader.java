package dev.tracedesk.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;

import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.util.Callback;

/**
 * The one place FXML is loaded. By convention {@code dev.tracedesk.<feature>.<Name>View} is the
 * controller of {@code /fxml/<feature>/<Name>View.fxml}; the controller factory builds each view
 * with its view model, so views need no framework to get their dependencies.
 */
public final class ViewLoader {

    private final Callback<Class<?>, Object> controllerFactory;

    public ViewLoader(Callback<Class<?>, Object> controllerFactory) {
        this.controllerFactory = controllerFactory;
    }

    /** The root node of a loaded view, and its controller. */
    public record Loaded<V>(Parent root, V view) {
    }

    public <V> Loaded<V> load(Class<V> viewClass) {
        String resource = fxmlResourceOf(viewClass);
        URL location = viewClass.getResource(resource);
        if (location == null) {
            throw new IllegalStateException("Missing FXML " + resource + " for " + viewClass.getName());
        }
        FXMLLoader loader = new FXMLLoader(location);
        loader.setControllerFactory(controllerFactory);
        try {
            Parent root = loader.load();
            return new Loaded<>(root, viewClass.cast(loader.getController()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load " + resource, e);
        }
    }

    /**
     * {@code dev.tracedesk.review.ReviewView} → {@code /fxml/review/ReviewView.fxml}; a view of a
     * sub-package is in the matching sub-folder ({@code review.rules} → {@code /fxml/review/rules/}).
     */
    static String fxmlResourceOf(Class<?> viewClass) {
        String packageName = viewClass.getPackageName();
        String root = "dev.tracedesk.";
        String feature = packageName.startsWith(root) ? packageName.substring(root.length()).replace('.', '/')
                : packageName.substring(packageName.lastIndexOf('.') + 1);
        return "/fxml/" + feature + "/" + viewClass.getSimpleName() + ".fxml";
    }
}
