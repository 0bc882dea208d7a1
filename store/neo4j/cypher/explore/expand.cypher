// Paths: one level of the search around both ends, for all frontier nodes ($ids)
// at once. For each frontier node: its neighbours over a stored relationship of
// an allowed type ($types, from the whitelist domain.RelTypes), and, when
// $derived, through a Role or Commitment neighbour the other ends of that
// record's HOLDS, AT, MADE and MADE_TO relationships (the one-hop links
// HOLDS_ROLE_AT, COMMITTED_TO and COMMITTED_WITH), each with its kind's rank in
// domain.Kinds. At most $limit rows: the adapter refuses a search that reaches it.
CYPHER 5
UNWIND $ids AS id
MATCH (:Node {id: id})-[r]-(m:Node)
WHERE type(r) IN $types
WITH DISTINCT id, m
OPTIONAL MATCH (m)-[:HOLDS|AT|MADE|MADE_TO]-(x:Node)
WHERE $derived AND (m:Role OR m:Commitment)
WITH id, collect(DISTINCT m) + collect(DISTINCT x) AS reached
UNWIND reached AS n
WITH DISTINCT id, n
LIMIT $limit
RETURN id, n.id AS neighbour, {{kindRank}} AS kind
