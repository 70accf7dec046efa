package dev.tracedesk.review;

import java.util.function.Consumer;

import dev.tracedesk.review.log.LabelEntry;

/**
 * The desk's A key: the item on screen goes into the golden set with its label, and the desk moves
 * on. A verdict in the form that is not saved yet is saved first, so the item goes in as the
 * reviewer sees it; an unchanged label is not saved twice.
 */
public final class GoldenSetKeys {

    private final LabelForm form;
    private final Consumer<String> status;
    private final Consumer<Consumer<Long>> saveThen;
    private final Consumer<Long> moveOnFrom;
    private GoldenSet goldenSet = GoldenSet.NONE;

    GoldenSetKeys(LabelForm form, Consumer<String> status, Consumer<Consumer<Long>> saveThen, Consumer<Long> moveOnFrom) {
        this.form = form;
        this.status = status;
        this.saveThen = saveThen;
        this.moveOnFrom = moveOnFrom;
    }

    /** Set when the window is built; until then A says golden sets are not available. */
    public void use(GoldenSet target) {
        this.goldenSet = target;
    }

    public GoldenSet goldenSet() {
        return goldenSet;
    }

    /** @param reviewer whose own label the form shows, or null when adjudicating (the form starts empty) */
    void addCurrent(ReviewItemDetail detail, String reviewer) {
        if (detail == null) {
            return;
        }
        LabelEntry mine = reviewer == null ? null : ItemStates.currentLabels(detail.history()).get(reviewer);
        boolean nothingToSave = form.verdictProperty().get() == null
                || form.unchangedFrom(mine, detail.evidence().output());
        if (nothingToSave) {
            add(detail.item().itemId());
        } else {
            saveThen.accept(this::add);
        }
    }

    private void add(long itemId) {
        goldenSet.add(itemId, added -> {
            status.accept(added.message());
            if (added.added()) {
                moveOnFrom.accept(itemId);
            }
        });
    }
}
