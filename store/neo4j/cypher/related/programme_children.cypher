// PROGRAMME_CHILDREN: the programmes part of a programme, by normalised name, then ID.
CYPHER 5
UNWIND $ids AS id
MATCH (p:Node {id: id})
CALL (p) {
  MATCH (p)<-[:PART_OF]-(n:Programme)
  WITH DISTINCT n
  ORDER BY n.sortLabel, n.id
  RETURN collect({{node}}) AS children
}
RETURN p.id AS id, children
