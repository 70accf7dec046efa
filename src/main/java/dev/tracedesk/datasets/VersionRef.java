package dev.tracedesk.datasets;

/**
 * A reference to a dataset version as typed: {@code NAME} (the newest published version, or the
 * draft when none is published), {@code NAME@3}, {@code NAME@TAG} or {@code NAME@draft}.
 * The last {@code @} splits, so a name may itself hold one.
 */
public record VersionRef(String name, String selector) {

    public static final String DRAFT = "draft";

    public static VersionRef parse(String text) {
        if (text == null || text.isBlank()) {
            throw new DatasetException("Name a dataset: NAME, NAME@VERSION, NAME@TAG or NAME@draft.");
        }
        String trimmed = text.trim();
        int at = trimmed.lastIndexOf('@');
        if (at < 0) {
            return new VersionRef(trimmed, null);
        }
        String name = trimmed.substring(0, at).trim();
        String selector = trimmed.substring(at + 1).trim();
        if (name.isEmpty() || selector.isEmpty()) {
            throw new DatasetException("\"" + text + "\" is not NAME@VERSION: say which version after the @.");
        }
        return new VersionRef(name, selector);
    }

    public boolean isDraft() {
        return DRAFT.equalsIgnoreCase(selector);
    }

    /** The version number when the selector is one, else null. */
    public Integer number() {
        if (selector == null || !selector.chars().allMatch(Character::isDigit) || selector.length() > 9) {
            return null;
        }
        return Integer.parseInt(selector);
    }

    @Override
    public String toString() {
        return selector == null ? name : name + "@" + selector;
    }
}
