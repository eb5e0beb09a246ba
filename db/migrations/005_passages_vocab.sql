-- Document frequencies of passage terms, read by /ask to weigh the words of a question (rare words matter
-- more). fts5vocab is a read-only view over the FTS index, so it costs no storage and never goes stale.
CREATE VIRTUAL TABLE passages_vocab USING fts5vocab(passages_fts, 'row');
