package dev.tracedesk.review;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;
import javafx.collections.ObservableSet;

import dev.tracedesk.review.log.DocumentRelevance;
import dev.tracedesk.review.log.LabelDraft;
import dev.tracedesk.review.log.LabelEntry;

/**
 * The label being filled in for the current item: verdict, categories, note, corrected output and
 * per-document relevance. Filled from the reviewer's own label when they come back to an item.
 */
public final class LabelForm {

    private final ObjectProperty<Verdict> verdict = new SimpleObjectProperty<>(this, "verdict");
    private final ObservableSet<String> categories = FXCollections.observableSet(new java.util.LinkedHashSet<>());
    private final StringProperty note = new SimpleStringProperty(this, "note", "");
    private final StringProperty correction = new SimpleStringProperty(this, "correction", "");
    private final BooleanProperty editingCorrection = new SimpleBooleanProperty(this, "editingCorrection");
    private final ObservableMap<String, DocumentRelevance> relevance = FXCollections.observableMap(new LinkedHashMap<>());
    private final ObservableMap<String, Double> scores = FXCollections.observableMap(new LinkedHashMap<>());

    public ObjectProperty<Verdict> verdictProperty() {
        return verdict;
    }

    public ObservableSet<String> categories() {
        return categories;
    }

    public StringProperty noteProperty() {
        return note;
    }

    /** The corrected output; empty when the reviewer made none. */
    public StringProperty correctionProperty() {
        return correction;
    }

    public BooleanProperty editingCorrectionProperty() {
        return editingCorrection;
    }

    public ObservableMap<String, DocumentRelevance> relevance() {
        return relevance;
    }

    /** Numeric scores by name, as the queue's label schema asks for them. */
    public ObservableMap<String, Double> scores() {
        return scores;
    }

    public void toggleCategory(String name) {
        if (!categories.remove(name)) {
            categories.add(name);
        }
    }

    /** Marks a document; choosing its current mark again clears it. */
    public void markDocument(String key, DocumentRelevance mark) {
        if (relevance.get(key) == mark) {
            relevance.remove(key);
        } else {
            relevance.put(key, mark);
        }
    }

    /** Starts editing the correction from the output as it stands, unless there is one already. */
    public void startCorrection(String output) {
        if (correction.get() == null || correction.get().isEmpty()) {
            correction.set(output == null ? "" : output);
        }
        editingCorrection.set(true);
    }

    public void clear() {
        verdict.set(null);
        categories.clear();
        note.set("");
        correction.set("");
        editingCorrection.set(false);
        relevance.clear();
        scores.clear();
    }

    public void fill(LabelEntry label) {
        clear();
        verdict.set(label.verdict());
        categories.addAll(label.categories());
        note.set(label.note() == null ? "" : label.note());
        correction.set(label.correctedOutput() == null ? "" : label.correctedOutput());
        relevance.putAll(label.documentRelevance());
        scores.putAll(label.scores());
    }

    /**
     * The draft to save. A correction equal to the output is no correction.
     *
     * @throws IllegalStateException when no verdict is chosen
     */
    public LabelDraft draft(String output) {
        if (verdict.get() == null) {
            throw new IllegalStateException("Choose a verdict first: 1 pass, 2 fail, 3 unsure.");
        }
        String corrected = correction.get();
        if (corrected != null && corrected.equals(output)) {
            corrected = null;
        }
        List<String> chosen = new ArrayList<>(categories);
        return new LabelDraft(verdict.get(), chosen, new LinkedHashMap<>(scores), corrected, note.get(), new LinkedHashMap<>(relevance));
    }

    /** True when saving the form again would record nothing new over {@code saved}. */
    public boolean unchangedFrom(LabelEntry saved, String output) {
        if (saved == null || verdict.get() == null) {
            return saved == null && verdict.get() == null;
        }
        LabelDraft draft = draft(output);
        return draft.verdict() == saved.verdict()
                && new java.util.HashSet<>(draft.categories()).equals(new java.util.HashSet<>(saved.categories()))
                && textOf(draft.note()).equals(textOf(saved.note()))
                && textOf(draft.correctedOutput()).equals(textOf(saved.correctedOutput()))
                && draft.scores().equals(saved.scores())
                && draft.documentRelevance().equals(saved.documentRelevance());
    }

    private static String textOf(String text) {
        return text == null ? "" : text;
    }
}
