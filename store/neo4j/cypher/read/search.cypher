// Search: candidates from the full-text index (the Lucene query is built by the
// adapter from normalised, escaped words: exact-key, word, prefix and fuzzy
// clauses, restricted to the requested kinds); the adapter ranks them.
CYPHER 5
CALL db.index.fulltext.queryNodes('corridor_search', $lucene, {limit: $limit}) YIELD node, score
WITH node AS n, score
RETURN score, {{node}} AS node
