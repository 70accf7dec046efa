package dev.tracedesk.store;

import static dev.tracedesk.store.generated.Tables.LLM_CALL;

import org.jooq.Field;
import org.jooq.impl.DSL;

import dev.tracedesk.core.model.CallGrouping;

/**
 * The group key of an {@code llm_call} row under a {@link CallGrouping}, as one SQL expression, so
 * the dashboard, the CLI and the budget rules name a group the same way: the model, the provider,
 * the route as stored; a prompt version as {@code name@version} ({@code @3} when only the version
 * is known, {@code name} alone without one); a missing value as {@link CallGrouping#NO_VALUE}.
 */
public final class CallGroupKeys {

    private CallGroupKeys() {
    }

    public static Field<String> keyOf(CallGrouping grouping) {
        return switch (grouping) {
            // An expression on a column rather than the bare literal: PostgreSQL refuses a constant in GROUP BY.
            case NONE -> DSL.when(LLM_CALL.SPAN_ID.isNotNull(), DSL.inline(CallGrouping.ALL));
            case MODEL -> orNone(LLM_CALL.MODEL);
            case PROVIDER -> orNone(LLM_CALL.PROVIDER);
            case ROUTE -> orNone(LLM_CALL.ROUTE);
            case PROMPT -> DSL.when(LLM_CALL.PROMPT_TEMPLATE_NAME.isNull().and(LLM_CALL.PROMPT_TEMPLATE_VERSION.isNull()),
                            DSL.inline(CallGrouping.NO_VALUE))
                    .when(LLM_CALL.PROMPT_TEMPLATE_VERSION.isNull(), LLM_CALL.PROMPT_TEMPLATE_NAME)
                    .otherwise(DSL.coalesce(LLM_CALL.PROMPT_TEMPLATE_NAME, DSL.inline(""))
                            .concat(DSL.inline("@"), LLM_CALL.PROMPT_TEMPLATE_VERSION));
        };
    }

    private static Field<String> orNone(Field<String> column) {
        return DSL.coalesce(column, DSL.inline(CallGrouping.NO_VALUE));
    }
}
