package dev.tracedesk.datasets.export;

/** An item turned into one output record, or the reason it was left out. */
record Mapped<T>(T record, String skipReason) {

    static <T> Mapped<T> of(T record) {
        return new Mapped<>(record, null);
    }

    static <T> Mapped<T> skip(String reason) {
        return new Mapped<>(null, reason);
    }

    boolean skipped() {
        return skipReason != null;
    }
}
