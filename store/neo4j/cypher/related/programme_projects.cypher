// PROGRAMME_PROJECTS: the projects of a programme, directly or through one of its pillars, by normalised name, then ID.
CYPHER 5
UNWIND $ids AS id
MATCH (p:Node {id: id})
CALL (p) {
  CALL (p) {
    MATCH (p)<-[:IN_PROGRAMME]-(n:Project)
    RETURN n
    UNION
    MATCH (p)<-[:PILLAR_OF]-(:Pillar)<-[:IN_PILLAR]-(n:Project)
    RETURN n
  }
  WITH DISTINCT n
  ORDER BY n.sortLabel, n.id
  RETURN collect({{node}}) AS children
}
RETURN p.id AS id, children
