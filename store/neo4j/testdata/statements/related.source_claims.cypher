CYPHER 5
UNWIND $ids AS id
MATCH (p:Node {id: id})
CALL (p) {
  MATCH (p)<-[:CITES]-(:Evidence)<-[:SUPPORTED_BY]-(n:Node)
  WITH DISTINCT n
  ORDER BY CASE WHEN n:Person THEN 0 WHEN n:Organization THEN 1 WHEN n:Country THEN 2 WHEN n:Role THEN 3 WHEN n:Meeting THEN 4 WHEN n:Commitment THEN 5 WHEN n:Project THEN 6 WHEN n:Programme THEN 7 WHEN n:Pillar THEN 8 WHEN n:Figure THEN 9 WHEN n:Source THEN 10 END, n.id
  RETURN collect(n {
    node: n,
    out: [(n)-[xr:NATIONAL_OF|IN_COUNTRY|PART_OF|AT|MEETING_OF|MADE_TO|MADE_AT|CONCERNS|IN_PILLAR|IN_PROGRAMME|PILLAR_OF|ABOUT]->(xm:Node) | [xr, xm.id]],
    in: [(n)<-[xr:HOLDS|ORGANIZED|PARTICIPATED_IN|MADE|PARTNER_IN|STATED]-(xm:Node) | [xr, xm.id]],
    signed: [(n)-[xr:SIGNED]->(xd:Document) | [xr, xd]],
    evidence: [(n)-[:SUPPORTED_BY]->(xe:Evidence)-[:CITES]->(xs:Source) | [xe, xs.id]]
  }) AS children
}
RETURN p.id AS id, children
