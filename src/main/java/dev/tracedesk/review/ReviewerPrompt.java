package dev.tracedesk.review;

import java.util.function.Consumer;

import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;

/**
 * The reviewer's name as the Review section asks for it once: the name so far, whether it was
 * confirmed, and how to confirm one (throws IllegalArgumentException for a name it refuses).
 */
public record ReviewerPrompt(ObservableStringValue name, ObservableBooleanValue confirmed, Consumer<String> confirm) {
}
