-- Default flag rules (issue 5, decision 0012). The enabled ones put into review exactly what
-- needs a look in any workspace: failed and errored eval cases, tripped guardrails and negative
-- user feedback. The others are ready to switch on once their budgets suit the workspace.
-- Config JSON is read by dev.tracedesk.review.rules.RuleConfigJson; settings left out take defaults.
INSERT INTO flag_rule (name, rule_type, config_json, enabled, created_at, updated_at) VALUES
    ('Eval case failed or errored', 'EVAL_CASE_FAILED', '{"includeErrored":true}', TRUE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
    ('Guardrail tripped', 'CHECK_FAILED', '{"sources":["GUARDRAIL"]}', TRUE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
    ('Negative user feedback', 'NEGATIVE_FEEDBACK',
     '{"sources":["FEEDBACK","ANNOTATION"],"scoreBelow":0,"labels":["thumbs_down","thumbs-down","negative","bad"]}',
     TRUE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
    ('Slow call', 'LATENCY_ABOVE', '{"budgetMs":30000}', FALSE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
    ('Costly call', 'COST_ABOVE', '{"budgetUsd":0.05}', FALSE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
    ('Low confidence', 'SCORE_BELOW', '{"score":"confidence","threshold":0.5}', FALSE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
    ('Spot check', 'SPOT_CHECK', '{"percent":2}', FALSE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);
