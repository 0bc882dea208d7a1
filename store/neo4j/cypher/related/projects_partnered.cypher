// PROJECTS_PARTNERED: the projects an actor is a partner in, by normalised name, then ID.
CYPHER 5
UNWIND $ids AS id
MATCH (p:Node {id: id})
CALL (p) {
  MATCH (p)-[:PARTNER_IN]->(n:Project)
  WITH DISTINCT n
  ORDER BY n.sortLabel, n.id
  RETURN collect({{node}}) AS children
}
RETURN p.id AS id, children
