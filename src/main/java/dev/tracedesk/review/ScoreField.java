package dev.tracedesk.review;

import java.util.Locale;

import javafx.collections.MapChangeListener;
import javafx.collections.ObservableMap;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;

/**
 * One numeric score of a queue's label schema: its name, a field, its range. A value outside the
 * range or not a number is shown as such and left out of the label rather than saved wrong.
 */
final class ScoreField extends HBox {

    private final TextField field = new TextField();
    private final Label problem = new Label();

    ScoreField(LabelSchema.Score score, ObservableMap<String, Double> scores) {
        super(8);
        setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        Label name = new Label(score.name());
        name.setMinWidth(110);
        field.setPrefColumnCount(5);
        field.setPromptText(format(score.min()) + "–" + format(score.max()));
        problem.getStyleClass().add("review-error");
        getChildren().addAll(name, field, problem);
        show(scores.get(score.name()));
        scores.addListener((MapChangeListener<String, Double>) change -> {
            if (change.getKey().equals(score.name()) && !field.isFocused()) {
                show(scores.get(score.name()));
            }
        });
        field.textProperty().addListener((observable, before, text) -> {
            if (text.isBlank()) {
                problem.setText("");
                scores.remove(score.name());
                return;
            }
            try {
                double value = Double.parseDouble(text.trim());
                if (value < score.min() || value > score.max()) {
                    problem.setText("from " + format(score.min()) + " to " + format(score.max()));
                    scores.remove(score.name());
                } else {
                    problem.setText("");
                    scores.put(score.name(), value);
                }
            } catch (NumberFormatException notANumber) {
                problem.setText("a number");
                scores.remove(score.name());
            }
        });
    }

    private void show(Double value) {
        field.setText(value == null ? "" : format(value));
    }

    private static String format(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%s", value);
    }
}
