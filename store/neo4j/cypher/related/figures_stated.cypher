// FIGURES_STATED: the figures an actor stated, by as-of date (unknown last), then ID.
CYPHER 5
UNWIND $ids AS id
MATCH (p:Node {id: id})
CALL (p) {
  MATCH (p)-[:STATED]->(n:Figure)
  WITH DISTINCT n
  ORDER BY n.asOf IS NULL, n.asOf, n.id
  RETURN collect({{node}}) AS children
}
RETURN p.id AS id, children
