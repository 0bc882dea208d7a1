// COUNTRY_ACTORS: persons of a country's nationality and organizations in it, by normalised name, then ID.
CYPHER 5
UNWIND $ids AS id
MATCH (p:Node {id: id})
CALL (p) {
  MATCH (p)<-[:NATIONAL_OF|IN_COUNTRY]-(n:Person|Organization)
  WITH DISTINCT n
  ORDER BY n.sortLabel, n.id
  RETURN collect({{node}}) AS children
}
RETURN p.id AS id, children
