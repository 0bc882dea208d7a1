// ORG_ROLES: the roles held at an organization, by start date (unknown last), then ID.
CYPHER 5
UNWIND $ids AS id
MATCH (p:Node {id: id})
CALL (p) {
  MATCH (p)<-[:AT]-(n:Role)
  WITH DISTINCT n
  ORDER BY n.validFrom IS NULL, n.validFrom, n.id
  RETURN collect({{node}}) AS children
}
RETURN p.id AS id, children
