// PERSON_ROLES: the roles a person holds, by start date (unknown last), then ID.
CYPHER 5
UNWIND $ids AS id
MATCH (p:Node {id: id})
CALL (p) {
  MATCH (p)-[:HOLDS]->(n:Role)
  WITH DISTINCT n
  ORDER BY n.validFrom IS NULL, n.validFrom, n.id
  RETURN collect({{node}}) AS children
}
RETURN p.id AS id, children
