package dev.tracedesk.review;

import java.util.Locale;

/** The agreement line under the queue list: "Agreement 75 % · κ 0.52 over 10 items labeled twice". */
final class AgreementText {

    private AgreementText() {
    }

    static String of(QueueSummary queue) {
        if (queue == null) {
            return "";
        }
        Agreement agreement = queue.agreement();
        if (agreement.percentAgreement() == null) {
            return queue.labelsPerItem() > 1 ? "Agreement shows once two reviewers have labeled the same item." : "";
        }
        String kappa = agreement.kappa() == null ? "κ undefined (one verdict only)"
                : String.format(Locale.ROOT, "κ %.2f", agreement.kappa());
        return String.format(Locale.ROOT, "Agreement %.0f %% · %s over %d item%s labeled by two or more",
                agreement.percentAgreement(), kappa, agreement.itemsCompared(), agreement.itemsCompared() == 1 ? "" : "s");
    }
}
