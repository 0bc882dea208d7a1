// PILLAR_PROJECTS: the projects of a pillar, by normalised name, then ID.
CYPHER 5
UNWIND $ids AS id
MATCH (p:Node {id: id})
CALL (p) {
  MATCH (p)<-[:IN_PILLAR]-(n:Project)
  WITH DISTINCT n
  ORDER BY n.sortLabel, n.id
  RETURN collect({{node}}) AS children
}
RETURN p.id AS id, children
