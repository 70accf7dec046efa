package dev.tracedesk.traces;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.util.Duration;

import dev.tracedesk.grounding.DocumentPassages;
import dev.tracedesk.grounding.GroundednessHint;
import dev.tracedesk.grounding.Passage;
import dev.tracedesk.grounding.SentenceGrounding;

/**
 * The groundedness hint in the provenance panel: the output with each sentence marked by verdict
 * (tooltip: the explanation), and each retrieved document with the passages the output drew on.
 * Text and Text nodes only — imported content is never interpreted — and capped, so a 100 KB
 * output or document lays out as quickly as a short one (the span holding the text shows all of it).
 */
final class GroundingHintSection {

    /** A TextFlow lays out all its text at once; past this many characters the text is cut with a note. */
    static final int SHOWN_CHARS = 20_000;
    /** Each mark is a node with a tooltip; past this many, the rest of the text is shown unmarked. */
    static final int SHOWN_MARKS = 300;
    /** More documents than this start collapsed, as in the documents section. */
    private static final int EXPANDED_DOCUMENTS = 3;

    private GroundingHintSection() {
    }

    static Node of(SpanHint hint) {
        Label heading = new Label(GroundednessHint.LABEL);
        heading.setId("groundingHeading");
        heading.getStyleClass().add("provenance-heading");
        Label summary = new Label(hint.summary());
        summary.setId("groundingSummary");
        summary.setWrapText(true);
        Label legend = muted("Red: few of the sentence's words are in any one document; amber: some are, or a number is"
                + " missing. Hover a sentence for the words found. A paraphrase can look unsupported and a"
                + " contradiction supported — check before you judge.");
        VBox box = new VBox(4, heading, summary, legend, output(hint));
        box.setId("groundingSection");
        box.getStyleClass().addAll("provenance-section", "grounding-section");
        if (!hint.result().documents().isEmpty()) {
            box.getChildren().add(muted("Passages of the retrieved documents the output drew on"));
            box.getChildren().add(documents(hint.result().documents()));
        }
        return box;
    }

    private static Node output(SpanHint hint) {
        List<MarkedRuns.Mark<SentenceGrounding>> marks = hint.result().sentences().stream()
                .map(sentence -> new MarkedRuns.Mark<>(sentence.start(), sentence.end(), sentence)).toList();
        MarkedRuns<SentenceGrounding> runs = MarkedRuns.of(hint.output(), marks, SHOWN_CHARS, SHOWN_MARKS);
        TextFlow flow = flow(runs, sentence -> "grounding-" + sentence.verdict().name().toLowerCase(Locale.ROOT),
                SentenceGrounding::explanation);
        flow.setId("groundingOutput");
        return withNote(flow, runs, "sentences");
    }

    private static Node documents(List<DocumentPassages> documents) {
        VBox box = new VBox(4);
        box.setId("groundingDocuments");
        for (DocumentPassages document : documents) {
            List<MarkedRuns.Mark<Passage>> marks = document.passages().stream()
                    .map(passage -> new MarkedRuns.Mark<>(passage.start(), passage.end(), passage)).toList();
            MarkedRuns<Passage> runs = MarkedRuns.of(document.document().content(), marks, SHOWN_CHARS, SHOWN_MARKS);
            TextFlow flow = flow(runs, passage -> "grounding-passage",
                    passage -> "Shares with the output: " + String.join(", ", passage.sharedWords()));
            int count = document.passages().size();
            TitledPane pane = new TitledPane("#" + document.document().rank() + "  " + document.document().label()
                    + "  · " + (count == 0 ? "no passage drawn on" : count == 1 ? "1 passage" : count + " passages"),
                    withNote(flow, runs, "passages"));
            pane.getStyleClass().addAll("document-pane", "grounding-document");
            pane.setExpanded(documents.size() <= EXPANDED_DOCUMENTS);
            pane.setAnimated(false);
            box.getChildren().add(pane);
        }
        return box;
    }

    private static <T> TextFlow flow(MarkedRuns<T> runs, Function<T, String> styleClass, Function<T, String> tooltip) {
        TextFlow flow = new TextFlow();
        flow.getStyleClass().add("grounding-flow");
        for (MarkedRuns.Run<T> run : runs.runs()) {
            Text text = new Text(run.text());
            text.getStyleClass().add("grounding-text");
            if (run.mark() != null) {
                text.getStyleClass().addAll("grounding-mark", styleClass.apply(run.mark()));
                Tooltip tip = new Tooltip(tooltip.apply(run.mark()));
                tip.setWrapText(true);
                tip.setMaxWidth(520);
                tip.setShowDelay(Duration.millis(300));
                Tooltip.install(text, tip);
            }
            flow.getChildren().add(text);
        }
        return flow;
    }

    private static Node withNote(TextFlow flow, MarkedRuns<?> runs, String marked) {
        if (!runs.cut()) {
            return flow;
        }
        StringBuilder note = new StringBuilder("Long text: ");
        if (runs.shownChars() < runs.totalChars()) {
            note.append("the first ").append(runs.shownChars()).append(" of ").append(runs.totalChars())
                    .append(" characters are shown here; ");
        }
        note.append(runs.shownMarks()).append(" of ").append(runs.totalMarks()).append(' ').append(marked)
                .append(" are marked.");
        Label label = muted(note.toString());
        label.getStyleClass().add("grounding-note");
        return new VBox(4, flow, label);
    }

    private static Label muted(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("text-muted");
        label.setWrapText(true);
        return label;
    }
}
