// CONCERNED_BY: the commitments naming a node among their concerns, by date (unknown last), then ID.
CYPHER 5
UNWIND $ids AS id
MATCH (p:Node {id: id})
CALL (p) {
  MATCH (p)<-[:CONCERNS]-(n:Commitment)
  WITH DISTINCT n
  ORDER BY n.date IS NULL, n.date, n.id
  RETURN collect({{node}}) AS children
}
RETURN p.id AS id, children
