-- Insights (issue 8, decision 0021). One narrow row per LLM call that has a start time: what the
-- dashboard groups, sums and ranks, without reading the wider span table. A grouped scan of 1M
-- spans takes H2 about 2 s; this table holds only the calls and only the columns the dashboard
-- reads, with the values it groups by already worked out:
--   model      = the served model, else the requested one;
--   route      = the trace's name (its root span's name), else the call's own span name;
--   failed     = status ERROR or an error message;
--   cost_*     = the span's cost split by source, so reported and estimated never mix;
--   in_flight  = how many other LLM calls had started and not yet ended when this one started
--                (ties at the same start count), NULL until the load sweep has reached it.
-- dev.tracedesk.store.calls.LlmCallFacts keeps it up to date after every import; it is derived
-- data, rebuilt from span and trace whenever its watermark (workspace_setting
-- 'llm_call.span_watermark') is behind.
CREATE TABLE llm_call (
    span_id                 BIGINT        NOT NULL PRIMARY KEY REFERENCES span (id) ON DELETE CASCADE,
    trace_id                BIGINT        NOT NULL REFERENCES trace (id) ON DELETE CASCADE,
    start_ns                BIGINT        NOT NULL,
    duration_ns             BIGINT,
    trace_duration_ns       BIGINT,
    provider                VARCHAR(100),
    model                   VARCHAR(200),
    prompt_template_name    VARCHAR(500),
    prompt_template_version VARCHAR(100),
    route                   VARCHAR(1000),
    failed                  BOOLEAN       NOT NULL,
    input_tokens            BIGINT,
    output_tokens           BIGINT,
    cost_reported_usd       DECIMAL(20, 10),
    cost_estimated_usd      DECIMAL(20, 10),
    time_to_first_token_ns  BIGINT,
    in_flight               INTEGER
);
CREATE INDEX llm_call_start_idx ON llm_call (start_ns);
CREATE INDEX llm_call_trace_idx ON llm_call (trace_id);
-- The load sweep reads back from the first new call by the longest duration stored.
CREATE INDEX llm_call_duration_idx ON llm_call (duration_ns);

-- Hourly rollups of llm_call, so the dashboard reads hundreds of rows where a busy workspace has
-- millions of calls (decision 0021). One row per UTC hour, grouping and group key, where
-- grouping_name is a CallGrouping ('NONE', 'MODEL', …) and group_key its key
-- (dev.tracedesk.store.CallGroupKeys). Rebuilt for the hours an import touches.
CREATE TABLE llm_call_hour (
    hour_ns            BIGINT          NOT NULL,
    grouping_name      VARCHAR(16)     NOT NULL,
    group_key          VARCHAR(1000)   NOT NULL,
    calls              BIGINT          NOT NULL,
    errors             BIGINT          NOT NULL,
    input_tokens       BIGINT          NOT NULL,
    output_tokens      BIGINT          NOT NULL,
    cost_reported_usd  DECIMAL(20, 10) NOT NULL,
    cost_estimated_usd DECIMAL(20, 10) NOT NULL,
    calls_with_cost    BIGINT          NOT NULL,
    CONSTRAINT llm_call_hour_pk PRIMARY KEY (grouping_name, hour_ns, group_key)
);
-- Rebuilding an hour deletes and reads it across every grouping.
CREATE INDEX llm_call_hour_time_idx ON llm_call_hour (hour_ns);

-- Latency histograms per hour: how many calls (series CALL), traces (TRACE, each trace once per
-- group and hour), first tokens (TTFT) or calls at a load level (LOAD, by model, load_level =
-- in_flight) fell into each logarithmic latency bucket (bucket b holds values in
-- [1.05^b, 1.05^(b+1)) ns). Percentiles of large ranges are read off these by nearest rank.
CREATE TABLE llm_call_latency_hour (
    hour_ns       BIGINT        NOT NULL,
    grouping_name VARCHAR(16)   NOT NULL,
    group_key     VARCHAR(1000) NOT NULL,
    series        VARCHAR(8)    NOT NULL,
    load_level    INTEGER       NOT NULL,
    bucket        INTEGER       NOT NULL,
    calls         BIGINT        NOT NULL,
    CONSTRAINT llm_call_latency_hour_pk PRIMARY KEY (grouping_name, series, hour_ns, group_key, load_level, bucket)
);
CREATE INDEX llm_call_latency_hour_time_idx ON llm_call_latency_hour (hour_ns);

-- The same histograms summed per UTC day, so a range of weeks reads days and only its partial
-- days' hours. Rebuilt with the hours of the day.
CREATE TABLE llm_call_latency_day (
    day_ns        BIGINT        NOT NULL,
    grouping_name VARCHAR(16)   NOT NULL,
    group_key     VARCHAR(1000) NOT NULL,
    series        VARCHAR(8)    NOT NULL,
    load_level    INTEGER       NOT NULL,
    bucket        INTEGER       NOT NULL,
    calls         BIGINT        NOT NULL,
    CONSTRAINT llm_call_latency_day_pk PRIMARY KEY (grouping_name, series, day_ns, group_key, load_level, bucket)
);
CREATE INDEX llm_call_latency_day_time_idx ON llm_call_latency_day (day_ns);
