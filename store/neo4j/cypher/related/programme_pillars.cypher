// PROGRAMME_PILLARS: the pillars of a programme, by number (unknown last), then ID.
CYPHER 5
UNWIND $ids AS id
MATCH (p:Node {id: id})
CALL (p) {
  MATCH (p)<-[:PILLAR_OF]-(n:Pillar)
  WITH DISTINCT n
  ORDER BY n.number IS NULL, n.number, n.id
  RETURN collect({{node}}) AS children
}
RETURN p.id AS id, children
