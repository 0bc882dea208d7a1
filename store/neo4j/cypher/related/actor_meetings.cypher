// ACTOR_MEETINGS: meetings an actor organized or took part in, or whose body it is, by date (unknown last), then ID.
CYPHER 5
UNWIND $ids AS id
MATCH (p:Node {id: id})
CALL (p) {
  MATCH (p)-[:ORGANIZED|PARTICIPATED_IN|MEETING_OF]-(n:Meeting)
  WITH DISTINCT n
  ORDER BY n.date IS NULL, n.date, n.id
  RETURN collect({{node}}) AS children
}
RETURN p.id AS id, children
