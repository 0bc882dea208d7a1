// SOURCE_CLAIMS: every record with evidence quoting a source, by kind (in the order of domain.Kinds), then ID.
CYPHER 5
UNWIND $ids AS id
MATCH (p:Node {id: id})
CALL (p) {
  MATCH (p)<-[:CITES]-(:Evidence)<-[:SUPPORTED_BY]-(n:Node)
  WITH DISTINCT n
  ORDER BY {{kindRank}}, n.id
  RETURN collect({{node}}) AS children
}
RETURN p.id AS id, children
