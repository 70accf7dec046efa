-- The default price table, USD per million tokens (list prices as published by the providers
-- at the time of writing). Used only to estimate the cost of calls whose source reported none;
-- such costs are marked ESTIMATED. Users edit these rows in their workspace; a pattern matches a
-- model name by prefix, the longest pattern wins (gpt-4o-mini before gpt-4o).
INSERT INTO model_price (provider, model_pattern, input_usd_per_mtok, output_usd_per_mtok) VALUES
    ('', 'gpt-4o',               2.50,  10.00),
    ('', 'gpt-4o-mini',          0.15,   0.60),
    ('', 'gpt-4.1',              2.00,   8.00),
    ('', 'gpt-4.1-mini',         0.40,   1.60),
    ('', 'gpt-4.1-nano',         0.10,   0.40),
    ('', 'gpt-4-turbo',         10.00,  30.00),
    ('', 'gpt-4',               30.00,  60.00),
    ('', 'gpt-3.5-turbo',        0.50,   1.50),
    ('', 'o1',                  15.00,  60.00),
    ('', 'o1-mini',              1.10,   4.40),
    ('', 'o3',                   2.00,   8.00),
    ('', 'o3-mini',              1.10,   4.40),
    ('', 'o4-mini',              1.10,   4.40),
    ('', 'claude-3-5-sonnet',    3.00,  15.00),
    ('', 'claude-3-7-sonnet',    3.00,  15.00),
    ('', 'claude-sonnet-4',      3.00,  15.00),
    ('', 'claude-3-5-haiku',     0.80,   4.00),
    ('', 'claude-3-haiku',       0.25,   1.25),
    ('', 'claude-3-opus',       15.00,  75.00),
    ('', 'claude-opus-4',       15.00,  75.00),
    ('', 'gemini-1.5-pro',       1.25,   5.00),
    ('', 'gemini-1.5-flash',     0.075,  0.30),
    ('', 'gemini-2.0-flash',     0.10,   0.40),
    ('', 'mistral-large',        2.00,   6.00),
    ('', 'text-embedding-3-small', 0.02, 0.00),
    ('', 'text-embedding-3-large', 0.13, 0.00);
