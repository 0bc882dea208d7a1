// COMMITMENTS_RECEIVED: the commitments made to an actor, by date (unknown last), then ID.
CYPHER 5
UNWIND $ids AS id
MATCH (p:Node {id: id})
CALL (p) {
  MATCH (p)<-[:MADE_TO]-(n:Commitment)
  WITH DISTINCT n
  ORDER BY n.date IS NULL, n.date, n.id
  RETURN collect({{node}}) AS children
}
RETURN p.id AS id, children
